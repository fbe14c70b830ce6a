/**
 * What-if: change some component values of one province and see the total it would have had and
 * the rank among the other provinces' published totals (which stay as published).
 */
import { componentOf } from "../definitions/catalog";
import type { IndexVersion } from "../definitions/types";
import { type ComponentValues, computeTotal, type MissingPolicy } from "./composite";
import { rankAmong } from "./ranking";

export interface WhatIfInput {
  version: IndexVersion;
  /** The province's current component values (published). */
  baseValues: ComponentValues;
  /** Component code → new value. */
  changes: ComponentValues;
  /** Published totals of the other provinces (the province itself excluded). */
  otherTotals: readonly number[];
  /** Round totals before ranking, as the publisher prints them (PCI: 2 decimals). */
  decimals?: number;
  policy?: MissingPolicy;
}

export interface WhatIfResult {
  baseTotal: number | null;
  newTotal: number | null;
  /** newTotal − baseTotal. */
  totalChange: number | null;
  baseRank: number | null;
  newRank: number | null;
  /** Places gained (+) or lost (−). */
  placesChange: number | null;
  /** Out of how many provinces (others + this one). */
  outOf: number;
  missing: string[];
}

/**
 * Base values with the changes applied. A changed child makes its ancestors' published values stale
 * (a given value wins over children), so those are dropped and recomputed, or reported missing when
 * the publisher's scoring cannot be redone (PCI indicators).
 */
function changedValues(
  version: IndexVersion,
  base: ComponentValues,
  changes: ComponentValues,
): ComponentValues {
  const out: Record<string, number | null | undefined> = { ...base, ...changes };
  for (const code of Object.keys(changes)) {
    let parent = componentOf(version, code)?.parentCode ?? null;
    while (parent !== null) {
      if (!(parent in changes)) delete out[parent];
      parent = componentOf(version, parent)?.parentCode ?? null;
    }
  }
  return out;
}

export function whatIf(input: WhatIfInput): WhatIfResult {
  const policy = input.policy ?? "fail";
  const base = computeTotal(input.version, input.baseValues, policy);
  const next = computeTotal(
    input.version,
    changedValues(input.version, input.baseValues, input.changes),
    policy,
  );
  const rank = (v: number | null) =>
    v === null ? null : rankAmong(v, input.otherTotals, { decimals: input.decimals });
  const baseRank = rank(base.value);
  const newRank = rank(next.value);
  return {
    baseTotal: base.value,
    newTotal: next.value,
    totalChange: base.value !== null && next.value !== null ? next.value - base.value : null,
    baseRank,
    newRank,
    placesChange: baseRank !== null && newRank !== null ? baseRank - newRank : null,
    outOf: input.otherTotals.length + 1,
    missing: [...new Set([...base.missing, ...next.missing])],
  };
}
