/**
 * SQL of reporting. Opening a period is two set-based inserts (reports, then their entries carried
 * forward from the previous period); an entry is saved with a compare-and-set on its version; the
 * dashboard is a handful of aggregates cut to the actor's scope in SQL.
 */
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../app/db";
import { escapeLike } from "../org-units/org-units.repository";
import { orgUnits } from "../org-units/org-units.table";
import type { TaskScope } from "../plans/plans.policy";
import {
  notifications,
  reportComments,
  reportEntries,
  reportEvidence,
  reportingObligations,
  reports,
} from "./reporting.table";

export type ObligationRow = typeof reportingObligations.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type EntryRow = typeof reportEntries.$inferSelect;
export type EvidenceRow = typeof reportEvidence.$inferSelect;

const like = (prefix: string) => `${escapeLike(prefix)}%`;

/** Scope of report rows `r` as SQL. */
export function reportScope(scope: TaskScope, alias = sql`r`): SQL {
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "province") return sql`${alias}.province_id = ${scope.provinceId}`;
  return sql`(${alias}.province_id = ${scope.provinceId} and ${alias}.unit_path like ${like(scope.unitPath)})`;
}

export interface ReportListFilter {
  scope: TaskScope;
  obligationId?: string;
  periodKey?: string;
  /** The unit's path; with `subtree`, the units under it too. */
  unit?: { id: string; path: string; subtree: boolean };
  state?: string;
}

const reportListSelect = sql`select r.id, r.obligation_id as "obligationId", o.title as "obligationTitle",
  r.plan_id as "planId", r.unit_id as "unitId", u.name as "unitName", r.unit_kind as "unitKind",
  r.period_key as "periodKey", r.period_start::text as "periodStart", r.period_end::text as "periodEnd",
  r.opens_on::text as "opensOn", r.due_date::text as "dueDate", r.lock_date::text as "lockDate", r.state,
  r.version, r.late_allowed as "lateAllowed", r.return_reason as "returnReason",
  r.submitted_at as "submittedAt", r.first_submitted_at as "firstSubmittedAt", o.frequency`;
// The id last: units may share a name, and a page must never repeat or skip a row.
const REPORT_ORDER = sql`r.period_start desc, u.sort_key collate "C", r.id`;

function reportListFrom(f: ReportListFilter): SQL {
  const where = [reportScope(f.scope)];
  if (f.obligationId) where.push(sql`r.obligation_id = ${f.obligationId}`);
  if (f.periodKey) where.push(sql`r.period_key = ${f.periodKey}`);
  if (f.unit)
    where.push(f.unit.subtree ? sql`r.unit_path like ${like(f.unit.path)}` : sql`r.unit_id = ${f.unit.id}`);
  if (f.state) where.push(sql`r.state = ${f.state}`);
  return sql`from reports r join org_units u on u.id = r.unit_id join reporting_obligations o on o.id = r.obligation_id
    where ${sql.join(where, sql` and `)}`;
}

export interface EntryView {
  id: string;
  assignmentId: string;
  taskId: string;
  taskNumber: string;
  taskContent: string;
  role: string;
  dueDate: string | null;
  deadlineText: string;
  quantitativeTargets: Array<{ measure: string; comparator: string; value: number; unit: string }>;
  /** The task is recurring: judged per period (core's workStatus). */
  recurring: boolean;
  /** The last day of the entry's report period. */
  periodEnd: string;
  progress: number;
  narrative: string;
  figures: Array<{ measure: string; value: number | null }>;
  completedAt: string | null;
  carriedForward: boolean;
  version: number;
  reportId: string;
  /** The task was handed to another unit (or amended) since: the entry can no longer be saved. */
  assignmentEnded: boolean;
  /** No work of the plan finished before this day. */
  planIssued: string | null;
}

/** An entry with its task and assignment, from `e`: the table, or the rows an update returned. */
const entryViewOf = (
  source: SQL,
) => sql`select e.id, e.assignment_id as "assignmentId", e.task_id as "taskId", t.number as "taskNumber",
  t.content as "taskContent", a.role, a.due_date::text as "dueDate", t.deadline_text as "deadlineText",
  t.quantitative_targets as "quantitativeTargets", (t.deadline->>'kind' = 'recurring') as recurring,
  (select r.period_end::text from reports r where r.id = e.report_id) as "periodEnd", e.progress, e.narrative,
  e.figures, e.completed_at::text as "completedAt", (e.carried_from_id is not null) as "carriedForward", e.version,
  e.report_id as "reportId", t.plan_id as "taskPlanId", t.sort_order as "taskSortOrder",
  (a.ended_at is not null) as "assignmentEnded",
  (select p.issued_date::text from plans p where p.id = t.plan_id) as "planIssued"
  from ${source} e join plan_tasks t on t.id = e.task_id join task_assignments a on a.id = e.assignment_id`;
const entryViewSelect = entryViewOf(sql`report_entries`);

interface ReportCommentView {
  id: string;
  taskId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** The columns of a loaded report: the row, its unit's name and what its obligation says. */
const reportFields = {
  r: reports,
  unitName: orgUnits.name,
  obligationTitle: reportingObligations.title,
  requiresApproval: reportingObligations.requiresApproval,
  receivingUnitId: reportingObligations.receivingUnitId,
  questions: reportingObligations.questions,
  frequency: reportingObligations.frequency,
};

/**
 * The report loads, built once per database handle: composing a select of forty columns costs the
 * server more than PostgreSQL spends running it, and these run on every report open and autosave.
 */
function buildReportQueries(db: DbOrTx) {
  const byId = (lock?: "update" | "share") => {
    const query = db
      .select(reportFields)
      .from(reports)
      .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
      .innerJoin(reportingObligations, eq(reportingObligations.id, reports.obligationId))
      .where(eq(reports.id, sql.placeholder("id")))
      .limit(1);
    return (lock ? query.for(lock, { of: reports }) : query).prepare(`report_by_id_${lock ?? "plain"}`);
  };
  const entryId = sql.placeholder("entryId");
  const withEntry = () =>
    db
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
  const reportId = sql.placeholder("id");
  const withContent = () =>
    db
      .select({
        ...reportFields,
        entries: sql<
          EntryView[]
        >`(select coalesce(json_agg(v order by v."taskPlanId", v."taskSortOrder", v.role), '[]')
          from (${entryViewSelect} where e.report_id = ${reportId}) v)`,
        comments: sql<ReportCommentView[]>`(select coalesce(json_agg(json_build_object('id', c.id,
            'taskId', c.task_id, 'authorName', c.author_name, 'body', c.body, 'createdAt', c.created_at)
            order by c.created_at), '[]')
          from report_comments c where c.report_id = ${reportId})`,
        evidence: sql<
          EvidenceRow[]
        >`(select coalesce(json_agg(json_build_object('id', x.id, 'entryId', x.entry_id,
            'kind', x.kind, 'fileName', x.file_name, 'contentType', x.content_type, 'size', x.size, 'url', x.url,
            'title', x.title, 'createdAt', x.created_at) order by x.created_at), '[]')
          from report_evidence x where x.report_id = ${reportId})`,
      })
      .from(reports)
      .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
      .innerJoin(reportingObligations, eq(reportingObligations.id, reports.obligationId))
      .where(eq(reports.id, reportId))
      .limit(1)
      .prepare("report_with_content");
  return {
    plain: () => byId(),
    update: () => byId("update"),
    share: () => byId("share"),
    withEntry,
    withContent,
  };
}
type ReportQueries = ReturnType<typeof buildReportQueries>;
type Built = { [K in keyof ReportQueries]?: ReturnType<ReportQueries[K]> };
const reportQueriesOf = new WeakMap<DbOrTx, Built>();
/** One of the queries above for this handle, built on its first use (a transaction uses one or two). */
function reportQuery<K extends keyof ReportQueries>(db: DbOrTx, key: K): ReturnType<ReportQueries[K]> {
  let built = reportQueriesOf.get(db);
  if (!built) {
    built = {};
    reportQueriesOf.set(db, built);
  }
  const query = built[key] ?? buildReportQueries(db)[key]();
  built[key] = query as Built[K];
  return query as ReturnType<ReportQueries[K]>;
}

export function createReportingRepository(db: DbOrTx) {
  return {
    async insertObligation(values: typeof reportingObligations.$inferInsert) {
      const [row] = await db.insert(reportingObligations).values(values).returning();
      return row;
    },
    async findObligation(id: string) {
      const rows = await db
        .select()
        .from(reportingObligations)
        .where(eq(reportingObligations.id, id))
        .limit(1);
      return rows[0] ?? null;
    },
    async listObligations(planId: string) {
      return db
        .select({ o: reportingObligations, receivingUnitName: orgUnits.name })
        .from(reportingObligations)
        .innerJoin(orgUnits, eq(orgUnits.id, reportingObligations.receivingUnitId))
        .where(eq(reportingObligations.planId, planId))
        .orderBy(asc(reportingObligations.createdAt));
    },
    async unitName(id: string) {
      const rows = await db
        .select({ name: orgUnits.name })
        .from(orgUnits)
        .where(eq(orgUnits.id, id))
        .limit(1);
      return rows[0]?.name ?? null;
    },

    /** One report per unit with an open assignment on the plan (or the task); existing ones are kept. */
    async insertReportsForPeriod(p: {
      obligation: ObligationRow;
      periodKey: string;
      start: string;
      end: string;
      opensOn: string;
      due: string;
      lockDate: string | null;
    }) {
      const o = p.obligation;
      const taskFilter = o.taskId ? sql`and a.task_id = ${o.taskId}` : sql``;
      const result =
        await db.execute(sql`insert into reports (obligation_id, plan_id, province_id, unit_id, unit_path,
          unit_kind, period_key, period_start, period_end, opens_on, due_date, lock_date)
        select ${o.id}, ${o.planId}, ${o.provinceId}, u.id, u.path, u.kind, ${p.periodKey}, ${p.start}, ${p.end},
          ${p.opensOn}, ${p.due}, ${p.lockDate}
        from (select distinct a.unit_id from task_assignments a join plan_tasks t on t.id = a.task_id
              where a.plan_id = ${o.planId} and a.ended_at is null and t.removed_at is null ${taskFilter}) x
        join org_units u on u.id = x.unit_id
        on conflict on constraint reports_obligation_period_unit_key do nothing
        returning id`);
      return rowsOf<{ id: string }>(result).length;
    },

    /**
     * The entries of every report of the period: the narrative and figures carried forward from the
     * previous period's, the progress and completion as the assignment holds them (one figure per
     * assignment); recurring work is judged per period, so it starts each period afresh.
     */
    async insertEntriesForPeriod(p: {
      obligation: ObligationRow;
      periodKey: string;
      previousKey: string | null;
    }) {
      const o = p.obligation;
      const taskFilter = o.taskId ? sql`and a.task_id = ${o.taskId}` : sql``;
      const result =
        await db.execute(sql`insert into report_entries (report_id, assignment_id, task_id, progress,
          narrative, figures, completed_at, carried_from_id)
        select r.id, a.id, a.task_id,
          case when t.deadline->>'kind' = 'recurring' then 0 else a.progress end,
          coalesce(pe.narrative, ''), coalesce(pe.figures, '[]'::jsonb),
          case when t.deadline->>'kind' = 'recurring' then null else a.completed_at end, pe.id
        from reports r
        join task_assignments a on a.plan_id = r.plan_id and a.unit_id = r.unit_id and a.ended_at is null ${taskFilter}
        join plan_tasks t on t.id = a.task_id and t.removed_at is null and t.kind = 'task'
        left join reports pr on pr.obligation_id = r.obligation_id and pr.unit_id = r.unit_id
          and pr.period_key = ${p.previousKey}
        left join report_entries pe on pe.report_id = pr.id and pe.assignment_id = a.id
        where r.obligation_id = ${o.id} and r.period_key = ${p.periodKey}
        on conflict on constraint report_entries_report_assignment_key do nothing
        returning id`);
      return rowsOf<{ id: string }>(result).length;
    },

    /** With `lock`, the report row is locked as `lockReport` does, in the same round trip. */
    async findReport(id: string, lock?: "update" | "share") {
      const rows = await reportQuery(db, lock ?? "plain").execute({ id });
      const row = rows[0];
      return row ? { ...row.r, ...row, r: undefined } : null;
    },
    /** An entry with the report it belongs to: all that a save checks, in one round trip. */
    async findEntryWithReport(entryId: string) {
      const rows = await reportQuery(db, "withEntry").execute({ entryId });
      const row = rows[0];
      if (!row) return null;
      const { entry, ...report } = row;
      return { entry, report: { ...report.r, ...report, r: undefined } };
    },
    /** Row lock: "update" for a state change, "share" for content writes that must not cross one. */
    async lockReport(id: string, mode: "update" | "share") {
      await db.execute(
        sql`select id from reports where id = ${id} for ${sql.raw(mode === "update" ? "update" : "share")}`,
      );
    },
    /** A task (not a section) of the plan, with what the drill-down shows of it. */
    async planTask(p: { taskId: string; planId: string }) {
      const result = await db.execute(sql`select id, number, content from plan_tasks
        where id = ${p.taskId} and plan_id = ${p.planId} and kind = 'task'`);
      return rowsOf<{ id: string; number: string; content: string }>(result)[0] ?? null;
    },
    async taskInReport(p: { taskId: string; reportId: string }) {
      const result = await db.execute(
        sql`select 1 from report_entries where report_id = ${p.reportId} and task_id = ${p.taskId} limit 1`,
      );
      return rowsOf(result).length > 0;
    },

    /** Every report matching (the consolidated report's list of one period: one row per unit). */
    async listReports(f: ReportListFilter) {
      const result = await db.execute(sql`${reportListSelect} ${reportListFrom(f)} order by ${REPORT_ORDER}`);
      return rowsOf<Record<string, unknown>>(result);
    },

    /** One page of the reports matching, and how many match (exact up to `cap`). */
    async pageReports(f: ReportListFilter & { limit: number; offset: number; cap: number }) {
      const from = reportListFrom(f);
      // The sort reads every matching row anyway, so the window count comes with the page.
      const page = rowsOf<Record<string, unknown> & { full_count: string | number }>(
        await db.execute(sql`${reportListSelect}, count(*) over () as full_count ${from}
          order by ${REPORT_ORDER} limit ${f.limit} offset ${f.offset}`),
      );
      if (page.length || f.offset === 0) return { rows: page, total: Number(page[0]?.full_count ?? 0) };
      // A page past the end: count what there is, so the pager can go back.
      const count = await db.execute(
        sql`select count(*)::int as n from (select 1 ${from} limit ${f.cap + 1}) s`,
      );
      return { rows: page, total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0) };
    },

    /** The obligations and periods of the reports in scope, newest period first, with how many reports. */
    async reportPeriods(scope: TaskScope) {
      const result =
        await db.execute(sql`select r.obligation_id as "obligationId", o.title as "obligationTitle",
          r.period_key as "periodKey", min(r.period_start)::text as "periodStart",
          min(r.period_end)::text as "periodEnd", count(*)::int as reports
        from reports r join reporting_obligations o on o.id = r.obligation_id
        where ${reportScope(scope)}
        group by r.obligation_id, o.title, r.period_key
        order by min(r.period_start) desc, o.title, r.obligation_id, r.period_key`);
      return rowsOf<{
        obligationId: string;
        obligationTitle: string;
        periodKey: string;
        periodStart: string;
        periodEnd: string;
        reports: number;
      }>(result);
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
    }): Promise<{ entry: EntryView | null; reportChanged: boolean }> {
      const { narrative, figures, progress, completedAt } = p.set;
      const set: SQL[] = [sql`progress = ${progress}`, sql`completed_at = ${completedAt}`];
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
        ), audited as (${p.audit(sql`updated`)} returning id)
        select not exists (select 1 from report) as "reportChanged",
          (select row_to_json(v) from (${entryViewOf(sql`updated`)}) v) as entry`);
      const row = rowsOf<{ entry: EntryView | null; reportChanged: boolean }>(result)[0];
      return row ?? { entry: null, reportChanged: false };
    },
    async updateReport(p: { id: string; version: number; set: Partial<typeof reports.$inferInsert> }) {
      const rows = await db
        .update(reports)
        .set({ ...p.set, version: sql`${reports.version} + 1`, updatedAt: new Date() })
        .where(and(eq(reports.id, p.id), eq(reports.version, p.version)))
        .returning();
      return rows[0] ?? null;
    },

    async insertComment(values: typeof reportComments.$inferInsert) {
      const [row] = await db.insert(reportComments).values(values).returning();
      return row;
    },
    /**
     * A report with its entries, comments and evidence in one round trip (JSON built by the
     * database): the report page opens many times a day, and round trips cost more than the work.
     */
    async findReportWithContent(id: string) {
      const rows = await reportQuery(db, "withContent").execute({ id });
      const row = rows[0];
      if (!row) return null;
      const { entries, comments, evidence, ...report } = row;
      return { report: { ...report.r, ...report, r: undefined }, entries, comments, evidence };
    },
    /** An in-app notice for a unit, in the transaction of the act it tells of. */
    async insertNotification(values: typeof notifications.$inferInsert) {
      await db.insert(notifications).values(values);
    },
    async insertEvidence(values: typeof reportEvidence.$inferInsert) {
      const [row] = await db.insert(reportEvidence).values(values).returning();
      return row;
    },
    async findEvidence(id: string) {
      const rows = await db.select().from(reportEvidence).where(eq(reportEvidence.id, id)).limit(1);
      return rows[0] ?? null;
    },
    /** Bytes a unit's evidence files take. */
    async unitUsage(unitId: string) {
      const result = await db.execute(
        sql`select coalesce(sum(size), 0)::bigint::text as used from report_evidence where unit_id = ${unitId}`,
      );
      return Number(rowsOf<{ used: string }>(result)[0]?.used ?? 0);
    },
    async entryBelongs(p: { entryId: string; reportId: string }) {
      const rows = await db
        .select({ id: reportEntries.id })
        .from(reportEntries)
        .where(and(eq(reportEntries.id, p.entryId), eq(reportEntries.reportId, p.reportId)))
        .limit(1);
      return rows.length > 0;
    },
  };
}

export type ReportingRepository = ReturnType<typeof createReportingRepository>;
