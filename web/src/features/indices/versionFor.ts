import type { IndexDefinition } from "./indices.api";

/** The version of an index that applies to a year (else the newest). */
export function versionFor(def: IndexDefinition | undefined, year: number | undefined) {
  if (!def || def.versions.length === 0) return undefined;
  const sorted = [...def.versions].sort(
    (a, b) => b.validFromYear - a.validFromYear || b.revision - a.revision,
  );
  if (!year) return sorted[0];
  return (
    sorted.find((v) => v.validFromYear <= year && (v.validToYear == null || v.validToYear >= year)) ??
    sorted[0]
  );
}
