import type { SessionRow } from "./sessions.repository";

/**
 * Sessions read in the last few seconds, so that a burst of requests from one page costs one query.
 * Changes that matter (logout, deactivation, password or role change, a unit moved) evict entries
 * at once in this process; other processes see them within the TTL.
 */
const TTL_MS = Number(process.env.SESSION_CACHE_MS ?? 5_000);
const MAX_ENTRIES = 20_000;
const entries = new Map<string, { row: SessionRow; until: number }>();

export const sessionCache = {
  get(id: string): SessionRow | null {
    const hit = entries.get(id);
    if (!hit) return null;
    if (hit.until < Date.now()) {
      entries.delete(id);
      return null;
    }
    return hit.row;
  },
  set(id: string, row: SessionRow) {
    if (TTL_MS <= 0) return;
    // A Map iterates in insertion order: drop the oldest when full.
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(id, { row, until: Date.now() + TTL_MS });
  },
  forgetSession(id: string) {
    entries.delete(id);
  },
  forgetUser(userId: string) {
    for (const [id, { row }] of entries) if (row.userId === userId) entries.delete(id);
  },
  clear() {
    entries.clear();
  },
};
