import { describe, expect, it } from "vitest";
import { authorityName, defaultRecipient, letterhead, placeName, signerTitle } from "./letterhead";

const province = { kind: "province", name: "Tỉnh Gia Lai" };
const department = { kind: "department", name: "Sở Nội vụ" };

describe("the issuer as Decree 30 writes it", () => {
  it("puts the province's committee above a department, addressed to it, signed by the director", () => {
    expect(letterhead(department, province)).toEqual({ above: "UBND TỈNH GIA LAI", issuer: "SỞ NỘI VỤ" });
    expect(defaultRecipient(province)).toBe("UBND tỉnh Gia Lai");
    expect(signerTitle(department)).toEqual({ onBehalf: null, title: "GIÁM ĐỐC" });
    expect(placeName(department, province)).toBe("Gia Lai");
  });

  it("writes a committee as ỦY BAN NHÂN DÂN above its place, signed by its chair on its behalf", () => {
    expect(letterhead({ kind: "commune", name: "Xã An Phú" }, province)).toEqual({
      above: "ỦY BAN NHÂN DÂN",
      issuer: "XÃ AN PHÚ",
    });
    expect(signerTitle(province)).toEqual({ onBehalf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" });
    expect(authorityName({ kind: "commune", name: "UBND xã An Phú" })).toBe("UBND xã An Phú");
    expect(defaultRecipient(null)).toBeNull();
    expect(placeName({ kind: "commune", name: "Xã An Phú" }, province)).toBe("An Phú");
    expect(placeName({ kind: "internalUnit", name: "Phòng Tổ chức" }, department)).toBe("……");
    expect(letterhead(province, null).above).toBe("ỦY BAN NHÂN DÂN");
  });
});
