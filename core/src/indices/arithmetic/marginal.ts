/** What +1 point of a component is worth in the total, following the version's rules upward. */
import { childrenOf, componentOf, topLevelComponents } from "../definitions/catalog";
import type { Aggregation, Component, IndexVersion } from "../definitions/types";

function shareOf(aggregation: Aggregation, part: Component, siblings: Component[]): number | null {
  switch (aggregation) {
    case "sum":
      return 1;
    case "mean":
      return 1 / siblings.length;
    case "weightedMean": {
      const weights = siblings.map((s) => s.weight ?? 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return total === 0 ? null : (part.weight ?? 1) / total;
    }
    case "points":
      // The publisher converts indicators to points with its own scoring: no fixed rate.
      return null;
  }
}

/**
 * Change of the total when the component rises by one unit, others unchanged; null when the path
 * to the total goes through a publisher-scored step (PCI indicators → sub-index).
 * PCI 2013-21: +1 point of Transparency (20%) → +2 total points; PAPI: +1 of any dimension → +1.
 */
export function marginalWorth(version: IndexVersion, code: string): number | null {
  let comp = componentOf(version, code);
  if (!comp) return null;
  let factor = 1;
  while (comp.parentCode !== null) {
    const parent = componentOf(version, comp.parentCode);
    if (!parent || parent.aggregation === null) return null;
    const share = shareOf(parent.aggregation, comp, childrenOf(version, parent.code));
    if (share === null) return null;
    factor *= share;
    comp = parent;
  }
  const share = shareOf(version.totalRule.aggregation, comp, topLevelComponents(version));
  return share === null ? null : factor * share * version.totalRule.multiplier;
}
