import { useCallback, useEffect, useRef, useState } from "react";
import { i18n } from "../../i18n";
import { isApiError } from "../../lib/api-client";
import { useMe } from "../auth/auth.queries";
import {
  alreadySaved,
  claimEdit,
  type EditKind,
  editKey,
  loadEdit,
  nextSeq,
  outcomeOf,
  removeEdit,
  saveEdit,
  syncOutbox,
} from "../offline/outbox";

/**
 * `offline`: kept on the device, not yet on the server ("chưa gửi lên máy chủ"), sent when the
 * connection returns; `refused`: the report was sent, accepted or locked meanwhile, the text is kept.
 */
export type SaveState = "idle" | "dirty" | "saving" | "saved" | "error" | "offline" | "refused";

/** How often a form with text waiting for the connection tries again, besides the browser's "online". */
const OFFLINE_RETRY_MS = 15_000;

/**
 * Debounced autosave with optimistic concurrency: only the fields changed since the last save are
 * sent, with the version they were based on. A 409 is never resolved silently: `onConflict` gets
 * the server's current record and the caller asks the person which text to keep (unless the saved
 * record already holds exactly her text: a save whose answer the connection lost).
 *
 * With `outbox`, whatever is not yet on the server is also kept on the device (see offline/outbox):
 * restored into the form after a reload, sent when the connection returns, through the same checks.
 */
export function useAutosave<V extends Record<string, unknown>, R extends { version: number }>({
  initial,
  version,
  save,
  onSaved,
  onConflict,
  outbox,
  delayMs = 800,
}: {
  initial: V;
  version: number;
  save: (patch: Partial<V> & { version: number }) => Promise<R>;
  onSaved?: (saved: R) => void;
  onConflict: (mine: Partial<V>, current: unknown) => void;
  outbox?: { kind: EditKind; targetId: string; reportId: string; label: string };
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
  /** Fields on their way to the server: still kept on the device until the server has them. */
  const sending = useRef(new Set<keyof V>());
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);

  const userId = useMe().data?.user.id ?? null;
  const key = outbox && userId ? editKey(userId, outbox.kind, outbox.targetId) : null;
  const seq = useRef<number | null>(null);
  const outboxRef = useRef(outbox);
  outboxRef.current = outbox;

  /** Mirrors what is not yet on the server into the device's store (or clears it when all is saved). */
  const persist = useCallback(
    (problem?: { kind: "conflict" | "refused"; message: string }) => {
      const ob = outboxRef.current;
      if (!key || !ob || !userId) return;
      const fields = new Set([...dirty.current, ...sending.current]);
      if (fields.size === 0) {
        seq.current = null;
        void removeEdit(key);
        return;
      }
      const pending: Record<string, unknown> = {};
      for (const k of fields) pending[k as string] = valuesRef.current[k];
      seq.current ??= nextSeq();
      void saveEdit({
        key,
        userId,
        ...ob,
        values: pending,
        baseVersion: versionRef.current,
        seq: seq.current,
        offline: !navigator.onLine || stateRef.current === "offline",
        problem,
      });
    },
    [key, userId],
  );

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
    if (dirty.current.size === 0)
      return stateRef.current !== "error" && stateRef.current !== "offline" && stateRef.current !== "refused";
    const keys = [...dirty.current];
    dirty.current.clear();
    for (const k of keys) sending.current.add(k);
    const patch = { version: versionRef.current } as Partial<V> & { version: number };
    for (const k of keys) (patch as Record<string, unknown>)[k as string] = valuesRef.current[k];
    setState("saving");
    let failed = false;
    const run = save(patch)
      .then((saved) => {
        versionRef.current = saved.version;
        sending.current.clear();
        setError(null);
        setState(dirty.current.size ? "dirty" : "saved");
        persist();
        onSaved?.(saved);
      })
      .catch((e: unknown) => {
        sending.current.clear();
        for (const k of keys) dirty.current.add(k);
        const mine = {} as Partial<V>;
        for (const k of keys) mine[k] = valuesRef.current[k];
        const outcome = outcomeOf(e);
        const current = isApiError(e) ? (e.details as { current?: unknown } | undefined)?.current : null;
        if (outcome === "conflict" && alreadySaved(mine, current)) {
          // Her text reached the server before (the answer was lost): nothing to choose.
          versionRef.current = (current as { version: number }).version;
          for (const k of keys) if (valuesRef.current[k] === mine[k]) dirty.current.delete(k);
          setError(null);
          setState(dirty.current.size ? "dirty" : "saved");
          persist();
          return;
        }
        failed = true;
        if (outcome === "offline") {
          setError(null);
          setState("offline");
          persist();
        } else if (outcome === "conflict") {
          blocked.current = true;
          setState("error");
          persist();
          onConflict(mine, current ?? null);
        } else if (outcome === "refused") {
          // Nothing is overwritten and nothing is lost: the text stays on the device to be copied.
          blocked.current = true;
          setState("refused");
          setError(`${(e as Error).message} ${i18n.t("offline.keptToCopy")}`);
          persist({ kind: "refused", message: (e as Error).message });
          dirty.current.clear();
        } else {
          setState("error");
          setError((e as Error).message);
          persist();
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
  }, [save, onSaved, onConflict, delayMs, setState, persist]);

  const change = useCallback(
    (patch: Partial<V>) => {
      valuesRef.current = { ...valuesRef.current, ...patch };
      setValues(valuesRef.current);
      for (const k of Object.keys(patch)) dirty.current.add(k as keyof V);
      setState("dirty");
      persist();
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs, setState, persist],
  );

  const flushRef = useRef(flush);
  flushRef.current = flush;

  // What a reload or a closed tab left on the device comes back into the form and is sent again
  // (on the version it was typed on, so that someone else's save in between opens the conflict dialog).
  useEffect(() => {
    if (!key || !userId) return;
    const release = claimEdit(key);
    let live = true;
    void loadEdit(key).then((kept) => {
      if (!live || !kept || kept.problem?.kind === "refused") return;
      if (dirty.current.size || sending.current.size) return;
      valuesRef.current = { ...valuesRef.current, ...(kept.values as Partial<V>) };
      setValues(valuesRef.current);
      for (const k of Object.keys(kept.values)) dirty.current.add(k as keyof V);
      versionRef.current = kept.baseVersion;
      seq.current = kept.seq;
      setState(navigator.onLine ? "dirty" : "offline");
      void flushRef.current();
    });
    return () => {
      live = false;
      release();
      // Anything still waiting (she left the page offline) is sent by the outbox in the background.
      window.setTimeout(() => void syncOutbox(userId), 2_000);
    };
  }, [key, userId, setState]);

  // Text waiting for the connection goes as soon as it returns.
  useEffect(() => {
    if (state !== "offline") return;
    const retry = () => void flush();
    window.addEventListener("online", retry);
    const every = window.setInterval(retry, OFFLINE_RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(every);
    };
  }, [state, flush]);

  // Leaving with text the server does not have yet asks first.
  useEffect(() => {
    if (state !== "dirty" && state !== "saving" && state !== "error" && state !== "offline") return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [state]);

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
        persist();
      } else {
        persist();
        void flush();
      }
    },
    [flush, setState, persist],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return { values, change, flush, state, error, resolve, versionRef };
}
