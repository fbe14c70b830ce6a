import { describe, expect, it } from "vitest";
import { buildUnitSearchText, searchQueryForms } from "./unit-search";
import { foldVietnamese } from "./vietnamese";

const matches = (unit: Parameters<typeof buildUnitSearchText>[0], query: string) => {
  const text = buildUnitSearchText(unit);
  return searchQueryForms(query).some((form) => text.includes(form));
};

describe("unit search text", () => {
  it("finds Sở Nội vụ without diacritics, by acronym and by its short form", () => {
    const unit = { name: "Sở Nội vụ" };
    expect(matches(unit, "so noi vu")).toBe(true);
    expect(matches(unit, "SNV")).toBe(true);
    expect(matches(unit, "Nội vụ")).toBe(true);
    expect(matches(unit, "SỞ NỘI VỤ")).toBe(true);
    expect(matches(unit, "so tai chinh")).toBe(false);
  });

  it("understands the abbreviations officials write", () => {
    expect(matches({ name: "Sở Kế hoạch và Đầu tư" }, "Sở KH&ĐT")).toBe(true);
    expect(matches({ name: "Văn phòng Ủy ban nhân dân tỉnh" }, "VP UBND")).toBe(true);
    expect(matches({ name: "Sở Thông tin và Truyền thông" }, "TT&TT")).toBe(true);
    expect(matches({ name: "Sở Tài nguyên và Môi trường" }, "Sở TN&MT")).toBe(true);
    expect(matches({ name: "Sở Lao động - Thương binh và Xã hội" }, "LĐ-TB&XH")).toBe(true);
  });

  it("folds đ to d", () => {
    expect(foldVietnamese("Đắk Lắk")).toBe("dak lak");
  });
});
