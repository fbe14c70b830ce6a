import { useDefinitions, useProvinceYears } from "./indices.queries";
import type { IndexParams } from "./useIndexParams";

/**
 * The chosen index and year. With a province, the years are that province's years with results
 * (from the server), so a screen opens on its latest result, never on a year it has no result for;
 * without one (weights), every year with results. The default index is PCI when it has results,
 * else the first that has.
 */
export function useIndexYear(params: IndexParams, province?: string) {
  const defs = useDefinitions();
  const own = useProvinceYears(province);
  const indices = defs.data?.indices ?? [];
  const yearsOf = (code: string): number[] =>
    province
      ? (own.data?.indices.find((i) => i.indexCode === code)?.years ?? [])
      : (indices.find((i) => i.code === code)?.years.map((y) => y.year) ?? []);
  const withResults = indices.filter((i) => yearsOf(i.code).length > 0);
  const def =
    indices.find((i) => i.code === params.index) ??
    withResults.find((i) => i.code === "PCI") ??
    withResults[0] ??
    indices.find((i) => i.code === "PCI") ??
    indices[0];
  const years = def ? yearsOf(def.code) : [];
  const loading = defs.isLoading || (!!province && own.isLoading);
  // A year asked for in the address is kept only when the province has a result for it.
  const year = loading
    ? undefined
    : params.year && years.includes(params.year)
      ? params.year
      : years.length
        ? Math.max(...years)
        : undefined;
  const ready = !!defs.data && (!province || !!own.data);
  return {
    defs,
    indices,
    def,
    index: def?.code,
    years,
    year,
    /** The province has no result for the index (the screen says so calmly instead of asking). */
    noResults: ready && !!def && years.length === 0,
    /** The province has no result at all. */
    noResultsAtAll: ready && !!province && (own.data?.indices.length ?? 0) === 0,
    error: defs.error ?? own.error,
    refetch: () => Promise.all([defs.refetch(), own.refetch()]),
  };
}
