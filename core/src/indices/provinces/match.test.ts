import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchProvince } from "./match";
import { MERGER_MAP, PROVINCES_CURRENT, PROVINCES_PRE_2025, successorOf } from "./provinces";

describe("province lists", () => {
  it("has 63 pre-2025 and 34 current provinces with unique codes", () => {
    expect(PROVINCES_PRE_2025).toHaveLength(63);
    expect(PROVINCES_CURRENT).toHaveLength(34);
    expect(new Set(PROVINCES_PRE_2025.map((p) => p.code)).size).toBe(63);
    expect(new Set(PROVINCES_CURRENT.map((p) => p.code)).size).toBe(34);
  });
  it("maps every pre-2025 province to exactly one current province", () => {
    expect(MERGER_MAP.size).toBe(63);
    for (const p of PROVINCES_PRE_2025) expect(MERGER_MAP.has(p.code)).toBe(true);
    expect(successorOf("ba-ria-vung-tau")?.name).toBe("TP. Hồ Chí Minh");
    expect(successorOf("thua-thien-hue")?.name).toBe("Huế");
    expect(successorOf("hoa-binh")?.name).toBe("Phú Thọ");
  });
});

describe("matchProvince", () => {
  const cases: [string, string][] = [
    ["TT-Huế", "thua-thien-hue"],
    ["Thừa Thiên Huế", "thua-thien-hue"],
    ["TT-Hue", "thua-thien-hue"],
    ["Thua Thien Hue", "thua-thien-hue"],
    ["Tp.HCM", "ho-chi-minh"],
    ["TP. Hồ Chí Minh", "ho-chi-minh"],
    ["Thành phố Hồ Chí Minh", "ho-chi-minh"],
    ["Ho Chi Minh City", "ho-chi-minh"],
    ["HCMC", "ho-chi-minh"],
    ["Ba Ria - Vung Tau", "ba-ria-vung-tau"],
    ["BR-VT", "ba-ria-vung-tau"],
    ["BRVT", "ba-ria-vung-tau"],
    ["Đắk Lắk", "dak-lak"],
    ["Dak Lak", "dak-lak"],
    ["Đăk Lăk", "dak-lak"],
    ["Đăk Nông", "dak-nong"],
    ["Hòa Bình", "hoa-binh"],
    ["Hoà Bình", "hoa-binh"],
    ["Khánh Hoà", "khanh-hoa"],
    ["Tỉnh Bình Định", "binh-dinh"],
    ["TP. Cần Thơ", "can-tho"],
    ["Hanoi", "ha-noi"],
    ["HÀ NỘI", "ha-noi"],
    ["Bac Kan", "bac-kan"],
    ["Bắc Cạn", "bac-kan"],
    ["P01", "ha-noi"],
    ["P63", "ca-mau"],
    ["Quang Ngai", "quang-ngai"],
    ["Thanh Hóa", "thanh-hoa"],
    ["Thanh Hoá", "thanh-hoa"],
    ["Huế", "hue"],
  ];
  it.each(cases)("%s → %s", (input, code) => {
    expect(matchProvince(input)?.code).toBe(code);
  });
  it("gives confidence 1 for the exact official name, also with old tone placement", () => {
    expect(matchProvince("Khánh Hòa")?.confidence).toBe(1);
    expect(matchProvince("Khánh Hoà")?.confidence).toBe(1);
    expect(matchProvince("Khanh Hoa")?.confidence).toBeLessThan(1);
  });
  it("tolerates a one-letter typo in a long name, but never guesses between two provinces", () => {
    expect(matchProvince("Quang Ngaii")?.code).toBe("quang-ngai");
    expect(matchProvince("Ha Nxm")).toBeNull();
    expect(matchProvince("Median")).toBeNull();
    expect(matchProvince("Điểm cao nhất")).toBeNull();
    expect(matchProvince("")).toBeNull();
  });
  it("respects the era: Hà Giang exists only before 2025", () => {
    expect(matchProvince("Hà Giang", { era: "current" })).toBeNull();
    expect(matchProvince("Hà Giang", { era: "pre2025" })?.code).toBe("ha-giang");
    expect(matchProvince("Huế", { era: "current" })?.code).toBe("hue");
  });
  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const m = matchProvince(s);
        expect(m === null || (m.confidence > 0 && m.confidence <= 1)).toBe(true);
      }),
    );
  });
});
