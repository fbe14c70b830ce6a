/**
 * A unit's report: loading one the actor may see (shared by the entries, the review and the
 * evidence), reading it, the lists of reports, and saving its general part.
 */
import type { z } from "zod";
import type { reportListQuery, reportUpdateBody } from "../../../../../core/src/api/reporting.schemas";
import { answersProblem, readQuestions } from "../../../../../core/src/reporting/questions";
import type { ReportState } from "../../../../../core/src/reporting/report-state";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { AppError, badRequest, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { getVisibleUnit, today } from "../../org-units/org-units.service";
import { taskScope } from "../../plans/plans.policy";
import { TOTAL_CAP } from "../../plans/views/views.repository";
import { canEditReport, canReadReport, type ReportLike, reportCan, submitLeadsTo } from "../reporting.policy";
import { iso, labelOfPeriod, presentComment, presentEntry, presentEvidence } from "./report.presenter";
import { createReportsRepository, type ReportListFilter } from "./reports.repository";

const reportNotFound = () => notFound("report.notFound", "Không tìm thấy báo cáo.");

export type LoadedReport = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createReportsRepository>["findReport"]>>
>;

export const asLike = (r: LoadedReport): ReportLike => ({
  provinceId: r.provinceId,
  unitId: r.unitId,
  unitPath: r.unitPath,
  state: r.state as ReportState,
  lockDate: r.lockDate,
  lateAllowed: r.lateAllowed,
  wasReturned: r.wasReturned,
  requiresApproval: r.requiresApproval,
  receivingUnitId: r.receivingUnitId,
});

/** Loads a report the actor may read, or answers "not found" (existence is not revealed). */
export async function getVisibleReport({
  db,
  actor,
  id,
  lock,
}: {
  db: DbOrTx;
  actor: Actor;
  id: string;
  lock?: "update" | "share";
}) {
  const report = await createReportsRepository(db).findReport(id, lock);
  if (!report || !canReadReport(actor, asLike(report))) throw reportNotFound();
  return report;
}

export function presentSummary(r: LoadedReport) {
  return {
    id: r.id,
    obligationId: r.obligationId,
    obligationTitle: r.obligationTitle,
    planId: r.planId,
    unitId: r.unitId,
    unitName: r.unitName,
    unitKind: r.unitKind,
    periodKey: r.periodKey,
    periodLabel: labelOfPeriod(r),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    opensOn: r.opensOn,
    dueDate: r.dueDate,
    lockDate: r.lockDate,
    state: r.state as ReportState,
    version: r.version,
    lateAllowed: r.lateAllowed,
    returnReason: r.returnReason,
    submittedAt: iso(r.submittedAt),
    firstSubmittedAt: iso(r.firstSubmittedAt),
  };
}

/** A unit's report: its assigned tasks with their entries, the comments, the evidence, what it may do. */
export async function getReport({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  // Read together; the content leaves the server only if the report is visible.
  const found = await createReportsRepository(db).findReportWithContent(id);
  if (!found || !canReadReport(actor, asLike(found.report))) throw reportNotFound();
  const { report, entries, comments, evidence } = found;
  const day = today();
  return {
    ...presentSummary(report),
    results: report.results,
    difficulties: report.difficulties,
    proposals: report.proposals,
    questions: readQuestions(report.questions),
    answers: report.answers as Record<string, string>,
    requiresApproval: report.requiresApproval,
    receivingUnitName: report.receivingUnitName,
    submitLeadsTo: submitLeadsTo(actor, asLike(report), day),
    entries: entries.map((e) => presentEntry(e, day)),
    comments: comments.map(presentComment),
    evidence: evidence.map(presentEvidence),
    can: reportCan(actor, asLike(report), day),
  };
}

/** One page of the reports the actor may see, filtered, with how many there are. */
export async function listReports({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof reportListQuery>;
}) {
  const { rows, total } = await createReportsRepository(db).pageReports({
    ...(await reportListFilter({ db, actor, query })),
    limit: query.pageSize,
    // Offsets stop at the cap, as the task list's do: nobody pages that far, and nothing scans further.
    offset: Math.min((query.page - 1) * query.pageSize, TOTAL_CAP),
    cap: TOTAL_CAP,
  });
  return {
    reports: rows.map(({ full_count: _, ...r }) =>
      presentSummary({
        ...(r as unknown as LoadedReport),
        submittedAt: r.submittedAt as Date | null,
        firstSubmittedAt: r.firstSubmittedAt as Date | null,
      }),
    ),
    total: Math.min(total, TOTAL_CAP),
    totalExact: total <= TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The report list's scope and filters, for the list and its Excel export alike. */
export async function reportListFilter({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<z.infer<typeof reportListQuery>, "page" | "pageSize">;
}): Promise<ReportListFilter> {
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  return {
    scope: taskScope(actor),
    obligationId: query.obligationId,
    periodKey: query.periodKey,
    unit: unit ? { id: unit.id, path: unit.path, subtree: query.subtree === "true" } : undefined,
    state: query.state,
  };
}

/**
 * The first reports due in some states, of the actor's own unit or of all it may see, and how many
 * there are: what the home page lists as to write, to approve or to review. The same scope and
 * filters as `listReports`, so its total is the sum of that list's totals for the same states.
 */
export async function firstDueReports({
  db,
  actor,
  states,
  ownUnit,
  limit,
}: {
  db: Db;
  actor: Actor;
  states: ReportState[];
  ownUnit: boolean;
  limit: number;
}) {
  const { rows, total } = await createReportsRepository(db).firstDue({
    scope: taskScope(actor),
    unit: ownUnit ? { id: actor.unitId, path: actor.unitPath, subtree: false } : undefined,
    states,
    limit,
  });
  return {
    total,
    reports: rows.map((r) =>
      presentSummary({
        ...(r as unknown as LoadedReport),
        submittedAt: r.submittedAt as Date | null,
        firstSubmittedAt: r.firstSubmittedAt as Date | null,
      }),
    ),
  };
}

/**
 * The period a coordinator means by "now": the one containing the province's today; when none of
 * the periods with reports contains it, the latest one already begun; failing that the first listed.
 * `rows` are newest first, so among several obligations the shortest current period (the month
 * before the quarter) comes first.
 */
export function currentPeriod<R extends { periodStart: string; periodEnd: string }>(rows: R[], day: string) {
  return (
    rows.find((r) => r.periodStart <= day && day <= r.periodEnd) ??
    rows.find((r) => r.periodStart <= day) ??
    rows[0] ??
    null
  );
}

/** The obligations and periods the actor's reports belong to, newest first, labelled, and the current one. */
export async function listReportPeriods({ db, actor }: { db: Db; actor: Actor }) {
  const rows = await createReportsRepository(db).reportPeriods(taskScope(actor));
  const current = currentPeriod(rows, today());
  return {
    periods: rows.map(({ periodStart, periodEnd, ...r }) => ({
      ...r,
      periodLabel: labelOfPeriod({ periodKey: r.periodKey, periodStart, periodEnd }),
    })),
    current: current ? { obligationId: current.obligationId, periodKey: current.periodKey } : null,
  };
}

export const editRefusal = (report: LoadedReport) =>
  report.state !== "draft" && report.state !== "returned"
    ? new AppError(409, "report.notEditable", "Báo cáo đã gửi hoặc đã được tiếp nhận, không thể sửa.")
    : forbidden("report.forbidden", "Bạn không có quyền sửa báo cáo này hoặc báo cáo đã khóa sổ.");

/** Saves the general part (results, difficulties, proposals, answers) if the version is still current. */
export async function updateReport({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof reportUpdateBody>;
}) {
  await db.transaction(async (tx) => {
    const repo = createReportsRepository(tx);
    // An update lock from the start: two saves of the general part queue here. A share lock then an
    // update deadlocked them (each waiting for the other's share lock to go).
    await repo.lockReport(id, "update");
    const report = await getVisibleReport({ db: tx, actor, id });
    if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
    const problem = input.answers ? answersProblem(readQuestions(report.questions), input.answers) : null;
    if (problem) throw badRequest("report.answerInvalid", problem);
    const { version, ...set } = input;
    const updated = await repo.updateReport({ id, version, set: { ...set, updatedBy: actor.userId } });
    if (!updated)
      throw new AppError(409, "report.conflict", "Báo cáo vừa được người khác sửa. Hãy xem bản mới nhất.", {
        current: presentSummary(report),
      });
    await writeAudit({
      tx,
      actor,
      record: { entity: "report", entityId: id, action: "update", before: pick(report, set), after: set },
    });
  });
  return getReport({ db, actor, id });
}

export const pick = (o: Record<string, unknown>, keys: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(keys).map((k) => [k, o[k]]));
