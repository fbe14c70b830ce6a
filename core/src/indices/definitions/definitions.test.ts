import { describe, expect, it } from "vitest";
import { INDEX_DEFINITIONS, INDEX_VERSIONS, topLevelComponents, versionFor, versionsOf } from "./catalog";

describe("index definitions", () => {
  it("versions of an index do not overlap and have unique component codes", () => {
    for (const def of INDEX_DEFINITIONS) {
      const versions = versionsOf(def.code).sort((a, b) => a.validFromYear - b.validFromYear);
      versions.forEach((v, i) => {
        if (i > 0) expect(v.validFromYear).toBe((versions[i - 1].validToYear as number) + 1);
        expect(new Set(v.components.map((c) => c.code)).size).toBe(v.components.length);
        for (const c of v.components) {
          if (c.parentCode) expect(v.components.some((p) => p.code === c.parentCode)).toBe(true);
          expect(c.max).toBeGreaterThan(c.min);
        }
      });
    }
    expect(new Set(INDEX_VERSIONS.map((v) => v.code)).size).toBe(INDEX_VERSIONS.length);
  });
  it("PCI weights sum to 100 in every version; 2009-12 has no policy bias", () => {
    for (const v of versionsOf("PCI")) {
      const top = topLevelComponents(v);
      expect(top.reduce((s, c) => s + (c.weight ?? 0), 0)).toBe(100);
    }
    expect(topLevelComponents(versionFor("PCI", 2010)!)).toHaveLength(9);
    const w2022 = Object.fromEntries(
      topLevelComponents(versionFor("PCI", 2023)!).map((c) => [c.code, c.weight]),
    );
    expect(w2022).toMatchObject({ LAND: 10, TRANSPARENCY: 5, TIME: 5, INFORMAL: 15, BIAS: 10, SUPPORT: 15 });
  });
  it("PCI 2022 lists the Appendix 1 indicators with polarity", () => {
    const v = versionFor("PCI", 2022)!;
    const indicators = v.components.filter((c) => c.parentCode);
    expect(indicators.length).toBe(142);
    const informal = indicators.filter(
      (c) => c.parentCode === "INFORMAL" && /CPKCT|chi phí không chính thức/.test(c.nameVi),
    );
    expect(informal.filter((c) => c.polarity === "lowerIsBetter").length).toBeGreaterThanOrEqual(10);
  });
  it("maxima: PAPI 60 then 80, PGI 40, PAR INDEX fields sum to 100, 766 groups to 100", () => {
    expect(versionFor("PAPI", 2017)?.scaleMax).toBe(60);
    expect(versionFor("PAPI", 2018)?.scaleMax).toBe(80);
    expect(versionFor("PGI", 2023)?.scaleMax).toBe(40);
    const sum = (code: "PAR_INDEX" | "INDEX_766") =>
      topLevelComponents(versionFor(code, 2024)!).reduce((s, c) => s + c.max, 0);
    expect(sum("PAR_INDEX")).toBe(100);
    expect(sum("INDEX_766")).toBe(100);
    expect(topLevelComponents(versionFor("SIPAS", 2023)!)).toHaveLength(3);
    expect(versionFor("PGI", 2015)).toBeNull();
  });
});
