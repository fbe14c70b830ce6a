import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "../../lib/api-client";

export type SaveState = "idle" | "dirty" | "saving" | "saved" | "error";

/**
 * Debounced autosave with optimistic concurrency: only the fields changed since the last save are
 * sent, with the version they were based on. A 409 is never resolved silently: `onConflict` gets
 * the server's current record and the caller asks the person which text to keep.
 */
export function useAutosave<V extends Record<string, unknown>, R extends { version: number }>({
  initial,
  version,
  save,
  onSaved,
  onConflict,
  delayMs = 800,
}: {
  initial: V;
  version: number;
  save: (patch: Partial<V> & { version: number }) => Promise<R>;
  onSaved?: (saved: R) => void;
  onConflict: (mine: Partial<V>, current: unknown) => void;
  delayMs?: number;
}) {
  const [values, setValues] = useState<V>(initial);
  const [state, setStateValue] = useState<SaveState>("idle");
  const stateRef = useRef<SaveState>("idle");
  const setState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const valuesRef = useRef(values);
  const versionRef = useRef(version);
  const dirty = useRef(new Set<keyof V>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);

  // A newer version from the server (a refetch after someone else's save) is adopted when nothing is pending.
  useEffect(() => {
    if (version > versionRef.current && dirty.current.size === 0 && !inFlight.current) {
      versionRef.current = version;
      valuesRef.current = initial;
      setValues(initial);
    }
  }, [version, initial]);

  /** Saves what is pending; true when everything typed is saved (nothing pending, no failure). */
  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (dirty.current.size === 0) return stateRef.current !== "error";
    const keys = [...dirty.current];
    dirty.current.clear();
    const patch = { version: versionRef.current } as Partial<V> & { version: number };
    for (const k of keys) (patch as Record<string, unknown>)[k as string] = valuesRef.current[k];
    setState("saving");
    let failed = false;
    const run = save(patch)
      .then((saved) => {
        versionRef.current = saved.version;
        setError(null);
        setState(dirty.current.size ? "dirty" : "saved");
        onSaved?.(saved);
      })
      .catch((e: unknown) => {
        failed = true;
        for (const k of keys) dirty.current.add(k);
        if (isApiError(e) && e.status === 409) {
          blocked.current = true;
          const mine = {} as Partial<V>;
          for (const k of keys) mine[k] = valuesRef.current[k];
          setState("error");
          onConflict(mine, (e.details as { current?: unknown } | undefined)?.current ?? null);
        } else {
          setState("error");
          setError((e as Error).message);
        }
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    await run;
    if (dirty.current.size && !blocked.current && !failed) {
      timer.current = window.setTimeout(() => void flush(), delayMs);
    }
    return !failed && !blocked.current && dirty.current.size === 0;
  }, [save, onSaved, onConflict, delayMs, setState]);

  const change = useCallback(
    (patch: Partial<V>) => {
      valuesRef.current = { ...valuesRef.current, ...patch };
      setValues(valuesRef.current);
      for (const k of Object.keys(patch)) dirty.current.add(k as keyof V);
      setState("dirty");
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs, setState],
  );

  /** The conflict is settled: keep my text (re-sent on the current version) or take the saved one. */
  const resolve = useCallback(
    (choice: "mine" | "theirs", current: { version: number } & Partial<V>) => {
      blocked.current = false;
      versionRef.current = current.version;
      if (choice === "theirs") {
        const next = { ...valuesRef.current };
        for (const k of dirty.current) if (k in current) next[k] = current[k] as unknown as V[keyof V];
        dirty.current.clear();
        valuesRef.current = next;
        setValues(next);
        setState("saved");
      } else {
        void flush();
      }
    },
    [flush, setState],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { values, change, flush, state, error, resolve, versionRef };
}
