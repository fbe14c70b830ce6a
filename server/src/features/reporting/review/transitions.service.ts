/** The review's state changes of a report: submit, approve, return, resubmit, accept, reopen. */
import type { z } from "zod";
import type { transitionBody } from "../../../../../core/src/api/reporting.schemas";
import { transition } from "../../../../../core/src/reporting/report-state";
import type { Actor } from "../../../app/actor";
import { now as clockNow } from "../../../app/clock";
import type { Db } from "../../../app/db";
import { AppError, badRequest, conflict, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { today } from "../../org-units/org-units.service";
import { reportRelations } from "../reporting.policy";
import { refuseUnanswered } from "../reports/answers.service";
import { createReportsRepository } from "../reports/reports.repository";
import { asLike, getReport, getVisibleReport, presentSummary } from "../reports/reports.service";
import { createReviewRepository } from "./review.repository";
import { reviewNotices } from "./review-notices";

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
    const repo = createReportsRepository(tx);
    const review = createReviewRepository(tx);
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
    // A report leaves the unit with every required question answered (the head's approval too).
    if (result.next !== "returned" && ["submit", "resubmit", "approve"].includes(input.action))
      refuseUnanswered(report);
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
    // The head hears that a report awaits her; the officer who asked hears what the head did.
    const people = {
      headIds: result.next === "pendingApproval" ? await review.unitHeads(report.unitId) : [],
      submitterId: report.state === "pendingApproval" ? await review.lastSubmitter(id) : null,
    };
    const notices = reviewNotices({
      report,
      action: input.action,
      next: result.next,
      reason: input.reason ?? null,
      people,
    });
    await review.insertNotifications(notices.map((n) => ({ ...n, mailState: "pending" })));
    if (result.next === "returned" && input.reason)
      await review.insertComment({
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
        after: {
          state: result.next,
          reason: input.reason ?? null,
          // In words, as the audit panel shows them: the notices' titles.
          notified: notices.map((n) => n.title),
        },
      },
    });
  });
  return getReport({ db, actor, id });
}
