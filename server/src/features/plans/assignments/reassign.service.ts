/**
 * Reassignment: one assignment handed to another unit, or all of a unit's after a merge. The old rows
 * are ended and linked to their replacements, never deleted.
 */
import type { z } from "zod";
import type { reassignBody, reassignMergedBody } from "../../../../../core/src/api/plans.schemas";
import type { Actor, AuditActor } from "../../../app/actor";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { createOrgUnitsRepository } from "../../org-units/org-units.repository";
import { getVisibleUnit } from "../../org-units/org-units.service";
import { canReassign, canReassignMerged } from "../plans.policy";
import { type AssignmentRow, createPlansRepository } from "../plans.repository";
import { getVisiblePlan } from "../plans.service";
import { createAssignmentsRepository } from "./assignments.repository";
import { rollUpTasks } from "./progress";

type AssignmentInsert = Parameters<
  ReturnType<typeof createAssignmentsRepository>["insertAssignments"]
>[0][number];

/** Ends assignments and gives the same duty to other units, linking old and new rows. */
async function moveAssignments({
  tx,
  assignments,
  toUnit,
  reason,
}: {
  tx: DbOrTx;
  assignments: AssignmentRow[];
  toUnit: { id: string; path: string };
  reason: string;
}) {
  const assignmentRows = createAssignmentsRepository(tx);
  const already = new Set(
    (await assignmentRows.activeAssignmentsOf([...new Set(assignments.map((a) => a.taskId))]))
      .filter((a) => a.unitId === toUnit.id)
      .map((a) => a.taskId),
  );
  await assignmentRows.endAssignments(
    assignments.map((a) => a.id),
    reason,
  );
  const created: AssignmentInsert[] = [];
  for (const a of assignments) {
    if (already.has(a.taskId)) continue;
    already.add(a.taskId);
    created.push({ ...a, unitId: toUnit.id, previousId: a.id });
  }
  await assignmentRows.insertAssignments(created);
  await assignmentRows.linkReplacements(created.map((c) => c.previousId!));
  await rollUpTasks(
    tx,
    assignments.map((a) => a.taskId),
  );
  return created.length;
}

/** Gives one assignment to another unit, with a reason; the old row is ended, not deleted. */
export async function reassignAssignment({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof reassignBody>;
}) {
  const assignmentRows = createAssignmentsRepository(db);
  const a = await assignmentRows.findAssignment(id);
  if (!a || a.endedAt) throw notFound("assignment.notFound", "Không tìm thấy phân công.");
  const plan = await getVisiblePlan({ db, actor, id: a.planId });
  if (!canReassign(actor, plan)) throw forbidden();
  const to = await getVisibleUnit({ db, actor, id: input.toUnitId });
  if (to.provinceId !== plan.provinceId)
    throw badRequest("plan.task.leadNotUnit", "Đơn vị nhận không thuộc tỉnh của kế hoạch.");
  return db.transaction(async (tx) => {
    const moved = await moveAssignments({ tx, assignments: [a], toUnit: to, reason: input.reason });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "assignment",
        entityId: id,
        action: "reassign",
        before: a,
        after: { toUnitId: to.id, reason: input.reason },
      },
    });
    return { moved, toUnitIds: [to.id] };
  });
}

/** After a merge: the predecessor's open assignments move to its successor, history kept. */
export async function reassignMerged({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor | AuditActor;
  input: z.infer<typeof reassignMergedBody>;
}) {
  const from =
    "roles" in actor
      ? await getVisibleUnit({ db, actor, id: input.fromUnitId })
      : await createOrgUnitsRepository(db).findById(input.fromUnitId);
  if (!from) throw notFound("orgUnit.notFound", "Không tìm thấy đơn vị.");
  if ("roles" in actor && !canReassignMerged(actor, from)) throw forbidden();
  let toId = input.toUnitId;
  if (!toId) {
    const successors = await createPlansRepository(db).successorsOf(from.id);
    const ids = successors.filter((x) => x !== from.id);
    if (ids.length === 0)
      throw badRequest(
        "assignment.noSuccessor",
        `“${from.name}” chưa có đơn vị kế thừa; hãy chọn đơn vị nhận.`,
      );
    if (ids.length > 1)
      throw badRequest(
        "assignment.manySuccessors",
        `“${from.name}” có ${ids.length} đơn vị kế thừa; hãy chọn đơn vị nhận.`,
      );
    toId = ids[0];
  }
  const to = await createOrgUnitsRepository(db).findById(toId);
  if (!to || to.provinceId !== from.provinceId)
    throw badRequest("orgUnit.notFound", "Đơn vị nhận không hợp lệ.");
  return db.transaction(async (tx) => {
    const open = await createAssignmentsRepository(tx).activeAssignmentsOfUnit(from);
    const reason = input.reason || `Sáp nhập: ${from.name} → ${to.name}`;
    const moved = open.length ? await moveAssignments({ tx, assignments: open, toUnit: to, reason }) : 0;
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "assignment",
        entityId: null,
        action: "reassignMerged",
        after: { fromUnitId: from.id, toUnitId: to.id, ended: open.length, moved },
      },
    });
    return { moved, toUnitIds: [to.id] };
  });
}
