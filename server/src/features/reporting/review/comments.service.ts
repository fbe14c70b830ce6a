/** Comments on a report or one of its tasks, and the notice the other side gets. */
import type { z } from "zod";
import type { commentBody } from "../../../../../core/src/api/reporting.schemas";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { badRequest, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { canCommentReport } from "../reporting.policy";
import { presentComment } from "../reports/report.presenter";
import { asLike, getVisibleReport, presentSummary } from "../reports/reports.service";
import { createReviewRepository } from "./review.repository";
import { excerpt } from "./review-notices";

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
    const repo = createReviewRepository(tx);
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
    await repo.insertNotifications([
      {
        unitId: fromUnit ? report.receivingUnitId : report.unitId,
        kind: "comment",
        title: `${fromUnit ? `${report.unitName} góp ý` : "Góp ý mới về báo cáo"}: ${report.obligationTitle}`,
        body: `Kỳ ${presentSummary(report).periodLabel} — ${actor.displayName}: ${excerpt(input.body)}`,
        reportId: id,
        mailState: "pending",
      },
    ]);
    await writeAudit({
      tx,
      actor,
      record: { entity: "reportComment", entityId: row.id, action: "create", after: row },
    });
    return presentComment(row);
  });
}
