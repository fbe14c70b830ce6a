import { describe, expect, it } from "vitest";
import { ddciCodeOf, ddciDefaultVersion, equalWeights, isDdciCode } from "./ddci";
import { weightProblems } from "./weights";

const c = (code: string, weight: number | null, extra: Record<string, unknown> = {}) => ({
  code,
  parentCode: null,
  nameVi: `Thành phần ${code}`,
  weight,
  aggregation: null,
  ...extra,
});

describe("DDCI default version", () => {
  it("has 5 department and 10 commune components, each group's equal weights summing to 100", () => {
    const v = ddciDefaultVersion(2025);
    const dept = v.components.filter((x) => x.subjectKind === "department");
    const communes = v.components.filter((x) => x.subjectKind === "commune");
    expect([dept.length, communes.length]).toEqual([5, 10]);
    expect(dept.map((x) => x.weight)).toEqual([20, 20, 20, 20, 20]);
    expect(communes.find((x) => x.code === "X_ONE_STOP")?.nameEn).toBe("One-stop-shop reform");
    expect(
      weightProblems({ totalAggregation: "weightedMean", subjectsAreUnits: true, components: v.components }),
    ).toEqual([]);
    expect(v.totalRule.description).toContain("tạm thời");
  });

  it("equal weights of 3 keep the rounding on the last share", () => {
    expect(equalWeights(3)).toEqual([33.33, 33.33, 33.34]);
  });

  it("codes a province's DDCI from its id, recognisably", () => {
    const code = ddciCodeOf("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
    expect(code).toBe("DDCI_0A1B2C3D4E5F");
    expect(isDdciCode(code)).toBe(true);
    expect(isDdciCode("PCI")).toBe(false);
  });
});

describe("weight rule", () => {
  it("names the parent whose indicators do not add up to 100, with a decimal comma", () => {
    const problems = weightProblems({
      totalAggregation: "weightedMean",
      subjectsAreUnits: false,
      components: [
        c("A", 60, { aggregation: "weightedMean", nameVi: "Tính minh bạch" }),
        c("B", 40),
        c("A1", 50.5, { parentCode: "A" }),
        c("A2", 40, { parentCode: "A" }),
      ],
    });
    expect(problems).toEqual(["Trọng số các chỉ tiêu của “Tính minh bạch” cộng lại 90,5, phải bằng 100."]);
  });

  it("checks each kind of subject on its own and asks for the kind and missing weights", () => {
    const problems = weightProblems({
      totalAggregation: "weightedMean",
      subjectsAreUnits: true,
      components: [
        c("S1", 100, { subjectKind: "department" }),
        c("X1", 70, { subjectKind: "commune" }),
        c("X2", null, { subjectKind: "commune" }),
        c("Z", 10),
      ],
    });
    expect(problems).toEqual([
      "“Thành phần Z”: cần chọn đối tượng chấm điểm (sở, ban, ngành hoặc xã, phường).",
      "“Thành phần X2” chưa có trọng số (các thành phần chấm cho xã, phường được tính bình quân có trọng số).",
    ]);
  });

  it("leaves sums and plain means alone", () => {
    expect(
      weightProblems({
        totalAggregation: "sum",
        subjectsAreUnits: false,
        components: [c("A", null), c("B", 7)],
      }),
    ).toEqual([]);
  });
});
