/**
 * The demo's cascade, made through the cascade feature as the units would: Phường Quy Nhơn Nam makes
 * its own plan implementing its unfinished tasks of the province's plan (lanhdao), and Sở Nội vụ one
 * that hands its tasks to its internal units (dieuphoi). Both are issued, and their units' progress,
 * stated through the one write path, rolls up into the parent plan's assignments.
 */
import { sql } from "drizzle-orm";
import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import type { Actor } from "../../app/actor";
import { atInstant } from "../../app/clock";
import { type Db, rowsOf } from "../../app/db";
import { createChildPlan } from "../plans/cascade/cascade.service";
import { issuePlan } from "../plans/issue/issue.service";
import { bulkAssign } from "../plans/tasks/tasks.service";
import { type DemoCalendar, instantOn } from "./demo.calendar";
import { type DemoAssignment, demoAssignments, stateProgressBy } from "./demo.progress";

async function childTasks(db: Db, planId: string) {
  const result = await db.execute(sql`select id from plan_tasks where plan_id = ${planId} and kind = 'task'
    order by sort_order`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** A child plan of `parentId` for `actor`'s unit (or `ownerUnitId`) on its unfinished tasks, issued. */
async function cascadeTo({
  db,
  actor,
  parentId,
  ownerUnitId,
  number,
  issuedDate,
  parentAssignments,
  leads,
}: {
  db: Db;
  actor: Actor;
  parentId: string;
  ownerUnitId: string;
  number: string;
  issuedDate: IsoDate;
  parentAssignments: DemoAssignment[];
  /** The units that lead the child plan's tasks, by the task's place in the plan. */
  leads: (index: number) => string;
}) {
  // Work the unit has already finished needs no plan of its own.
  const taskIds = parentAssignments
    .filter((a) => a.unitId === ownerUnitId && !a.stated.completedAt)
    .map((a) => a.taskId);
  if (!taskIds.length) return null;
  return atInstant(instantOn(issuedDate, 9), async () => {
    const planId = await createChildPlan({ db, actor, id: parentId, input: { ownerUnitId, taskIds } });
    const tasks = await childTasks(db, planId);
    const byLead = new Map<string, string[]>();
    for (const [i, id] of tasks.entries()) byLead.set(leads(i), [...(byLead.get(leads(i)) ?? []), id]);
    for (const [unitId, ids] of byLead)
      await bulkAssign({
        db,
        actor,
        id: planId,
        input: { taskIds: ids, role: "lead", participants: [{ unitId }], mode: "replace" },
      });
    await issuePlan({ db, actor, id: planId, input: { number, issuedDate } });
    return planId;
  });
}

export async function seedDemoCascade({
  db,
  parentId,
  calendar: c,
  parentAssignments,
  ward,
  department,
}: {
  db: Db;
  parentId: string;
  calendar: DemoCalendar;
  parentAssignments: DemoAssignment[];
  ward: { actor: Actor; unitId: string };
  department: { actor: Actor; unitId: string; internalUnitIds: string[] };
}) {
  const issuedDate = c.day(-75);
  const planIds = [
    await cascadeTo({
      db,
      actor: ward.actor,
      parentId,
      ownerUnitId: ward.unitId,
      number: "45/KH-UBND",
      issuedDate,
      parentAssignments,
      leads: () => ward.unitId,
    }),
    await cascadeTo({
      db,
      actor: department.actor,
      parentId,
      ownerUnitId: department.unitId,
      number: "212/KH-SNV",
      issuedDate,
      parentAssignments,
      leads: (i) => department.internalUnitIds[i % department.internalUnitIds.length],
    }),
  ].filter((id) => id !== null);
  // The child plans' units state their progress as of today; it rolls up into the parent plan.
  for (const planId of planIds) {
    const assignments = await demoAssignments(db, planId, { issued: issuedDate, today: c.today });
    await stateProgressBy({ db, assignments, day: c.today, issued: issuedDate, today: c.today });
  }
  return planIds;
}
