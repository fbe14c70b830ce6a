/**
 * Recomputes a total (or any parent) from component values by the version's rules. Published values
 * stay the facts; this is for analysis and what-if, so a missing component is reported, never
 * silently taken as 0.
 */
import { childrenOf, componentOf, topLevelComponents } from "../definitions/catalog";
import type { Aggregation, Component, IndexVersion } from "../definitions/types";

/** Component code → value (null or absent = not known). */
export type ComponentValues = Readonly<Record<string, number | null | undefined>>;

/**
 * What to do when a component is missing:
 * - "fail" (default): the result is null and the missing codes are listed;
 * - "renormalize": aggregate what is present (weighted/plain mean over the present ones; a sum
 *   over present ones), still listing what was missing: an explicit, visible approximation.
 */
export type MissingPolicy = "fail" | "renormalize";

export interface CompositeResult {
  value: number | null;
  /** Codes of the components that were needed and neither given nor computable. */
  missing: string[];
  /** Values used for the top-level components (given, or computed from their children). */
  used: Record<string, number>;
}

function aggregate(
  aggregation: Aggregation,
  parts: { value: number; weight: number | null }[],
  expected: number,
): number | null {
  if (parts.length === 0) return null;
  switch (aggregation) {
    case "sum":
    case "points":
      return parts.reduce((s, p) => s + p.value, 0);
    case "mean":
      return parts.reduce((s, p) => s + p.value, 0) / parts.length;
    case "weightedMean": {
      // Missing weights count as equal weights: the mean of unweighted children.
      const weights = parts.map((p) => p.weight ?? 1 / expected);
      const total = weights.reduce((s, w) => s + w, 0);
      if (total === 0) return null;
      return parts.reduce((s, p, i) => s + p.value * weights[i], 0) / total;
    }
  }
}

/** The value of one component: given, or computed from its children when its rule allows. */
export function componentValue(
  version: IndexVersion,
  code: string,
  values: ComponentValues,
  policy: MissingPolicy = "fail",
): CompositeResult {
  const given = values[code];
  if (typeof given === "number" && Number.isFinite(given))
    return { value: given, missing: [], used: { [code]: given } };
  const comp = componentOf(version, code);
  const children = childrenOf(version, code);
  // "points" parents are scored by the publisher's own method: not recomputable from indicators.
  if (!comp || children.length === 0 || comp.aggregation === null || comp.aggregation === "points") {
    return { value: null, missing: [code], used: {} };
  }
  const result = combine(version, comp.aggregation, children, values, policy);
  return { ...result, used: result.value === null ? {} : { [code]: result.value } };
}

function combine(
  version: IndexVersion,
  aggregation: Aggregation,
  parts: Component[],
  values: ComponentValues,
  policy: MissingPolicy,
): { value: number | null; missing: string[] } {
  const present: { value: number; weight: number | null }[] = [];
  const missing: string[] = [];
  for (const part of parts) {
    const r = componentValue(version, part.code, values, policy);
    if (r.value === null) missing.push(...r.missing);
    else present.push({ value: r.value, weight: part.weight });
  }
  if (missing.length > 0 && policy === "fail") return { value: null, missing };
  return { value: aggregate(aggregation, present, parts.length), missing };
}

/** The total of a version from its components (top-level given, or computed from children). */
export function computeTotal(
  version: IndexVersion,
  values: ComponentValues,
  policy: MissingPolicy = "fail",
): CompositeResult {
  const tops = topLevelComponents(version);
  const used: Record<string, number> = {};
  for (const t of tops) {
    const r = componentValue(version, t.code, values, policy);
    if (r.value !== null) used[t.code] = r.value;
  }
  const { value, missing } = combine(version, version.totalRule.aggregation, tops, values, policy);
  return { value: value === null ? null : value * version.totalRule.multiplier, missing, used };
}

/**
 * The totals a publisher's file may carry beside each other for the same components: the version's
 * rule (`rule`), and plain ones: the unweighted sum and mean of the top-level components (VCCI's
 * "unweighted PCI", a mean also rescaled by the version's multiplier). Null/empty while a top-level
 * component is unknown. Used to tell which total column of a file is the published one.
 */
export function totalReadings(
  version: IndexVersion,
  values: ComponentValues,
): { rule: number | null; plain: number[] } {
  const { value, used } = computeTotal(version, values);
  const tops = topLevelComponents(version);
  if (value === null || tops.some((t) => used[t.code] === undefined)) return { rule: value, plain: [] };
  const sum = tops.reduce((s, t) => s + used[t.code], 0);
  const mean = sum / tops.length;
  return { rule: value, plain: [sum, mean, mean * version.totalRule.multiplier] };
}

export interface PublishedComparison {
  computed: number | null;
  published: number | null;
  /** computed − published; null when either is unknown. */
  difference: number | null;
  withinTolerance: boolean | null;
}

/** Compares a recomputed total with the published one (the published figure is the fact). */
export function compareWithPublished(
  computed: number | null,
  published: number | null,
  tolerance = 0.01,
): PublishedComparison {
  if (computed === null || published === null) {
    return { computed, published, difference: null, withinTolerance: null };
  }
  const difference = computed - published;
  return { computed, published, difference, withinTolerance: Math.abs(difference) <= tolerance };
}
