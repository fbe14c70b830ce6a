/**
 * When two years of an index can be compared. Versions change often (weights, a new indicator) and
 * publishers still compare those years; a change of the total's scale or of how the total is formed
 * (PAPI: 60 points until 2017, 80 from 2018) makes scores of the two years different quantities.
 * The charts break there and the year-on-year changes stop there: one rule, read from the versions.
 */
import type { TotalRule } from "../definitions/types";

/** What a version says about its total: enough to tell whether two totals are the same quantity. */
export interface MethodOfVersion {
  code: string;
  validFromYear: number;
  validToYear: number | null;
  scaleMax: number;
  totalRule: Pick<TotalRule, "aggregation" | "multiplier">;
}

/** True when totals under the two versions are on one scale and formed the same way. */
export function sameMethod(a: MethodOfVersion, b: MethodOfVersion): boolean {
  return (
    a.scaleMax === b.scaleMax &&
    a.totalRule.aggregation === b.totalRule.aggregation &&
    a.totalRule.multiplier === b.totalRule.multiplier
  );
}

/** A change of method between two consecutive versions of an index. */
export interface MethodBreak {
  /** First year of the new method. */
  year: number;
  from: MethodOfVersion;
  to: MethodOfVersion;
  /** True when the maximum score changed (60 → 80), false when only the way the total is formed did. */
  scaleChanged: boolean;
}

/** The latest revision of each starting year, oldest first (a revision replaces, not follows). */
function successive<V extends MethodOfVersion & { revision?: number }>(versions: readonly V[]): V[] {
  const byStart = new Map<number, V>();
  for (const v of versions) {
    const kept = byStart.get(v.validFromYear);
    if (!kept || (v.revision ?? 0) > (kept.revision ?? 0)) byStart.set(v.validFromYear, v);
  }
  return [...byStart.values()].sort((a, b) => a.validFromYear - b.validFromYear);
}

/** The years an index changed method, from its versions (any order, any revisions). */
export function methodBreaks<V extends MethodOfVersion & { revision?: number }>(
  versions: readonly V[],
): MethodBreak[] {
  const list = successive(versions);
  const out: MethodBreak[] = [];
  for (let i = 1; i < list.length; i++) {
    const from = list[i - 1] as V;
    const to = list[i] as V;
    if (!sameMethod(from, to))
      out.push({ year: to.validFromYear, from, to, scaleChanged: from.scaleMax !== to.scaleMax });
  }
  return out;
}

/**
 * The method segment a year belongs to: 0 before the first break, 1 after it… Years of one segment
 * may be joined by a line and compared; years of two segments may not.
 */
export function methodSegment(breaks: readonly Pick<MethodBreak, "year">[], year: number): number {
  return breaks.filter((b) => b.year <= year).length;
}

/** True when a year's result may be compared with an earlier year's (no break in between). */
export function comparableYears(
  breaks: readonly Pick<MethodBreak, "year">[],
  earlier: number,
  later: number,
) {
  return methodSegment(breaks, earlier) === methodSegment(breaks, later);
}
