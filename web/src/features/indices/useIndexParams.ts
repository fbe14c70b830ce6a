import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { useIndexProvinces } from "./indices.queries";

export type IndexParams = {
  province?: string;
  index?: string;
  year?: number;
  peers: string[];
  level?: "top" | "all";
};

/** The view's selections live in the query string, so a view can be shared by its address. */
export function useIndexParams() {
  const [search, setSearch] = useSearchParams();
  const provinces = useIndexProvinces();
  const params: IndexParams = useMemo(() => {
    const year = Number(search.get("year"));
    const level = search.get("level");
    return {
      province: search.get("province") ?? undefined,
      index: search.get("index") ?? undefined,
      year: Number.isInteger(year) && year > 1999 ? year : undefined,
      peers: (search.get("peers") ?? "").split(",").filter(Boolean),
      level: level === "top" || level === "all" ? level : undefined,
    };
  }, [search]);

  const set = useCallback(
    // Screens keep their own choices (the ranking's region and order) in the address the same way.
    (patch: Partial<IndexParams> & { region?: string; sort?: string; order?: string }) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const text = Array.isArray(value) ? value.join(",") : value == null ? "" : String(value);
            if (text) next.set(key, text);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const province = params.province ?? provinces.data?.mine ?? provinces.data?.provinces[0]?.code;
  return { params, province, set, provinces };
}
