/**
 * Revisions in `app_revisions`, bumped by triggers (migrations 0003, 0006, 0007, 0013, 0027) on every change
 * from any process. A cache keyed by a revision read before its data is never older than its key says.
 * Each revision is the sum of 16 counters (migration 0010), so that concurrent writers do not queue
 * on one row's lock.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./db";

export type RevisionName =
  | "org_units"
  | "org_groups"
  | "plans"
  | "reports"
  | "sessions"
  | "indices"
  /** Follow-up items, events, files, initiatives and their minimums (migrations 0027, 0029). */
  | "follow_up";

type Revisions = Map<string, string>;

/**
 * Every request that answers from memory reads the revisions first: at a thousand requests a second
 * that one small query is most of the work. Requests arriving while a read is in flight wait for the
 * next read, which starts after they arrived, so each still sees every change committed before it
 * came (a write's author reading right after it sees it); one read serves all that waited.
 */
export function createFreshReader(read: () => Promise<Revisions>) {
  let inFlight: Promise<Revisions> | null = null;
  let queued: Promise<Revisions> | null = null;
  const start = () => {
    const p = read();
    inFlight = p;
    const settle = () => {
      if (inFlight === p) inFlight = null;
    };
    p.then(settle, settle);
    return p;
  };
  return (): Promise<Revisions> => {
    if (!inFlight) return start();
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}

const readers = new WeakMap<DbOrTx, () => Promise<Revisions>>();

export const REVISIONS_SQL = "select name, sum(revision)::text as revision from app_revisions group by name";
type RevisionRow = { name: string; revision: string };
const toMap = (rows: RevisionRow[]): Revisions => new Map(rows.map((r) => [r.name, r.revision]));

/** Reads `db`'s revisions through `read` (a connection of their own), not through `db` itself. */
export function readRevisionsWith(db: DbOrTx, read: () => Promise<RevisionRow[]>) {
  readers.set(
    db,
    createFreshReader(async () => toMap(await read())),
  );
}

/** The named revisions joined into one key, e.g. "4.17.9". */
export async function readRevisions(db: DbOrTx, names: RevisionName[]): Promise<string> {
  let reader = readers.get(db);
  if (!reader) {
    reader = createFreshReader(async () => {
      const result = (await db.execute(sql.raw(REVISIONS_SQL))) as unknown as { rows: RevisionRow[] };
      return toMap(result.rows);
    });
    readers.set(db, reader);
  }
  const all = await reader();
  return [...names]
    .sort()
    .map((n) => all.get(n) ?? "0")
    .join(".");
}
