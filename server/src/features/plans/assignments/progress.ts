/**
 * The one write path of a unit's progress on its work. Every change of an assignment's progress or
 * completion (the assignment route of "my tasks", the report autosave, imports, a merge's successor)
 * comes here, inside the caller's transaction: the rule of what may be stated (core's
 * `stateProgress`), no write to an ended assignment, one figure per assignment (the unit's open
 * report entries state the same), and the roll-up to the task and up the cascade. A process killed
 * half way leaves nothing: it is all one transaction.
 *
 * Locks are taken in one order everywhere, report (share) → entry → assignment → task → parent task,
 * so two saves queue instead of deadlocking.
 */
import { type SQL, sql } from "drizzle-orm";
import { type ProgressStatement, stateProgress } from "../../../../../core/src/plans/progress";
import { assignmentProgress } from "../../../../../core/src/plans/rollup";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { badRequest } from "../../../app/errors";
import { createPlansRepository } from "../plans.repository";
import { createTasksRepository } from "../tasks/tasks.repository";
import { createAssignmentsRepository } from "./assignments.repository";

export const assignmentEnded = () =>
  badRequest(
    "assignment.ended",
    "Nhiệm vụ này đã được giao cho đơn vị khác hoặc phân công đã kết thúc: không thể cập nhật tiến độ vào phân công cũ.",
  );

/** What a unit states, checked by the rule; a refusal is a 400 naming what is wrong. */
export function checkStatement(args: Parameters<typeof stateProgress>[0]): ProgressStatement {
  const result = stateProgress(args);
  if (!result.ok) throw badRequest(`progress.${result.code}`, result.message);
  return result.value;
}

/**
 * Writes a statement already checked by `checkStatement` to the assignment and rolls it up.
 * `openEntries`: also write it into the unit's open report entries of this assignment (when the
 * statement comes from outside a report), so the task list and the report never disagree.
 * Recurring work is stated per period: a period finished is not the whole work finished, so the
 * assignment takes the progress but not the completion day.
 */
export async function writeProgress(
  tx: DbOrTx,
  p: { assignmentId: string; statement: ProgressStatement; recurring: boolean; openEntries: boolean },
) {
  const completedAt = p.recurring ? null : p.statement.completedAt;
  if (p.openEntries)
    await tx.execute(sql`with open as (
        select e.id from report_entries e join reports r on r.id = e.report_id
        where e.assignment_id = ${p.assignmentId} and r.state in ('draft', 'returned')
        for share of r
      )
      update report_entries e set progress = ${p.statement.progress}, completed_at = ${p.statement.completedAt},
        version = version + 1, updated_at = now()
      from open where e.id = open.id
        and (e.progress, e.completed_at) is distinct from (${p.statement.progress}::int, ${p.statement.completedAt}::date)`);
  const result = await tx.execute(sql`with current as (
      select id, ended_at, task_id from task_assignments where id = ${p.assignmentId} for update
    ), updated as (
      update task_assignments a set progress = ${p.statement.progress}, completed_at = ${completedAt}::date,
        updated_at = now()
      from current c where a.id = c.id and c.ended_at is null
        and (a.progress, a.completed_at) is distinct from (${p.statement.progress}::int, ${completedAt}::date)
      returning a.id
    )
    select c.task_id as "taskId", (c.ended_at is not null) as ended,
      exists (select 1 from updated) as changed from current c`);
  const row = rowsOf<{ taskId: string; ended: boolean; changed: boolean }>(result)[0];
  if (!row || row.ended) throw assignmentEnded();
  // The task's own figure was rolled up by the trigger in the same statement; the cascade goes on.
  if (row.changed) await rollUpAbove(tx, row.taskId);
}

/**
 * The fast form of `writeProgress` for a statement made in a report's autosave: SQL appended to the
 * autosave's one statement (after its `updated` entries CTE), so the entry and the assignment are
 * written in one statement, atomic without a transaction. The task's progress follows in the same
 * statement: the trigger on task_assignments (migration 0018) adds the assignment's difference to
 * the task's running sums, on the task row's latest committed version, so two units saving the same
 * task at once queue on that one row and the second counts the first's figure. The same rules as
 * `writeProgress`: an ended assignment is not written (the entry's own write requires it open),
 * recurring work keeps no completion day on the assignment, and only a real change rolls up. A task
 * inside a cascade (`cascadeParent` set) carries on up in a transaction (`rollUpAbove`).
 * `progress.sql.test.ts` checks the trigger's figure against core and against `rollUp`.
 */
export function progressInStatement(entries: SQL, statement: ProgressStatement, recurring: boolean) {
  const completedAt = recurring ? null : statement.completedAt;
  const progress = sql`${statement.progress}::int`;
  return {
    ctes: sql`, progressed as (
        update task_assignments a set progress = ${progress}, completed_at = ${completedAt}::date,
          updated_at = now()
        from ${entries} u where a.id = u.assignment_id and a.ended_at is null
          and (a.progress, a.completed_at) is distinct from (${progress}, ${completedAt}::date)
        returning a.task_id
      )`,
    /** The rolled-up task's parent task when it is part of a cascade, else null. */
    cascadeParent: sql`(select t.parent_task_id from plan_tasks t where t.id = (select task_id from progressed))`,
  };
}

/** The running sums of a task's open assignments, recomputed from the rows (the slow path). */
const SUMS_OF_OPEN = (taskId: string) => sql`(select count(*)::int as c, coalesce(sum(progress), 0)::int as s,
    count(*) filter (where role = 'lead')::int as lc,
    coalesce(sum(progress) filter (where role = 'lead'), 0)::int as ls
  from task_assignments where task_id = ${taskId} and ended_at is null)`;

/**
 * Recomputes a task's running sums and progress from its open assignments (the trigger keeps them;
 * this is the full recomputation, which a test checks gives the same), then the parent-plan
 * assignment of the unit whose plan holds the task (mean of its tasks implementing the parent task),
 * and so on up the cascade. The task row is locked first, so two acts queue on it.
 */
export async function rollUp(tx: DbOrTx, taskId: string, depth = 0): Promise<void> {
  if (depth > 10) return;
  await tx.execute(sql`select id from plan_tasks where id = ${taskId} for update`);
  // One statement that starts after the lock: it sees every committed assignment.
  await tx.execute(sql`update plan_tasks t set open_assignments = a.c, open_progress_sum = a.s,
      lead_assignments = a.lc, lead_progress_sum = a.ls,
      progress = coalesce(task_progress_of(a.c, a.s, a.lc, a.ls), t.progress), updated_at = now()
    from ${SUMS_OF_OPEN(taskId)} a
    where t.id = ${taskId} and (t.open_assignments, t.open_progress_sum, t.lead_assignments, t.lead_progress_sum, t.progress)
      is distinct from (a.c, a.s, a.lc, a.ls, coalesce(task_progress_of(a.c, a.s, a.lc, a.ls), t.progress))`);
  await rollUpAbove(tx, taskId, depth);
}

/**
 * The cascade above a task whose own progress is written: the parent-plan assignment of the unit
 * whose plan holds the task becomes the mean of its tasks implementing the parent task (core's
 * `assignmentProgress`), then the parent task rolls up in turn.
 */
export async function rollUpAbove(tx: DbOrTx, taskId: string, depth = 0): Promise<void> {
  const found = await tx.execute(sql`select parent_task_id as "parentTaskId", plan_id as "planId"
    from plan_tasks where id = ${taskId}`);
  const task = rowsOf<{ parentTaskId: string | null; planId: string }>(found)[0];
  if (!task?.parentTaskId) return;
  const plan = await createPlansRepository(tx).findById(task.planId);
  if (!plan) return;
  const taskRows = createTasksRepository(tx);
  const assignmentRows = createAssignmentsRepository(tx);
  const parentAssignment = await assignmentRows.assignmentOf(task.parentTaskId, plan.ownerUnitId);
  if (parentAssignment) {
    const siblings = (await taskRows.childTasksOf([task.parentTaskId])).filter(
      (c) => c.ownerUnitId === plan.ownerUnitId,
    );
    const progress = assignmentProgress({
      own: parentAssignment.progress,
      childTasks: siblings.map((s) => s.progress),
    });
    await assignmentRows.updateAssignment(parentAssignment.id, { progress });
  }
  await rollUp(tx, task.parentTaskId, depth + 1);
}

/**
 * After assignments were ended or added (reassignment, a merge's successor, an amendment, a group
 * re-expansion): each touched task's progress is the mean of the units now doing it. Sorted, so two
 * such acts lock tasks in the same order.
 */
export async function rollUpTasks(tx: DbOrTx, taskIds: Iterable<string>) {
  for (const taskId of [...new Set(taskIds)].sort()) await rollUp(tx, taskId);
}
