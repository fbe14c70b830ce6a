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

/** Confirmed unchanged: the last period's text becomes this period's (unless some was written). */
const lastPeriodTextIfNone = sql`narrative = case when report_entries.narrative = '' then coalesce(
  (select p.narrative from report_entries p where p.id = report_entries.carried_from_id), '')
  else report_entries.narrative end`;

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
      set: Partial<Pick<EntryRow, "narrative" | "figures" | "reviewMark">> & {
        progress: number;
        completedAt: string | null;
      };
      userId: string;
      audit: (source: SQL) => SQL;
      /** A changed progress: the one write path's statement part (plans/assignments/progress.ts). */
      progress?: (entries: SQL) => { ctes: SQL; cascadeParent: SQL };
    }): Promise<{ entry: EntryView | null; reportChanged: boolean; cascadeParent: string | null }> {
      const { narrative, figures, progress: stated, completedAt, reviewMark } = p.set;
      const progress = p.progress?.(sql`updated`);
      const set: SQL[] = [sql`progress = ${stated}`, sql`completed_at = ${completedAt}`];
      if (narrative !== undefined) set.push(sql`narrative = ${narrative}`);
      if (reviewMark) set.push(sql`review_mark = ${reviewMark}`);
      if (reviewMark === "unchanged") set.push(lastPeriodTextIfNone);
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

    /**
     * "Không thay đổi" for the whole report: every listed entry still at the version the officer saw
     * and not yet looked at this period is confirmed unchanged, each with its own audit record, in
     * one statement. Entries that moved meanwhile (someone wrote them) are left as they are; when any
     * listed entry is not of this report nothing is written and `foreign` counts them.
     */
    async markUnchanged(p: {
      reportId: string;
      entries: Array<{ id: string; version: number }>;
      actor: { userId: string; displayName: string; ip?: string | null };
    }): Promise<{ entries: EntryView[]; foreign: number }> {
      const result = await db.execute(sql`with wanted as (
          select * from unnest(${sql.param(p.entries.map((e) => e.id))}::uuid[],
            ${sql.param(p.entries.map((e) => e.version))}::int[]) as w(id, version)
        ), foreign_ids as (
          select w.id from wanted w where not exists (select 1 from report_entries e
            where e.id = w.id and e.report_id = ${p.reportId})
        ), updated as (
          update report_entries set review_mark = 'unchanged', ${lastPeriodTextIfNone},
            version = report_entries.version + 1, updated_by = ${p.actor.userId}, updated_at = now()
          from wanted w
          where report_entries.id = w.id and report_entries.version = w.version
            and report_entries.report_id = ${p.reportId} and report_entries.review_mark is null
            and not exists (select 1 from foreign_ids)
            and exists (select 1 from task_assignments a where a.id = report_entries.assignment_id
              and a.ended_at is null)
          returning report_entries.*
        ), audited as (
          insert into audit_log (actor_user_id, actor_name, entity, entity_id, action, before, after, ip)
          select ${p.actor.userId}::uuid, ${p.actor.displayName}, 'reportEntry', u.id::text, 'unchanged',
            '{"reviewMark":null}'::jsonb, '{"reviewMark":"unchanged","wholeReport":true}'::jsonb,
            ${p.actor.ip ?? null} from updated u
          returning id
        )
        select (select count(*)::int from foreign_ids) as foreign,
          coalesce((select json_agg(v) from (${entryViewOf(sql`updated`)}) v), '[]') as entries`);
      return rowsOf<{ entries: EntryView[]; foreign: number }>(result)[0] ?? { entries: [], foreign: 0 };
    },
  };
}
export type EntriesRepository = ReturnType<typeof createEntriesRepository>;
