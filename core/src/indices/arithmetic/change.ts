/** Year-on-year change, and the "weakest" and "falling" components a plan should address. */
import type { Component } from "../definitions/types";

export interface YearOnYear {
  scoreChange: number | null;
  /** Places gained (+) or lost (−): rank 16 → 34 is −18. */
  placesChange: number | null;
}

export function yearOnYear(
  previous: { score?: number | null; rank?: number | null },
  current: { score?: number | null; rank?: number | null },
): YearOnYear {
  const num = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);
  return {
    scoreChange: num(previous.score) && num(current.score) ? current.score - previous.score : null,
    placesChange: num(previous.rank) && num(current.rank) ? previous.rank - current.rank : null,
  };
}

/**
 * Where a value sits between the component's worst (0) and best (1) possible value, whatever its
 * polarity: 20% of firms paying informal charges is 0.8, 20% of firms finding procedures simple is 0.2.
 */
export function performance(component: Pick<Component, "min" | "max" | "polarity">, value: number): number {
  const span = component.max - component.min;
  if (span <= 0) return 0;
  const position = Math.min(1, Math.max(0, (value - component.min) / span));
  return component.polarity === "lowerIsBetter" ? 1 - position : position;
}

export interface ComponentReading {
  component: Pick<Component, "code" | "nameVi" | "min" | "max" | "polarity">;
  value: number | null;
  /** The province's rank on this component, when published; used before the scale position. */
  rank?: number | null;
}

export interface WeakComponent {
  code: string;
  nameVi: string;
  value: number;
  rank: number | null;
  performance: number;
}

/**
 * The n weakest components: worst published rank first when ranks are known for all of them,
 * otherwise lowest performance (polarity-aware position on the scale). Unknown values are skipped.
 */
export function weakestComponents(readings: readonly ComponentReading[], n = 3): WeakComponent[] {
  const known = readings
    .filter(
      (r): r is ComponentReading & { value: number } =>
        typeof r.value === "number" && Number.isFinite(r.value),
    )
    .map((r) => ({
      code: r.component.code,
      nameVi: r.component.nameVi,
      value: r.value,
      rank: r.rank ?? null,
      performance: performance(r.component, r.value),
    }));
  const byRank = known.length > 0 && known.every((k) => k.rank !== null);
  known.sort((a, b) =>
    byRank
      ? (b.rank as number) - (a.rank as number) || a.performance - b.performance
      : a.performance - b.performance,
  );
  return known.slice(0, n);
}

export interface FallingComponent {
  code: string;
  nameVi: string;
  previous: number;
  current: number;
  /** current − previous, as published. */
  change: number;
  /** Change of performance (polarity-aware, share of the scale); negative = worse. */
  performanceChange: number;
}

/** Components that got worse (a rise of a lower-is-better indicator is a fall), worst first. */
export function fallingComponents(
  components: readonly Pick<Component, "code" | "nameVi" | "min" | "max" | "polarity">[],
  previous: Readonly<Record<string, number | null | undefined>>,
  current: Readonly<Record<string, number | null | undefined>>,
): FallingComponent[] {
  const out: FallingComponent[] = [];
  for (const c of components) {
    const p = previous[c.code];
    const q = current[c.code];
    if (typeof p !== "number" || typeof q !== "number" || !Number.isFinite(p) || !Number.isFinite(q))
      continue;
    const performanceChange = performance(c, q) - performance(c, p);
    if (performanceChange < 0) {
      out.push({ code: c.code, nameVi: c.nameVi, previous: p, current: q, change: q - p, performanceChange });
    }
  }
  return out.sort((a, b) => a.performanceChange - b.performanceChange);
}
