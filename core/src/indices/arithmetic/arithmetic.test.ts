import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { versionByCode, versionFor } from "../definitions/catalog";
import type { IndexVersion } from "../definitions/types";
import { fallingComponents, performance, weakestComponents, yearOnYear } from "./change";
import { compareWithPublished, computeTotal } from "./composite";
import { marginalWorth } from "./marginal";
import { competitionRanks, quartileTiers, rankAmong } from "./ranking";
import { whatIf } from "./whatif";

const pci2013 = versionByCode("PCI-2013") as IndexVersion;
const pci2022 = versionByCode("PCI-2022") as IndexVersion;
const papi2021 = versionByCode("PAPI-2021") as IndexVersion;

// PCI sub-index scores of one province (10-point scale).
const daNang2015 = {
  ENTRY: 9.190401077270508,
  LAND: 6.345677375793457,
  TRANSPARENCY: 7.325588226318359,
  TIME: 7.498322010040283,
  INFORMAL: 5.989707946777344,
  BIAS: 4.7696309089660645,
  PROACTIVITY: 6.171483039855957,
  SUPPORT: 6.062953948974609,
  LABOR: 7.616320610046387,
  LEGAL: 6.45904016494751,
};

describe("computeTotal", () => {
  it("PCI: weighted mean of the 10-point sub-indices ×10", () => {
    const all = Object.fromEntries(Object.keys(daNang2015).map((k) => [k, 5]));
    expect(computeTotal(pci2013, all).value).toBeCloseTo(50, 10);
    const r = computeTotal(pci2013, { ...all, TRANSPARENCY: 6 });
    expect(r.value).toBeCloseTo(52, 10); // 20% weight → +1 point = +2
  });
  it("reports missing components instead of treating them as 0", () => {
    const { LEGAL: _omit, ...partial } = daNang2015;
    const r = computeTotal(pci2013, partial);
    expect(r.value).toBeNull();
    expect(r.missing).toEqual(["LEGAL"]);
    const approx = computeTotal(pci2013, partial, "renormalize");
    expect(approx.value).not.toBeNull();
    expect(approx.missing).toEqual(["LEGAL"]);
  });
  it("PAPI: dimensions computed from sub-dimensions, total = sum", () => {
    const values: Record<string, number> = {};
    for (const c of papi2021.components) if (c.parentCode) values[c.code] = 10 / 4 / 2;
    // Sub-dimensions of three-part dimensions: give them 10/3/2 so each dimension is 5.
    for (const c of papi2021.components) {
      const siblings = papi2021.components.filter((s) => s.parentCode === c.parentCode && c.parentCode);
      if (c.parentCode && siblings.length === 3) values[c.code] = 10 / 3 / 2;
    }
    const r = computeTotal(papi2021, values);
    expect(r.missing).toEqual([]);
    expect(r.value).toBeCloseTo(40, 10);
    expect(r.used.D5).toBeCloseTo(5, 10);
  });
  it("does not recompute a PCI 2022 sub-index from indicators (publisher-scored)", () => {
    const r = computeTotal(pci2022, { "ENTRY.1": 5 });
    expect(r.value).toBeNull();
    expect(r.missing).toContain("ENTRY");
  });
  it("compares with the published total", () => {
    // The real check (every province of PCI 2015 and 2016 within 0.01) runs on VCCI's workbooks in
    // the import tests; here, the arithmetic of the comparison.
    const computed = computeTotal(pci2013, daNang2015).value as number;
    const c = compareWithPublished(computed, computed - 0.004);
    expect(c.withinTolerance).toBe(true);
    expect(c.difference).toBeCloseTo(0.004, 10);
    expect(compareWithPublished(computed, computed - 0.02).withinTolerance).toBe(false);
    expect(compareWithPublished(null, 60).difference).toBeNull();
  });
});

describe("ranks and tiers", () => {
  it("uses competition ranking for ties (1,2,2,4)", () => {
    const r = competitionRanks([
      { key: "a", value: 70 },
      { key: "b", value: 65 },
      { key: "c", value: 65 },
      { key: "d", value: 60 },
    ]);
    expect(r.map((x) => [x.key, x.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });
  it("ties after rounding to printed decimals, and supports lower-is-better", () => {
    const r = competitionRanks(
      [
        { key: "a", value: 65.004 },
        { key: "b", value: 64.996 },
      ],
      { decimals: 2 },
    );
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
    const low = competitionRanks(
      [
        { key: "a", value: 3 },
        { key: "b", value: 1 },
      ],
      { polarity: "lowerIsBetter" },
    );
    expect(low[0].key).toBe("b");
  });
  it("ranks are consistent: rank − 1 = number strictly better", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 70 }), (vals) => {
        const ranked = competitionRanks(vals.map((v, i) => ({ key: i, value: v })));
        for (const r of ranked) expect(r.rank).toBe(vals.filter((v) => v > r.value).length + 1);
      }),
    );
  });
  it("PAPI quartile tiers", () => {
    const entries = Array.from({ length: 8 }, (_, i) => ({ key: `p${i}`, value: i + 1 }));
    const tiers = quartileTiers(entries);
    expect(tiers.find((t) => t.key === "p7")?.label).toBe("Nhóm cao nhất");
    expect(tiers.find((t) => t.key === "p0")?.label).toBe("Nhóm thấp nhất");
    expect(tiers.filter((t) => t.tier === "highest")).toHaveLength(2);
    expect(tiers.filter((t) => t.tier === "lowest")).toHaveLength(2);
  });
});

describe("changes, weakest and falling", () => {
  it("year on year: rank 16 → 34 is −18 places", () => {
    // Khánh Hòa PCI: 67.74 (16/63) in 2022 → 66.52 (34/63) in 2023.
    const c = yearOnYear({ score: 67.74, rank: 16 }, { score: 66.52, rank: 34 });
    expect(c.placesChange).toBe(-18);
    expect(c.scoreChange).toBeCloseTo(-1.22, 10);
    expect(yearOnYear({ rank: null }, { rank: 3 }).placesChange).toBeNull();
  });
  const informal = pci2022.components.find((c) => c.code === "INFORMAL.5");
  const simple = pci2022.components.find((c) => c.code === "TIME.5");
  it("respects polarity: paying informal charges is lower-is-better", () => {
    expect(informal?.polarity).toBe("lowerIsBetter");
    expect(simple?.polarity).toBe("higherIsBetter");
    if (!informal || !simple) return;
    expect(performance(informal, 20)).toBeCloseTo(0.8);
    expect(performance(simple, 20)).toBeCloseTo(0.2);
    const weakest = weakestComponents(
      [
        { component: informal, value: 11 },
        { component: simple, value: 83 },
        { component: { ...simple, code: "X", nameVi: "X" }, value: 40 },
      ],
      2,
    );
    expect(weakest.map((w) => w.code)).toEqual(["X", "TIME.5"]);
  });
  it("weakest by published rank when ranks are known", () => {
    const comps = pci2013.components;
    const w = weakestComponents(
      comps.map((c, i) => ({ component: c, value: 6, rank: i + 1 })),
      1,
    );
    expect(w[0].code).toBe("LEGAL");
  });
  it("falling: a rise of a lower-is-better indicator is a fall", () => {
    if (!informal || !simple) return;
    const f = fallingComponents(
      [informal, simple],
      { [informal.code]: 11, [simple.code]: 83 },
      {
        [informal.code]: 15,
        [simple.code]: 90,
      },
    );
    expect(f.map((x) => x.code)).toEqual(["INFORMAL.5"]);
    expect(f[0].change).toBe(4);
  });
});

describe("marginal worth and what-if", () => {
  it("+1 point of a sub-index is worth its weight ×10 / 100 in PCI", () => {
    expect(marginalWorth(pci2013, "TRANSPARENCY")).toBeCloseTo(2, 10);
    expect(marginalWorth(pci2022, "INFORMAL")).toBeCloseTo(1.5, 10);
    expect(marginalWorth(pci2022, "INFORMAL.5")).toBeNull();
    expect(marginalWorth(papi2021, "D5.3")).toBe(1);
    expect(marginalWorth(papi2021, "NOPE")).toBeNull();
  });
  it("what-if: new total and the rank it would have had", () => {
    const others = [68.34, 66.39, 65.75, 62.56, 62.32];
    const base = Object.fromEntries(Object.keys(daNang2015).map((k) => [k, 6]));
    const r = whatIf({
      version: pci2013,
      baseValues: base,
      changes: { TRANSPARENCY: 9.5 },
      otherTotals: others,
    });
    expect(r.baseTotal).toBeCloseTo(60, 10);
    expect(r.newTotal).toBeCloseTo(67, 10);
    expect(r.baseRank).toBe(6);
    expect(r.newRank).toBe(2);
    expect(r.placesChange).toBe(4);
    expect(r.outOf).toBe(6);
  });
  it("what-if on a PAPI sub-dimension recomputes the stale dimension", () => {
    const base: Record<string, number> = { D1: 5, D2: 5, D3: 5, D4: 5, D5: 5, D6: 5, D7: 5, D8: 5 };
    for (const c of papi2021.components.filter((c) => c.parentCode === "D8")) base[c.code] = 5 / 3;
    const r = whatIf({
      version: papi2021,
      baseValues: base,
      changes: { "D8.1": 5 / 3 + 1 },
      otherTotals: [41, 40.5],
    });
    expect(r.newTotal).toBeCloseTo(41, 10);
    expect(r.newRank).toBe(1);
    expect(r.baseRank).toBe(3);
  });
  it("rankAmong shares the better rank on ties", () => {
    expect(rankAmong(66.52, [70, 66.52, 60])).toBe(2);
    expect(versionFor("PCI", 2015)?.code).toBe("PCI-2013");
  });
});
