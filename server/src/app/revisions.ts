/**
 * Revisions in `app_revisions`, bumped by triggers (migrations 0003, 0006, 0007) on every change from
 * any process. A cache keyed by a revision read before its data is never older than its key says.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./db";

export type RevisionName = "org_units" | "org_groups" | "plans" | "reports";

/** The named revisions joined into one key, e.g. "4.17.9". */
export async function readRevisions(db: DbOrTx, names: RevisionName[]): Promise<string> {
  const result = (await db.execute(sql`select string_agg(revision::text, '.' order by name) as r
    from app_revisions where name in ${names}`)) as unknown as { rows: Array<{ r: string | null }> };
  return String(result.rows[0]?.r ?? "0");
}
