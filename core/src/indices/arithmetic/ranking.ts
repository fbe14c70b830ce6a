/** Ranks and tiers among provinces, as publishers present them. */

export interface Scored<K = string> {
  key: K;
  value: number;
}

export interface Ranked<K = string> extends Scored<K> {
  rank: number;
}

export interface RankOptions {
  /** Values are compared after rounding to this many decimals (publishers rank on printed scores). */
  decimals?: number;
  /** Default higherIsBetter. */
  polarity?: "higherIsBetter" | "lowerIsBetter";
}

function rounder(decimals: number | undefined): (v: number) => number {
  if (decimals === undefined) return (v) => v;
  const f = 10 ** decimals;
  return (v) => Math.round(v * f) / f;
}

/**
 * Competition ranking ("1224"): equal values share a rank and the next rank skips, so the rank
 * always says how many did better. Non-finite values are left out. Order: best first.
 */
export function competitionRanks<K>(entries: readonly Scored<K>[], options: RankOptions = {}): Ranked<K>[] {
  const round = rounder(options.decimals);
  const sign = options.polarity === "lowerIsBetter" ? 1 : -1;
  const sorted = entries
    .filter((e) => Number.isFinite(e.value))
    .map((e) => ({ ...e, cmp: round(e.value) }))
    .sort((a, b) => sign * (a.cmp - b.cmp));
  const out: Ranked<K>[] = [];
  sorted.forEach((e, i) => {
    const rank = i > 0 && e.cmp === sorted[i - 1].cmp ? out[i - 1].rank : i + 1;
    out.push({ key: e.key, value: e.value, rank });
  });
  return out;
}

/** The rank a value would take among others (competition ranking: ties share the better rank). */
export function rankAmong(value: number, others: readonly number[], options: RankOptions = {}): number {
  const round = rounder(options.decimals);
  const v = round(value);
  const better = others.filter((o) =>
    options.polarity === "lowerIsBetter" ? round(o) < v : round(o) > v,
  ).length;
  return better + 1;
}

export type QuartileTier = "highest" | "highAverage" | "lowAverage" | "lowest";

export const QUARTILE_TIER_LABELS: Record<QuartileTier, { vi: string; en: string }> = {
  highest: { vi: "Nhóm cao nhất", en: "Best performers" },
  highAverage: { vi: "Nhóm trung bình cao", en: "High average performers" },
  lowAverage: { vi: "Nhóm trung bình thấp", en: "Low average performers" },
  lowest: { vi: "Nhóm thấp nhất", en: "Poor performers" },
};

/**
 * Quartile groups named plainly, for an index whose publisher names no grouping (PGI, SIPAS…): the
 * same cut points as PAPI's tiers, but words that claim nothing the publisher did not say.
 */
export const PLAIN_QUARTILE_LABELS: Record<QuartileTier, { vi: string; en: string }> = {
  highest: { vi: "Nhóm 25% cao nhất", en: "Top quarter" },
  highAverage: { vi: "Nhóm trên trung vị", en: "Second quarter" },
  lowAverage: { vi: "Nhóm dưới trung vị", en: "Third quarter" },
  lowest: { vi: "Nhóm 25% thấp nhất", en: "Bottom quarter" },
};

/** Percentile with linear interpolation between order statistics (Excel PERCENTILE.INC). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface Tiered<K = string> extends Scored<K> {
  tier: QuartileTier;
  label: string;
}

/**
 * PAPI-style tiers by the quartiles of the scores: at or above the 75th percentile → highest,
 * from the median → high average, from the 25th → low average, below → lowest.
 */
export function quartileTiers<K>(entries: readonly Scored<K>[]): Tiered<K>[] {
  const values = entries.filter((e) => Number.isFinite(e.value)).map((e) => e.value);
  const q1 = percentile(values, 0.25);
  const q2 = percentile(values, 0.5);
  const q3 = percentile(values, 0.75);
  return entries
    .filter((e) => Number.isFinite(e.value))
    .map((e) => {
      const tier: QuartileTier =
        e.value >= q3 ? "highest" : e.value >= q2 ? "highAverage" : e.value >= q1 ? "lowAverage" : "lowest";
      return { ...e, tier, label: QUARTILE_TIER_LABELS[tier].vi };
    });
}
