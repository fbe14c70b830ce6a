import type { SessionRow } from "./sessions.repository";

/**
 * Sessions read in the last few seconds, so that a burst of requests from one page costs one query.
 * Each entry is kept under the 'sessions' and 'org_units' revisions read before its row (see
 * auth-plugin.ts): a logout, a deactivation, a password, role or unit change in any process bumps
 * them (migrations 0003, 0013), and every process reads the row again on its next request. The
 * `forget*` calls only free memory sooner in the writing process; correctness does not rest on them.
 * The short TTL bounds how long a sliding expiry written by another process goes unseen here.
 */
const TTL_MS = Number(process.env.SESSION_CACHE_MS ?? 5_000);
const MAX_ENTRIES = 20_000;
const entries = new Map<string, { row: SessionRow; revision: string; until: number }>();

export const sessionCache = {
  /** The row cached under `revision` (the current one), or null. */
  get(id: string, revision: string): SessionRow | null {
    const hit = entries.get(id);
    if (!hit) return null;
    if (hit.until < Date.now() || hit.revision !== revision) {
      entries.delete(id);
      return null;
    }
    return hit.row;
  },
  /** Keeps `row` under the revision read before it. */
  set(id: string, row: SessionRow, revision: string) {
    if (TTL_MS <= 0) return;
    // A Map iterates in insertion order: drop the oldest when full.
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(id, { row, revision, until: Date.now() + TTL_MS });
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
