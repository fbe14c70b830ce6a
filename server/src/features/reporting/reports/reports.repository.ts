/**
 * SQL of a unit's report: the report loaded (prepared once per handle), locked,
 * saved with a compare-and-set on its version, and the report lists cut to the actor's scope in SQL.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { definePrepared } from "../../../app/cached";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { escapeLike } from "../../org-units/org-units.repository";
import { orgUnits } from "../../org-units/org-units.table";
import type { TaskScope } from "../../plans/plans.policy";
import { reportingObligations, reports } from "../reporting.table";
import {
  type EntryPageView,
  type EvidenceRow,
  entryPageOf,
  type ReportCommentView,
  reportFields,
} from "./report.sql";

export type ReportRow = typeof reports.$inferSelect;

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
  /** Any of these states (the home page's "to write": drafts and returned ones). */
  states?: string[];
}

const reportListSelect = sql`select r.id, r.obligation_id as "obligationId", o.title as "obligationTitle",
  r.plan_id as "planId", r.unit_id as "unitId", u.name as "unitName", r.unit_kind as "unitKind",
  r.period_key as "periodKey", r.period_start::text as "periodStart", r.period_end::text as "periodEnd",
  r.opens_on::text as "opensOn", r.due_date::text as "dueDate", r.lock_date::text as "lockDate", r.state,
  r.version, r.late_allowed as "lateAllowed", r.return_reason as "returnReason",
  r.submitted_at as "submittedAt", r.first_submitted_at as "firstSubmittedAt", o.frequency`;
// The id last: units may share a name, and a page must never repeat or skip a row.
const REPORT_ORDER = sql`r.period_start desc, u.sort_key collate "C", r.id`;

/** The conditions of a report list, on `r` alone (its scope and filters name no other table). */
function reportListWhere(f: ReportListFilter): SQL {
  const where = [reportScope(f.scope)];
  if (f.obligationId) where.push(sql`r.obligation_id = ${f.obligationId}`);
  if (f.periodKey) where.push(sql`r.period_key = ${f.periodKey}`);
  if (f.unit)
    where.push(f.unit.subtree ? sql`r.unit_path like ${like(f.unit.path)}` : sql`r.unit_id = ${f.unit.id}`);
  if (f.state) where.push(sql`r.state = ${f.state}`);
  if (f.states)
    where.push(
      sql`r.state in (${sql.join(
        f.states.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  return sql.join(where, sql` and `);
}

function reportListFrom(f: ReportListFilter): SQL {
  return sql`from reports r join org_units u on u.id = r.unit_id join reporting_obligations o on o.id = r.obligation_id
    where ${reportListWhere(f)}`;
}

/**
 * The report by id, plain or row-locked, prepared once per handle (`app/cached.ts`): composing a
 * select of forty columns costs the server more than PostgreSQL spends running it, and it runs on
 * every report open, review act and autosave. Nothing of the data is kept.
 */
const reportById = (lock?: "update" | "share") =>
  definePrepared((db) => {
    const query = db
      .select(reportFields)
      .from(reports)
      .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
      .innerJoin(reportingObligations, eq(reportingObligations.id, reports.obligationId))
      .where(eq(reports.id, sql.placeholder("id")))
      .limit(1);
    return (lock ? query.for(lock, { of: reports }) : query).prepare(`report_by_id_${lock ?? "plain"}`);
  });
const reportByIdQuery = { plain: reportById(), update: reportById("update"), share: reportById("share") };

/** A report with its entries, comments and evidence (the report page), prepared once per handle. */
const reportWithContent = definePrepared((db) => {
  const reportId = sql.placeholder("id");
  return db
    .select({
      ...reportFields,
      // Only the report page names the receiver (its send button says where the report goes).
      receivingUnitName: sql<string>`(select ru.name from org_units ru where ru.id = ${reportingObligations.receivingUnitId})`,
      entries: sql<
        EntryPageView[]
      >`(select coalesce(json_agg(v order by v."taskPlanId", v."taskSortOrder", v.role), '[]')
          from (${entryPageOf(sql`${reports.periodEnd}`)} where e.report_id = ${reportId}) v)`,
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
});

export function createReportsRepository(db: DbOrTx) {
  return {
    /** With `lock`, the report row is locked as `lockReport` does, in the same round trip. */
    async findReport(id: string, lock?: "update" | "share") {
      const rows = await reportByIdQuery[lock ?? "plain"](db).execute({ id });
      const row = rows[0];
      return row ? { ...row.r, ...row, r: undefined } : null;
    },
    /** Row lock: "update" for a state change, "share" for content writes that must not cross one. */
    async lockReport(id: string, mode: "update" | "share") {
      await db.execute(
        sql`select id from reports where id = ${id} for ${sql.raw(mode === "update" ? "update" : "share")}`,
      );
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

    /**
     * The first reports matching, soonest due first, and how many match: the home page's "to do".
     * Two small statements instead of the list's window count over a sorted set: the count reads
     * only `reports` (indexes by unit or province, state and due date, migration 0017), the first
     * rows stop after `limit`.
     */
    async firstDue(f: ReportListFilter & { states: string[]; limit: number }) {
      // One ordered index walk per state, each stopping after `limit` (an `in` list would read and
      // sort every matching report: 15,000 waiting for review at province scale took 43 ms).
      const firstOf = f.states.map(
        (state) => sql`(${reportListSelect} ${reportListFrom({ ...f, states: undefined, state })}
          order by r.due_date, r.id limit ${f.limit})`,
      );
      const [rows, count] = await Promise.all([
        db.execute(sql`select * from (${sql.join(firstOf, sql` union all `)}) x
          order by x."dueDate", x.id limit ${f.limit}`),
        db.execute(sql`select count(*)::int as n from reports r where ${reportListWhere(f)}`),
      ]);
      return {
        rows: rowsOf<Record<string, unknown>>(rows),
        total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0),
      };
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
    /** One answer set (or cleared, when empty) without moving the report's version; the answers after. */
    async setAnswer(p: { id: string; questionId: string; value: string; by: string }) {
      const result = await db.execute(sql`update reports set
          answers = case when ${p.value} = '' then answers - ${p.questionId}
            else jsonb_set(answers, array[${p.questionId}], to_jsonb(${p.value}::text)) end,
          updated_by = ${p.by}, updated_at = now()
        where id = ${p.id} returning answers`);
      return (rowsOf<{ answers: Record<string, string> }>(result)[0]?.answers ?? {}) as Record<
        string,
        string
      >;
    },
    async updateReport(p: { id: string; version: number; set: Partial<typeof reports.$inferInsert> }) {
      const rows = await db
        .update(reports)
        .set({ ...p.set, version: sql`${reports.version} + 1`, updatedAt: new Date() })
        .where(and(eq(reports.id, p.id), eq(reports.version, p.version)))
        .returning();
      return rows[0] ?? null;
    },
    /**
     * A report with its entries, comments and evidence in one round trip (JSON built by the
     * database): the report page opens many times a day, and round trips cost more than the work.
     */
    async findReportWithContent(id: string) {
      const rows = await reportWithContent(db).execute({ id });
      const row = rows[0];
      if (!row) return null;
      const { entries, comments, evidence, ...report } = row;
      return { report: { ...report.r, ...report, r: undefined }, entries, comments, evidence };
    },
  };
}
