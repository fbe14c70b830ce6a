/**
 * A small in-process cache of promises with a time to live and a size bound. For reads that change
 * rarely and are expensive to assemble. Several server processes may share the database, so every
 * key carries the revisions (`app/revisions.ts`) read before computing: a write in any process
 * changes them, and the old entries are simply never asked for again. `clear()` only frees memory.
 */
export function createMemo<T>({ ttlMs, max }: { ttlMs: number; max: number }) {
  const entries = new Map<string, { until: number; value: Promise<T> }>();
  return {
    get(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.until > Date.now()) return hit.value;
      const value = compute();
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(key, { until: Date.now() + ttlMs, value });
      // A failed computation is not remembered.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
