/**
 * SQL of a task's entry: the entry with its report (prepared once per handle),
 * and its save as one compare-and-set statement with its audit record.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { definePrepared } from "../../../app/cached";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { orgUnits } from "../../org-units/org-units.table";
import { type reportEntries, reportingObligations, reports } from "../reporting.table";
import { type EntryView, entryViewOf, entryViewSelect, reportFields } from "../reports/report.sql";

export type EntryRow = typeof reportEntries.$inferSelect;

/**
 * An entry with the report it belongs to, all that an autosave checks, in one round trip; prepared
 * once per handle (`app/cached.ts`): autosaves are the most frequent request of the system.
 */
const reportWithEntry = definePrepared((db) => {
  const entryId = sql.placeholder("entryId");
  return db
    .select({
      ...reportFields,
      entry: sql<EntryView>`(select row_to_json(v) from (${entryViewSelect} where e.id = ${entryId}) v)`,
    })
    .from(reports)
    .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
    .innerJoin(reportingObligations, eq(reportingObligations.id, reports.obligationId))
    .where(eq(reports.id, sql`(select report_id from report_entries where id = ${entryId})`))
    .limit(1)
    .prepare("report_with_entry");
});

export function createEntriesRepository(db: DbOrTx) {
  return {
    /** An entry with the report it belongs to: all that a save checks, in one round trip. */
    async findEntryWithReport(entryId: string) {
      const rows = await reportWithEntry(db).execute({ entryId });
      const row = rows[0];
      if (!row) return null;
      const { entry, ...report } = row;
      return { entry, report: { ...report.r, ...report, r: undefined } };
    },

    async findEntryView(id: string) {
      const result = await db.execute(sql`${entryViewSelect} where e.id = ${id}`);
      return rowsOf<EntryView>(result)[0] ?? null;
    },

    /**
     * Compare-and-set of an entry, its audit record, and the entry as it now is: one statement, so
     * atomic without a transaction and one round trip. It writes only while the report is still at
     * the version the caller checked (shared lock: a submission waits, or has bumped the version and
     * nothing is written) and while the assignment is open; `reportChanged` says when the report was
     * why nothing was written. The assignment's progress is not written here: a changed statement goes
     * through plans/assignments/progress.ts in the same transaction (the one write path).
     */
    async updateEntry(p: {
      id: string;
      version: number;
      report: { id: string; version: number };
      /** Set: write only while the task's quantitative targets are still these. */
      targets?: unknown;
      set: Partial<Pick<EntryRow, "narrative" | "figures">> & {
        progress: number;
        completedAt: string | null;
      };
      userId: string;
      audit: (source: SQL) => SQL;
      /** A changed progress: the one write path's statement part (plans/assignments/progress.ts). */
      progress?: (entries: SQL) => { ctes: SQL; cascadeParent: SQL };
    }): Promise<{ entry: EntryView | null; reportChanged: boolean; cascadeParent: string | null }> {
      const { narrative, figures, progress: stated, completedAt } = p.set;
      const progress = p.progress?.(sql`updated`);
      const set: SQL[] = [sql`progress = ${stated}`, sql`completed_at = ${completedAt}`];
      if (narrative !== undefined) set.push(sql`narrative = ${narrative}`);
      if (figures !== undefined) set.push(sql`figures = ${JSON.stringify(figures)}::jsonb`);
      set.push(sql`version = version + 1`, sql`updated_by = ${p.userId}`, sql`updated_at = now()`);
      const targetsStill =
        p.targets === undefined
          ? sql``
          : sql` and exists (select 1 from plan_tasks t where t.id = report_entries.task_id
              and t.quantitative_targets = ${JSON.stringify(p.targets)}::jsonb)`;
      const result = await db.execute(sql`with report as (
          select id from reports where id = ${p.report.id} and version = ${p.report.version} for share
        ), updated as (
          update report_entries set ${sql.join(set, sql`, `)}
          where id = ${p.id} and version = ${p.version} and exists (select 1 from report)
            and exists (select 1 from task_assignments a where a.id = report_entries.assignment_id
              and a.ended_at is null)${targetsStill}
          returning *
        ), audited as (${p.audit(sql`updated`)} returning id)${progress?.ctes ?? sql``}
        select not exists (select 1 from report) as "reportChanged",
          (select row_to_json(v) from (${entryViewOf(sql`updated`)}) v) as entry,
          ${progress?.cascadeParent ?? sql`null::uuid`} as "cascadeParent"`);
      const row = rowsOf<{ entry: EntryView | null; reportChanged: boolean; cascadeParent: string | null }>(
        result,
      )[0];
      return row ?? { entry: null, reportChanged: false, cascadeParent: null };
    },
  };
}
export type EntriesRepository = ReturnType<typeof createEntriesRepository>;
