import { useDefinitions } from "./indices.queries";
import type { IndexParams } from "./useIndexParams";

/** The chosen index and year, defaulting to the first index with results and its latest year. */
export function useIndexYear(params: IndexParams) {
  const defs = useDefinitions();
  const indices = defs.data?.indices ?? [];
  const withResults = indices.filter((i) => i.years.length > 0);
  const def =
    indices.find((i) => i.code === params.index) ??
    withResults.find((i) => i.code === "PCI") ??
    withResults[0];
  const years = def?.years.map((y) => y.year) ?? [];
  const year = params.year ?? (years.length ? Math.max(...years) : undefined);
  return { defs, indices, def, index: def?.code, years, year };
}
