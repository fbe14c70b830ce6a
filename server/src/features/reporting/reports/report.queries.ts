/**
 * The report loads prepared once per database handle (`reportQuery`): the report by id (plain or
 * locked), with one entry (what an autosave checks) and with all its content (the report page).
 * The entry view's SQL is here too: the report page and the entry's save both read it.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../app/db";
import { orgUnits } from "../../org-units/org-units.table";
import type { EvidenceRow } from "../evidence/evidence.repository";
import { reportingObligations, reports } from "../reporting.table";

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
export const entryViewOf = (
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
export const entryViewSelect = entryViewOf(sql`report_entries`);

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
export function reportQuery<K extends keyof ReportQueries>(db: DbOrTx, key: K): ReturnType<ReportQueries[K]> {
  let built = reportQueriesOf.get(db);
  if (!built) {
    built = {};
    reportQueriesOf.set(db, built);
  }
  const query = built[key] ?? buildReportQueries(db)[key]();
  built[key] = query as Built[K];
  return query as ReturnType<ReportQueries[K]>;
}
