/**
 * The SQL a report's loads share: the columns of a loaded report, and the entry view (an entry with
 * its task and assignment) that the report page and an entry's save both read. The prepared loads
 * themselves are declared in the repositories of the parts they speed (`reports.repository.ts`,
 * `entries/entries.repository.ts`).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Frequency } from "../../../../../core/src/deadlines/deadline.types";
import type { EntryReviewMark } from "../../../../../core/src/reporting/entry-review";
import { orgUnits } from "../../org-units/org-units.table";
import { type reportEvidence, reportingObligations, reports } from "../reporting.table";

/** An evidence row, as a report's content lists it and the evidence repository writes it. */
export type EvidenceRow = typeof reportEvidence.$inferSelect;

export interface EntryView {
  id: string;
  assignmentId: string;
  taskId: string;
  taskNumber: string;
  /** The number of the plan's section the task is in ("II"), "" when none. */
  sectionNumber: string;
  taskContent: string;
  role: string;
  dueDate: string | null;
  deadlineText: string;
  quantitativeTargets: Array<{ measure: string; comparator: string; value: number; unit: string }>;
  /** The task is recurring: judged per period (core's workStatus). */
  recurring: boolean;
  /** A recurring task's rhythm ("monthly"…), null otherwise. */
  frequency: Frequency | null;
  /** The last day of the entry's report period. */
  periodEnd: string;
  progress: number;
  narrative: string;
  figures: Array<{ measure: string; value: number | null }>;
  completedAt: string | null;
  carriedForward: boolean;
  /** The last period's text of the entry this one was carried from. */
  previousNarrative: string | null;
  reviewMark: EntryReviewMark | null;
  version: number;
  reportId: string;
  /** The task was handed to another unit (or amended) since: the entry can no longer be saved. */
  assignmentEnded: boolean;
  /** No work of the plan finished before this day. */
  planIssued: string | null;
  /** The task implements a parent plan's task: its progress rolls up the cascade. */
  inCascade: boolean;
}

/** What the report page shows of an entry: everything `presentEntry` reads. */
export type EntryPageView = Omit<EntryView, "reportId" | "assignmentEnded" | "planIssued" | "inCascade">;

/**
 * The number of the section a task is in: its parent's, or (a sub-task "1.1") its grandparent's, by
 * primary key. Plans put sections only at the top, so two steps reach it.
 */
export const sectionNumberOf = (t: SQL) => sql`coalesce(
  (select s.number from plan_tasks s where s.id = ${t}.parent_id and s.kind = 'section'),
  (select s.number from plan_tasks p join plan_tasks s on s.id = p.parent_id and s.kind = 'section'
    where p.id = ${t}.parent_id), '')`;

/**
 * The columns of an entry with its task and assignment, from `e` joined to `t` and `a`. The report
 * page passes its report's period end (one value for all its entries); a save reads it per entry.
 */
const entryColumns = (periodEnd: SQL) => sql`e.id, e.assignment_id as "assignmentId", e.task_id as "taskId",
  t.number as "taskNumber", ${sectionNumberOf(sql`t`)} as "sectionNumber", t.content as "taskContent", a.role, a.due_date::text as "dueDate",
  t.deadline_text as "deadlineText", t.quantitative_targets as "quantitativeTargets",
  (t.deadline->>'kind' = 'recurring') as recurring,
  case when t.deadline->>'kind' = 'recurring' then t.deadline->>'frequency' end as frequency,
  ${periodEnd}::text as "periodEnd", e.progress, e.narrative, e.figures, e.completed_at::text as "completedAt",
  (e.carried_from_id is not null) as "carriedForward",
  (select p.narrative from report_entries p where p.id = e.carried_from_id) as "previousNarrative",
  e.review_mark as "reviewMark", e.version, t.plan_id as "taskPlanId", t.sort_order as "taskSortOrder"`;
const entryJoins = sql`join plan_tasks t on t.id = e.task_id join task_assignments a on a.id = e.assignment_id`;

/**
 * An entry with its task and assignment, from `e`: the table, or the rows an update returned. With
 * what a save checks besides: whether the assignment ended, the plan's issue day, the cascade.
 */
export const entryViewOf = (source: SQL) => sql`select ${entryColumns(
  sql`(select r.period_end from reports r where r.id = e.report_id)`,
)}, e.report_id as "reportId", (a.ended_at is not null) as "assignmentEnded",
  (select p.issued_date::text from plans p where p.id = t.plan_id) as "planIssued",
  (t.parent_task_id is not null) as "inCascade"
  from ${source} e ${entryJoins}`;

/**
 * A report's entries as its page shows them, `e` being the report's (filter on `e.report_id`):
 * no per-entry lookups of what the page does not need. Opening a report is the most frequent read.
 */
export const entryPageOf = (periodEnd: SQL) =>
  sql`select ${entryColumns(periodEnd)} from report_entries e ${entryJoins}`;
export const entryViewSelect = entryViewOf(sql`report_entries`);

export interface ReportCommentView {
  id: string;
  taskId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** The columns of a loaded report: the row, its unit's name and what its obligation says. */
export const reportFields = {
  r: reports,
  unitName: orgUnits.name,
  obligationTitle: reportingObligations.title,
  requiresApproval: reportingObligations.requiresApproval,
  receivingUnitId: reportingObligations.receivingUnitId,
  questions: reportingObligations.questions,
  frequency: reportingObligations.frequency,
};
