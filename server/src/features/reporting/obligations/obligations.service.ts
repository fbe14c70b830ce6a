/** Obligations: what an issued plan asks its assigned units to report, how often, and to whom. */
import type { z } from "zod";
import type { obligationCreateBody } from "../../../../../core/src/api/reporting.schemas";
import type { DueRule, ReportFrequency } from "../../../../../core/src/reporting/periods";
import { readQuestions } from "../../../../../core/src/reporting/questions";
import type { Actor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { getVisibleUnit } from "../../org-units/org-units.service";
import { getVisiblePlan } from "../../plans/plans.service";
import { canManageReporting } from "../reporting.policy";
import { createObligationsRepository, type ObligationRow } from "./obligations.repository";
import { numberQuestions, refuseDuplicate, resolveRequestTasks, resolveRequestUnits } from "./request-scope";

type ObligationInput = z.infer<typeof obligationCreateBody>;

const obligationNotFound = () => notFound("reporting.obligationNotFound", "Không tìm thấy yêu cầu báo cáo.");

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
    questions: readQuestions(o.questions),
    unitIds: o.unitIds ?? null,
    taskIds: o.taskIds ?? null,
    reminderOffsets: o.reminderOffsets,
  };
}

/**
 * Sets what a plan asks its assigned units to report (or the units and tasks chosen); only on an
 * issued plan, by whoever manages it. A request like one the plan has is refused with a warning
 * unless the caller confirms.
 */
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
  // Reports go to a unit of the plan's province (an administrator, national, sees every province).
  if (receiving.provinceId !== plan.provinceId)
    throw badRequest(
      "reporting.receiverProvince",
      `Đơn vị nhận báo cáo “${receiving.name}” không thuộc tỉnh, thành phố của kế hoạch.`,
    );
  const dueRule: DueRule =
    input.frequency === "adHoc"
      ? { kind: "fixedDate", date: input.adHocDue as string }
      : (input.dueRule as DueRule);
  const unitIds = await resolveRequestUnits({ db, actor, input, provinceId: plan.provinceId });
  return db.transaction(async (tx) => {
    if (input.taskId) {
      const ok = Boolean(await createObligationsRepository(tx).planTask({ taskId: input.taskId, planId }));
      if (!ok) throw badRequest("reporting.taskNotFound", "Nhiệm vụ không thuộc kế hoạch này.");
    }
    const taskIds = await resolveRequestTasks({ db: tx, planId, taskIds: input.taskIds });
    await refuseDuplicate({ db: tx, planId, input });
    const row = await createObligationsRepository(tx).insertObligation({
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
      questions: numberQuestions(input.questions),
      unitIds,
      taskIds,
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
  const rows = await createObligationsRepository(db).listObligations(planId);
  return rows.map((r) => presentObligation(r.o, r.receivingUnitName));
}

export async function getObligationForPlan({ db, actor, id }: { db: DbOrTx; actor: Actor; id: string }) {
  const obligation = await createObligationsRepository(db).findObligation(id);
  if (!obligation) throw obligationNotFound();
  const plan = await getVisiblePlan({ db, actor, id: obligation.planId }).catch(() => {
    throw obligationNotFound();
  });
  return { obligation, plan };
}
