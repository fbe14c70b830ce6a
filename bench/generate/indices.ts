/**
 * Index results for the indices scenarios: every index of the catalog, 2005-2024 wherever a
 * version covers the year, for the 63 provinces that existed until 30/6/2025 (published editions up
 * to 2024 name them; the 34 current provinces show their predecessors' series). Components follow
 * each year's version exactly: PCI 2022-2024 carry the 10 sub-indices and the 142 indicators of
 * 2022 (152), PAPI its dimensions and sub-dimensions (28-37). Derived figures (computed total,
 * ranks, PAPI tiers) are written as refreshDerived and the importer would.
 */
import { computeTotal } from "../../core/src/indices/arithmetic/composite";
import { competitionRanks, quartileTiers } from "../../core/src/indices/arithmetic/ranking";
import { INDEX_DEFINITIONS, versionFor } from "../../core/src/indices/definitions/catalog";
import type { Component, IndexVersion } from "../../core/src/indices/definitions/types";
import { PROVINCES_PRE_2025 } from "../../core/src/indices/provinces/provinces";
import { createRandom } from "./random";

export const INDEX_YEARS = { from: 2005, to: 2024 } as const;

export interface PlannedIndexResult {
  id: string;
  indexCode: string;
  year: number;
  provinceCode: string;
  versionCode: string;
  total: number | null;
  rank: number | null;
  rankOf: number | null;
  computedTotal: number | null;
  computedRank: number | null;
  computedRankOf: number | null;
  computedBand: string | null;
  components: Array<{ code: string; value: number; computedRank: number | null }>;
}

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;
/** A seed per index-year: the workbook of one year reproduces the same values without the rest. */
const seedOf = (indexCode: string, year: number) =>
  [...`${indexCode}|${year}`].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);

/**
 * Each province's component values of one index-year: leaves at random inside the middle of their
 * range (room for what-if deltas either way), parents that the version sums or averages computed
 * from their children, "points" parents (PCI 2022 sub-indices) drawn on their own scale.
 */
export function indexYearValues(version: IndexVersion, year: number) {
  const random = createRandom(seedOf(version.indexCode, year));
  const children = new Map<string, Component[]>();
  for (const c of version.components)
    if (c.parentCode) children.set(c.parentCode, [...(children.get(c.parentCode) ?? []), c]);
  return PROVINCES_PRE_2025.map((province) => {
    const values: Record<string, number> = {};
    const generate = (c: Component): number => {
      const kids = children.get(c.code) ?? [];
      let v: number;
      if (kids.length > 0 && (c.aggregation === "sum" || c.aggregation === "mean")) {
        const parts = kids.map(generate);
        const sum = parts.reduce((a, b) => a + b, 0);
        v = c.aggregation === "sum" ? sum : sum / parts.length;
      } else {
        kids.forEach(generate);
        v = c.min + (c.max - c.min) * (0.25 + 0.55 * random.next());
      }
      v = Math.min(c.max, Math.max(c.min, round(v, 2)));
      values[c.code] = v;
      return v;
    };
    for (const c of version.components) if (c.parentCode === null) generate(c);
    return { province, values };
  });
}

/** The published total of a province's values: the version's rule, on the printed 2 decimals. */
export function totalOf(version: IndexVersion, values: Record<string, number>): number | null {
  const total = computeTotal(version, values).value;
  return total === null ? null : round(total, 2);
}

export function planIndexResults(): PlannedIndexResult[] {
  const random = createRandom(20_250_703);
  const out: PlannedIndexResult[] = [];
  for (const definition of INDEX_DEFINITIONS) {
    for (let year = INDEX_YEARS.from; year <= INDEX_YEARS.to; year++) {
      const version = versionFor(definition.code, year);
      if (!version) continue;
      const provinces = indexYearValues(version, year);
      const totals = provinces.map((p) => ({ key: p.province.code, value: totalOf(version, p.values) }));
      const scored = totals.filter((t): t is { key: string; value: number } => t.value !== null);
      const ranks = new Map(competitionRanks(scored, { decimals: 2 }).map((r) => [r.key, r.rank]));
      const tiers =
        definition.code === "PAPI"
          ? new Map(quartileTiers(scored).map((t) => [t.key, t.label]))
          : new Map<string, string>();
      const componentRanks = new Map<string, number>();
      for (const c of version.components) {
        const entries = provinces.map((p) => ({ key: p.province.code, value: p.values[c.code] }));
        for (const r of competitionRanks(entries, { decimals: 4, polarity: c.polarity }))
          componentRanks.set(`${r.key}|${c.code}`, r.rank);
      }
      for (const p of provinces) {
        const total = totals.find((t) => t.key === p.province.code)?.value ?? null;
        const rank = ranks.get(p.province.code) ?? null;
        out.push({
          id: random.uuid(),
          indexCode: definition.code,
          year,
          provinceCode: p.province.code,
          versionCode: version.code,
          total,
          rank,
          rankOf: rank === null ? null : scored.length,
          computedTotal: total,
          computedRank: rank,
          computedRankOf: scored.length,
          computedBand: tiers.get(p.province.code) ?? null,
          components: version.components.map((c) => ({
            code: c.code,
            value: p.values[c.code],
            computedRank: componentRanks.get(`${p.province.code}|${c.code}`) ?? null,
          })),
        });
      }
    }
  }
  return out;
}
