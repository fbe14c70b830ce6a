import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/** A view's selections live in the query string, so a view can be shared by its address. */
export function useUrlParams<K extends string>(keys: readonly K[]) {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = search.get(k) ?? undefined;
    return out;
    // keys is a constant array per view
    // eslint-disable-next-line
  }, [search, keys]);
  const set = useCallback(
    (patch: Partial<Record<K, string | number | null | undefined>>, resetPage = true) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const text = value == null ? "" : String(value);
            if (text) next.set(key, text);
            else next.delete(key);
          }
          if (resetPage && !("page" in patch)) next.delete("page");
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return { params, set };
}

export const pageOf = (s: string | undefined) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : 1;
};
