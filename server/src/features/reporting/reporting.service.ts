/**
 * Reporting: obligations of an issued plan, opening a period, a unit's report, autosaved entries with
 * optimistic concurrency, the review actions of the state machine, comments and evidence.
 */
import fs from "node:fs/promises";
import type { z } from "zod";
import type {
  commentBody,
  entryUpdateBody,
  linkBody,
  obligationCreateBody,
  reportListQuery,
  reportUpdateBody,
  transitionBody,
} from "../../../../core/src/api/reporting.schemas";
import {
  adHocPeriod,
  type DueRule,
  keyMatches,
  type Period,
  parsePeriodKey,
  periodDates,
  periodLabel,
  type ReportFrequency,
  shiftPeriod,
} from "../../../../core/src/reporting/periods";
import { type ReportState, transition } from "../../../../core/src/reporting/report-state";
import type { Actor, AuditActor } from "../../app/actor";
import { now as clockNow } from "../../app/clock";
import type { AppConfig } from "../../app/config";
import type { Db, DbOrTx } from "../../app/db";
import { AppError, badRequest, conflict, forbidden, notFound } from "../../app/errors";
import { auditInsertFrom, writeAudit } from "../audit/audit.repository";
import { getVisibleUnit, today } from "../org-units/org-units.service";
import { assignmentEnded, checkStatement, writeProgress } from "../plans/assignments/progress";
import { taskScope } from "../plans/plans.policy";
import { getVisiblePlan } from "../plans/plans.service";
import { TOTAL_CAP } from "../plans/plans.views.repository";
import { createEntryCache } from "./reporting.entry-cache";
import {
  CONTENT_TYPES,
  checkEvidenceType,
  putInPlace,
  storedPath,
  UNIT_QUOTA_BYTES,
  writeTemp,
} from "./reporting.files";
import {
  canAllowLate,
  canCommentReport,
  canEditReport,
  canManageReporting,
  canReadReport,
  type ReportLike,
  reportCan,
  reportRelations,
} from "./reporting.policy";
import { iso, labelOfPeriod, presentComment, presentEntry, presentEvidence } from "./reporting.presenter";
import { createReportingRepository, type EntryView, type ObligationRow } from "./reporting.repository";

type ObligationInput = z.infer<typeof obligationCreateBody>;

const obligationNotFound = () => notFound("reporting.obligationNotFound", "Không tìm thấy yêu cầu báo cáo.");
const reportNotFound = () => notFound("report.notFound", "Không tìm thấy báo cáo.");

function presentObligation(o: ObligationRow, receivingUnitName: string) {
  return {
    id: o.id,
    planId: o.planId,
    taskId: o.taskId,
    title: o.title,
    frequency: o.frequency as ReportFrequency,
    dueRule: o.dueRule as DueRule,
    openOffsetDays: o.openOffsetDays,
    lockAfterDays: o.lockAfterDays,
    receivingUnitId: o.receivingUnitId,
    receivingUnitName,
    requiresApproval: o.requiresApproval,
    adHocStart: o.adHocStart,
    adHocDue: o.adHocDue,
    questions: o.questions as string[],
    reminderOffsets: o.reminderOffsets,
  };
}

/** Sets what a plan asks its assigned units to report; only on an issued plan, by whoever manages it. */
export async function createObligation({
  db,
  actor,
  planId,
  input,
}: {
  db: Db;
  actor: Actor;
  planId: string;
  input: ObligationInput;
}) {
  const plan = await getVisiblePlan({ db, actor, id: planId });
  if (!canManageReporting(actor, plan))
    throw forbidden(
      "reporting.forbidden",
      "Chỉ đơn vị quản lý kế hoạch đã ban hành mới đặt yêu cầu báo cáo.",
    );
  const receiving = await getVisibleUnit({ db, actor, id: input.receivingUnitId }).catch(() => {
    throw badRequest("reporting.receiverNotFound", "Không tìm thấy đơn vị nhận báo cáo.");
  });
  const dueRule: DueRule =
    input.frequency === "adHoc"
      ? { kind: "fixedDate", date: input.adHocDue as string }
      : (input.dueRule as DueRule);
  return db.transaction(async (tx) => {
    if (input.taskId) {
      const ok = Boolean(await createReportingRepository(tx).planTask({ taskId: input.taskId, planId }));
      if (!ok) throw badRequest("reporting.taskNotFound", "Nhiệm vụ không thuộc kế hoạch này.");
    }
    const row = await createReportingRepository(tx).insertObligation({
      planId,
      taskId: input.taskId,
      provinceId: plan.provinceId,
      title: input.title,
      frequency: input.frequency,
      dueRule,
      openOffsetDays: input.openOffsetDays,
      lockAfterDays: input.lockAfterDays,
      receivingUnitId: receiving.id,
      requiresApproval: input.requiresApproval,
      adHocStart: input.frequency === "adHoc" ? input.adHocStart : null,
      adHocDue: input.frequency === "adHoc" ? input.adHocDue : null,
      questions: input.questions,
      reminderOffsets: input.reminderOffsets,
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "reportingObligation", entityId: row.id, action: "create", after: row },
    });
    return presentObligation(row, receiving.name);
  });
}

export async function listObligations({ db, actor, planId }: { db: Db; actor: Actor; planId: string }) {
  await getVisiblePlan({ db, actor, id: planId });
  const rows = await createReportingRepository(db).listObligations(planId);
  return rows.map((r) => presentObligation(r.o, r.receivingUnitName));
}

async function getObligationForPlan({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const obligation = await createReportingRepository(db).findObligation(id);
  if (!obligation) throw obligationNotFound();
  const plan = await getVisiblePlan({ db, actor, id: obligation.planId }).catch(() => {
    throw obligationNotFound();
  });
  return { obligation, plan };
}

/** The period a key names under an obligation, with its opening, due and lock days. */
export function obligationPeriod(obligation: ObligationRow, periodKey: string) {
  const frequency = obligation.frequency as ReportFrequency;
  if (!keyMatches(frequency, periodKey))
    throw badRequest("reporting.periodKey", "Kỳ báo cáo không khớp tần suất của yêu cầu báo cáo.");
  const period: Period =
    frequency === "adHoc"
      ? adHocPeriod({ start: obligation.adHocStart as string, due: obligation.adHocDue as string })
      : (parsePeriodKey(periodKey) as Period);
  return periodDates({
    period,
    dueRule: obligation.dueRule as DueRule,
    openOffsetDays: obligation.openOffsetDays,
    lockAfterDays: obligation.lockAfterDays,
  });
}

/**
 * Opens a period: one report for every unit assigned to the plan (or task), each with its tasks'
 * entries carried forward from the previous period. Opening again adds only what is missing.
 */
export async function openPeriod({
  db,
  actor,
  obligationId,
  periodKey,
}: {
  db: Db;
  actor: Actor;
  obligationId: string;
  periodKey: string;
}) {
  const { obligation, plan } = await getObligationForPlan({ db, actor, id: obligationId });
  if (!canManageReporting(actor, plan))
    throw forbidden("reporting.forbidden", "Bạn không có quyền mở kỳ báo cáo của kế hoạch này.");
  return openObligationPeriod({ db, actor, obligation, periodKey });
}

/** Opens a period of an obligation the caller has already been allowed to open (or the scheduler). */
export async function openObligationPeriod({
  db,
  actor,
  obligation,
  periodKey,
}: {
  db: Db;
  actor: AuditActor;
  obligation: ObligationRow;
  periodKey: string;
}) {
  const dates = obligationPeriod(obligation, periodKey);
  const previousKey = dates.frequency === "adHoc" ? null : shiftPeriod(dates, -1).key;
  return db.transaction(async (tx) => {
    const repo = createReportingRepository(tx);
    const reportsCreated = await repo.insertReportsForPeriod({
      obligation,
      periodKey: dates.key,
      start: dates.start,
      end: dates.end,
      opensOn: dates.opensOn,
      due: dates.due,
      lockDate: dates.lockDate,
    });
    const entriesCreated = await repo.insertEntriesForPeriod({
      obligation,
      periodKey: dates.key,
      previousKey,
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "reportingObligation",
        entityId: obligation.id,
        action: "openPeriod",
        after: { periodKey: dates.key, reportsCreated, entriesCreated },
      },
    });
    return {
      periodKey: dates.key,
      label: periodLabel(dates),
      dueDate: dates.due,
      lockDate: dates.lockDate,
      reportsCreated,
      entriesCreated,
    };
  });
}

type LoadedReport = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createReportingRepository>["findReport"]>>
>;

const asLike = (r: LoadedReport): ReportLike => ({
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
async function getVisibleReport({
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
  const report = await createReportingRepository(db).findReport(id, lock);
  if (!report || !canReadReport(actor, asLike(report))) throw reportNotFound();
  return report;
}

function presentSummary(r: LoadedReport) {
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
  const found = await createReportingRepository(db).findReportWithContent(id);
  if (!found || !canReadReport(actor, asLike(found.report))) throw reportNotFound();
  const { report, entries, comments, evidence } = found;
  return {
    ...presentSummary(report),
    results: report.results,
    difficulties: report.difficulties,
    proposals: report.proposals,
    questions: report.questions as string[],
    answers: report.answers as Record<string, string>,
    requiresApproval: report.requiresApproval,
    entries: entries.map((e) => presentEntry(e, today())),
    comments: comments.map(presentComment),
    evidence: evidence.map(presentEvidence),
    can: reportCan(actor, asLike(report), today()),
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
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  const { rows, total } = await createReportingRepository(db).pageReports({
    scope: taskScope(actor),
    obligationId: query.obligationId,
    periodKey: query.periodKey,
    unit: unit ? { id: unit.id, path: unit.path, subtree: query.subtree === "true" } : undefined,
    state: query.state,
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

/** The obligations and periods the actor's reports belong to, newest first, labelled. */
export async function listReportPeriods({ db, actor }: { db: Db; actor: Actor }) {
  const rows = await createReportingRepository(db).reportPeriods(taskScope(actor));
  return rows.map(({ periodStart, periodEnd, ...r }) => ({
    ...r,
    periodLabel: labelOfPeriod({ periodKey: r.periodKey, periodStart, periodEnd }),
  }));
}

const editRefusal = (report: LoadedReport) =>
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
    const repo = createReportingRepository(tx);
    // An update lock from the start: two saves of the general part queue here. A share lock then an
    // update deadlocked them (each waiting for the other's share lock to go).
    await repo.lockReport(id, "update");
    const report = await getVisibleReport({ db: tx, actor, id });
    if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
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

const pick = (o: Record<string, unknown>, keys: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(keys).map((k) => [k, o[k]]));

function checkFigures(entry: EntryView, figures: Array<{ measure: string; value: number | null }>) {
  for (const f of figures) {
    const target = entry.quantitativeTargets.find((t) => t.measure === f.measure);
    if (!target) throw badRequest("reportEntry.unknownMeasure", `Nhiệm vụ không có chỉ tiêu "${f.measure}".`);
    if (f.value === null) continue;
    if (f.value < 0) throw badRequest("reportEntry.figureRange", `Số liệu "${f.measure}" không được âm.`);
    if (target.unit?.trim() === "%" && f.value > 100)
      throw badRequest("reportEntry.figureRange", `Số liệu "${f.measure}" là tỷ lệ phần trăm, tối đa 100.`);
  }
}

const entryCache = createEntryCache<LoadedReport, EntryView>();

/**
 * Autosave of one task's entry. The writer sends the version it read; a stale one is refused with 409
 * and the current values, so a second person's edit is never silently overwritten.
 * Autosaves are the most frequent write of the system, so a save is two round trips and no
 * transaction: one read of the entry and its report to check, one statement that writes (entry,
 * progress, audit) only if the report is still as checked. When the report moved in between (a
 * submission, a return, its general part saved), the check is made again on the report as it is now.
 * The next save of the same entry by the same person starts from what this one checked and wrote
 * (`reporting.entry-cache.ts`): one round trip, still refused by the database if anything moved.
 */
export async function saveEntry({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof entryUpdateBody>;
}) {
  const repo = createReportingRepository(db);
  const entryNotFound = () => notFound("reportEntry.notFound", "Không tìm thấy nội dung báo cáo.");
  let checkpoint = entryCache.get(actor.userId, id, input.version);
  for (let attempt = 1; ; attempt++) {
    const fromCache = checkpoint !== null;
    const found = checkpoint ?? (await repo.findEntryWithReport(id));
    checkpoint = null;
    const { entry: before, report } = found ?? { entry: null, report: null };
    const allowed = Boolean(before && report && canReadReport(actor, asLike(report)));
    // A refusal is only ever decided on what the database says now, never on what was remembered.
    if (fromCache && (!allowed || !canEditReport(actor, asLike(report as LoadedReport), today()))) {
      entryCache.forget(actor.userId, id);
      continue;
    }
    if (!before || !report || !allowed) throw entryNotFound();
    if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
    if (input.figures)
      try {
        checkFigures(before, input.figures);
      } catch (error) {
        if (!fromCache) throw error;
        entryCache.forget(actor.userId, id);
        continue;
      }
    if (before.assignmentEnded) {
      if (fromCache) {
        entryCache.forget(actor.userId, id);
        continue;
      }
      throw assignmentEnded();
    }
    const { version, ...set } = input;
    // What the unit states, by the one rule; the class is never sent, it follows from the dates.
    const stated = checkStatement({
      before: { progress: before.progress, completedAt: before.completedAt },
      progress: set.progress,
      completedAt: set.completedAt,
      today: today(),
      planIssued: before.planIssued,
    });
    const values = { ...set, ...stated };
    const write = (handle: DbOrTx) =>
      createReportingRepository(handle).updateEntry({
        id,
        version,
        report: { id: report.id, version: report.version },
        // Figures were checked against these targets: the write requires they still stand.
        targets: input.figures ? before.quantitativeTargets : undefined,
        set: values,
        userId: actor.userId,
        audit: (source) =>
          auditInsertFrom(source, actor, {
            entity: "reportEntry",
            entityId: id,
            action: "update",
            before: pick({ ...before }, set),
            after: values,
          }),
      });
    const progressChanged = stated.progress !== before.progress || stated.completedAt !== before.completedAt;
    // Text alone (most autosaves): one statement. A new progress or completion: the entry and the
    // one write path of progress (assignment, task, cascade) in one transaction.
    const { entry: updated, reportChanged } = progressChanged
      ? await db.transaction(async (tx) => {
          const written = await write(tx);
          if (written.entry)
            await writeProgress(tx, {
              assignmentId: before.assignmentId,
              statement: stated,
              recurring: before.recurring,
              openEntries: false,
            });
          return written;
        })
      : await write(db);
    if (updated) {
      entryCache.set(actor.userId, id, { report, entry: updated });
      return presentEntry(updated, today());
    }
    entryCache.forget(actor.userId, id);
    if (fromCache || (reportChanged && attempt < 5)) continue;
    const current = await repo.findEntryView(id);
    throw new AppError(
      409,
      "reportEntry.conflict",
      "Nội dung này vừa được người khác sửa. Hãy xem bản mới nhất trước khi lưu lại.",
      { current: current ? presentEntry(current, today()) : null },
    );
  }
}

const TRANSITION_ERRORS = {
  forbidden: (m: string) => forbidden("report.forbidden", m),
  invalidState: (m: string) => conflict("report.invalidState", m),
  locked: (m: string) => new AppError(403, "report.locked", m),
  reasonRequired: (m: string) => badRequest("report.reasonRequired", m),
};

/** Submit, approve, return with a reason, resubmit, accept or reopen: all or nothing, with a record. */
export async function transitionReport({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof transitionBody>;
}) {
  await db.transaction(async (tx) => {
    const repo = createReportingRepository(tx);
    await repo.lockReport(id, "update");
    const report = await getVisibleReport({ db: tx, actor, id });
    const like = asLike(report);
    const result = transition({
      ...like,
      action: input.action,
      relations: reportRelations(actor, like),
      today: today(),
      reason: input.reason ?? null,
    });
    if (!result.ok) throw TRANSITION_ERRORS[result.code](result.message);
    if (report.version !== input.version)
      throw new AppError(409, "report.conflict", "Báo cáo vừa được người khác thay đổi. Hãy tải lại.", {
        current: presentSummary(report),
      });
    const now = clockNow();
    const sent = result.next === "submitted" || result.next === "resubmitted";
    const set = {
      state: result.next,
      updatedBy: actor.userId,
      ...(sent ? { submittedAt: now, firstSubmittedAt: report.firstSubmittedAt ?? now } : {}),
      ...(input.action === "approve" ? { approvedBy: actor.userId } : {}),
      ...(result.next === "returned"
        ? { returnReason: input.reason ?? null, wasReturned: true, acceptedAt: null }
        : {}),
      ...(result.next === "accepted" ? { acceptedAt: now } : {}),
    };
    const updated = await repo.updateReport({ id, version: report.version, set });
    if (!updated) throw conflict("report.conflict", "Báo cáo vừa được người khác thay đổi. Hãy tải lại.");
    const notice = reviewNotice({ report, next: result.next, reason: input.reason ?? null });
    if (notice) await repo.insertNotification({ ...notice, mailState: "pending" });
    if (result.next === "returned" && input.reason)
      await repo.insertComment({
        reportId: id,
        authorId: actor.userId,
        authorName: actor.displayName,
        body: `${input.action === "reopen" ? "Mở lại báo cáo" : "Trả lại báo cáo"}: ${input.reason}`,
      });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "report",
        entityId: id,
        action: input.action,
        before: { state: report.state },
        after: { state: result.next, reason: input.reason ?? null },
      },
    });
  });
  return getReport({ db, actor, id });
}

const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * The in-app notice a state change sends: the unit hears that its report was returned (with the
 * reason) or accepted; the receiving unit hears that a report arrived. Approval inside the unit and
 * drafts tell no one.
 */
function reviewNotice({
  report,
  next,
  reason,
}: {
  report: LoadedReport;
  next: ReportState;
  reason: string | null;
}) {
  const period = `Kỳ ${presentSummary(report).periodLabel}`;
  const base = { reportId: report.id };
  if (next === "returned")
    return {
      ...base,
      unitId: report.unitId,
      kind: "returned",
      title: `Báo cáo bị trả lại: ${report.obligationTitle}`,
      body: reason ? `${period}. Lý do: ${excerpt(reason)}` : `${period}.`,
    };
  if (next === "accepted")
    return {
      ...base,
      unitId: report.unitId,
      kind: "accepted",
      title: `Báo cáo đã được tiếp nhận: ${report.obligationTitle}`,
      body: `${period}.`,
    };
  if (next === "submitted" || next === "resubmitted")
    return {
      ...base,
      unitId: report.receivingUnitId,
      kind: next === "submitted" ? "received" : "resubmitted",
      title: `${next === "submitted" ? "Đã nhận báo cáo" : "Báo cáo gửi lại"}: ${report.unitName}`,
      body: `${report.obligationTitle}, ${period.toLowerCase()}.`,
    };
  return null;
}

/** The receiver lets a unit write and submit after the lock date (or takes it back). */
export async function allowLate({
  db,
  actor,
  id,
  allowed,
}: {
  db: Db;
  actor: Actor;
  id: string;
  allowed: boolean;
}) {
  await db.transaction(async (tx) => {
    const repo = createReportingRepository(tx);
    await repo.lockReport(id, "update");
    const report = await getVisibleReport({ db: tx, actor, id });
    if (!canAllowLate(actor, asLike(report)))
      throw forbidden("report.forbidden", "Chỉ cơ quan nhận báo cáo mới cho phép gửi muộn.");
    await repo.updateReport({
      id,
      version: report.version,
      set: { lateAllowed: allowed, updatedBy: actor.userId },
    });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "report",
        entityId: id,
        action: "allowLate",
        before: { lateAllowed: report.lateAllowed },
        after: { lateAllowed: allowed },
      },
    });
  });
  return getReport({ db, actor, id });
}

/** A comment on the report or one of its tasks, by the unit or its receivers. */
export async function addComment({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof commentBody>;
}) {
  const report = await getVisibleReport({ db, actor, id });
  if (!canCommentReport(actor, asLike(report)))
    throw forbidden("report.forbidden", "Bạn không thể góp ý báo cáo này.");
  return db.transaction(async (tx) => {
    const repo = createReportingRepository(tx);
    if (input.taskId && !(await repo.taskInReport({ taskId: input.taskId, reportId: id })))
      throw badRequest("report.taskNotInReport", "Nhiệm vụ không thuộc báo cáo này.");
    const row = await repo.insertComment({
      reportId: id,
      taskId: input.taskId,
      authorId: actor.userId,
      authorName: actor.displayName,
      body: input.body,
    });
    // The other side hears of it: the unit of the receiver's comment, the receiver of the unit's.
    const fromUnit = actor.unitId === report.unitId;
    await repo.insertNotification({
      unitId: fromUnit ? report.receivingUnitId : report.unitId,
      kind: "comment",
      title: `${fromUnit ? `${report.unitName} góp ý` : "Góp ý mới về báo cáo"}: ${report.obligationTitle}`,
      body: `Kỳ ${presentSummary(report).periodLabel} — ${actor.displayName}: ${excerpt(input.body)}`,
      reportId: id,
      mailState: "pending",
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "reportComment", entityId: row.id, action: "create", after: row },
    });
    return presentComment(row);
  });
}

async function evidenceTarget({
  db,
  actor,
  id,
  entryId,
}: {
  db: Db;
  actor: Actor;
  id: string;
  entryId: string | null;
}) {
  const report = await getVisibleReport({ db, actor, id });
  if (!canEditReport(actor, asLike(report), today())) throw editRefusal(report);
  if (entryId && !(await createReportingRepository(db).entryBelongs({ entryId, reportId: id })))
    throw badRequest("evidence.entryNotFound", "Nhiệm vụ không thuộc báo cáo này.");
  return report;
}

/**
 * Stores an evidence file: checked by content, counted against the unit's quota; written under a
 * temporary name first and renamed only once its row is in, so a failure leaves no orphan row.
 */
export async function uploadEvidence({
  db,
  config,
  actor,
  id,
  entryId,
  file,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
  entryId: string | null;
  file: { fileName: string; data: Uint8Array };
}) {
  const report = await evidenceTarget({ db, actor, id, entryId });
  const type = checkEvidenceType(file);
  const used = await createReportingRepository(db).unitUsage(report.unitId);
  if (used + file.data.byteLength > UNIT_QUOTA_BYTES)
    throw new AppError(413, "evidence.quota", "Đơn vị đã dùng hết dung lượng lưu minh chứng (500 MB).");
  const temp = await writeTemp({ dataDir: config.dataDir, unitId: report.unitId, data: file.data });
  try {
    return await db.transaction(async (tx) => {
      const row = await createReportingRepository(tx).insertEvidence({
        reportId: id,
        entryId,
        unitId: report.unitId,
        kind: "file",
        fileName: file.fileName,
        contentType: CONTENT_TYPES[type],
        size: file.data.byteLength,
        storageKey: temp.key,
        createdBy: actor.userId,
      });
      await writeAudit({
        tx,
        actor,
        record: { entity: "reportEvidence", entityId: row.id, action: "upload", after: row },
      });
      await putInPlace(temp);
      return presentEvidence(row);
    });
  } catch (error) {
    await fs.rm(temp.tempPath, { force: true });
    throw error;
  }
}

/** A link as evidence (a published page, a shared folder). */
export async function addEvidenceLink({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof linkBody>;
}) {
  const report = await evidenceTarget({ db, actor, id, entryId: input.entryId });
  return db.transaction(async (tx) => {
    const row = await createReportingRepository(tx).insertEvidence({
      reportId: id,
      entryId: input.entryId,
      unitId: report.unitId,
      kind: "link",
      url: input.url,
      title: input.title,
      createdBy: actor.userId,
    });
    await writeAudit({
      tx,
      actor,
      record: { entity: "reportEvidence", entityId: row.id, action: "link", after: row },
    });
    return presentEvidence(row);
  });
}

/** An evidence file for download, if the actor may read its report. */
export async function openEvidence({
  db,
  config,
  actor,
  id,
}: {
  db: Db;
  config: AppConfig;
  actor: Actor;
  id: string;
}) {
  const row = await createReportingRepository(db).findEvidence(id);
  const missing = () => notFound("evidence.notFound", "Không tìm thấy tệp minh chứng.");
  if (row?.kind !== "file" || !row.storageKey) throw missing();
  await getVisibleReport({ db, actor, id: row.reportId }).catch(() => {
    throw missing();
  });
  const data = await fs.readFile(storedPath({ dataDir: config.dataDir, key: row.storageKey })).catch(() => {
    throw missing();
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}
