/**
 * What the last autosave of an entry, by this user in this process, checked and wrote: the report as
 * it was checked and the entry as saved. The next autosave of that entry (a person typing saves every
 * few seconds) starts from it instead of reading both again, which is a third of an autosave's
 * database work. It is never trusted for the write itself: the write still requires the report's
 * version, the entry's version and (for figures) the task's targets to be as remembered, and falls
 * back to a fresh read when they are not. Who may write is decided again on every save, with the
 * actor of that request: the session cache is keyed by a revision any process's logout, deactivation
 * or role change bumps, so a checkpoint never lets a logged-out or demoted person write.
 *
 * Key: (user, entry). Invalidated by: a save that sends another version, any refusal or failed write
 * (`forget`), and SESSION_CACHE_MS (5 s). Not an answer cache (`app/cached.ts`): it is never read
 * for what a person sees, only as the starting point of the next write.
 */
const TTL_MS = Number(process.env.SESSION_CACHE_MS ?? 5_000);
const MAX_ENTRIES = 20_000;

export interface SaveCheckpoint<R, E> {
  report: R;
  entry: E;
}

export function createEntryCache<R, E extends { version: number }>() {
  const entries = new Map<string, { value: SaveCheckpoint<R, E>; until: number }>();
  const keyOf = (userId: string, entryId: string) => `${userId}\n${entryId}`;
  return {
    /** The checkpoint, if fresh and for the version the writer sends. */
    get(userId: string, entryId: string, version: number): SaveCheckpoint<R, E> | null {
      const key = keyOf(userId, entryId);
      const hit = entries.get(key);
      if (!hit) return null;
      if (hit.until < Date.now() || hit.value.entry.version !== version) {
        entries.delete(key);
        return null;
      }
      return hit.value;
    },
    set(userId: string, entryId: string, value: SaveCheckpoint<R, E>) {
      if (TTL_MS <= 0) return;
      const key = keyOf(userId, entryId);
      entries.delete(key);
      // A Map iterates in insertion order: drop the oldest when full.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, until: Date.now() + TTL_MS });
    },
    forget(userId: string, entryId: string) {
      entries.delete(keyOf(userId, entryId));
    },
  };
}
