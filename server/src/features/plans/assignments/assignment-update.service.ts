/**
 * A unit's own statement of progress on its assignment, through the one write path of progress
 * (`progress.ts`).
 */
import type { z } from "zod";
import type { assignmentUpdateBody } from "../../../../../core/src/api/plans.schemas";
import type { Deadline } from "../../../../../core/src/deadlines/deadline.types";
import type { Actor } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { forbidden, notFound } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { today } from "../../org-units/org-units.service";
import { canUpdateAssignment } from "../plans.policy";
import { createPlansRepository } from "../plans.repository";
import { getVisiblePlan } from "../plans.service";
import { createTasksRepository } from "../tasks/tasks.repository";
import { createAssignmentsRepository } from "./assignments.repository";
import { assignmentEnded, checkStatement, writeProgress } from "./progress";

/**
 * A unit states progress on its assignment ("Nhiệm vụ của đơn vị"): through the one write path
 * (assignments/progress.ts), which also writes the unit's open report entry and rolls up.
 */
export async function updateAssignment({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof assignmentUpdateBody>;
}) {
  const repo = createPlansRepository(db);
  const taskRows = createTasksRepository(db);
  const assignmentRows = createAssignmentsRepository(db);
  const a = await assignmentRows.findAssignment(id);
  if (!a) throw notFound("assignment.notFound", "Không tìm thấy phân công.");
  const plan = await getVisiblePlan({ db, actor, id: a.planId }).catch(() => null);
  if (!plan && !a.unitPath.startsWith(actor.unitPath))
    throw notFound("assignment.notFound", "Không tìm thấy phân công.");
  if (!canUpdateAssignment(actor, a)) throw forbidden();
  if (a.endedAt) throw assignmentEnded();
  const [task] = await taskRows.findTasks([a.taskId]);
  const issued = plan?.issuedDate ?? (await repo.findById(a.planId))?.issuedDate ?? null;
  const statement = checkStatement({
    before: { progress: a.progress, completedAt: a.completedAt },
    progress: input.progress,
    completedAt: input.completedAt,
    today: today(),
    planIssued: issued,
  });
  return db.transaction(async (tx) => {
    await writeProgress(tx, {
      assignmentId: id,
      statement,
      recurring: (task?.deadline as Deadline | null)?.kind === "recurring",
      openEntries: true,
    });
    const after =
      input.note !== undefined
        ? await createAssignmentsRepository(tx).updateAssignment(id, { note: input.note })
        : await createAssignmentsRepository(tx).findAssignment(id);
    await writeAudit({
      tx,
      actor,
      record: { entity: "assignment", entityId: id, action: "update", before: a, after },
    });
    return after;
  });
}
