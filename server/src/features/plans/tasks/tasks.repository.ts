/** SQL of a plan's task table: the tasks, their participants and components, their tree positions. */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../app/db";
import { orgGroups, orgUnits } from "../../org-units/org-units.table";
import { insertChunked, type NewTaskRow, type ParticipantRow } from "../plans.repository";
import { plans, planTaskComponents, planTaskParticipants, planTasks } from "../plans.table";

export function createTasksRepository(db: DbOrTx) {
  return {
    // ——— tasks ———
    listTasks: (planId: string) =>
      db
        .select()
        .from(planTasks)
        .where(and(eq(planTasks.planId, planId), isNull(planTasks.removedAt)))
        .orderBy(asc(planTasks.depth), asc(planTasks.sortOrder)),
    async findTasks(ids: string[]) {
      if (!ids.length) return [];
      return db.select().from(planTasks).where(inArray(planTasks.id, ids));
    },
    async insertTasks(rows: NewTaskRow[]) {
      await insertChunked(rows, 500, (chunk) => db.insert(planTasks).values(chunk));
    },
    async updateTask(id: string, values: Partial<NewTaskRow>) {
      await db
        .update(planTasks)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(planTasks.id, id));
    },
    async deleteTasks(ids: string[]) {
      if (ids.length) await db.delete(planTasks).where(inArray(planTasks.id, ids));
    },
    async removeTasks(ids: string[]) {
      if (ids.length)
        await db.update(planTasks).set({ removedAt: new Date() }).where(inArray(planTasks.id, ids));
    },
    async participantsOf(taskIds: string[]) {
      if (!taskIds.length) return [];
      const rows: Array<
        ParticipantRow & { unitName: string | null; unitKind: string | null; groupName: string | null }
      > = [];
      for (let i = 0; i < taskIds.length; i += 5000) {
        rows.push(
          ...(await db
            .select({
              id: planTaskParticipants.id,
              taskId: planTaskParticipants.taskId,
              role: planTaskParticipants.role,
              unitId: planTaskParticipants.unitId,
              groupId: planTaskParticipants.groupId,
              rawName: planTaskParticipants.rawName,
              sortOrder: planTaskParticipants.sortOrder,
              unitName: orgUnits.name,
              unitKind: orgUnits.kind,
              groupName: orgGroups.name,
            })
            .from(planTaskParticipants)
            .leftJoin(orgUnits, eq(orgUnits.id, planTaskParticipants.unitId))
            .leftJoin(orgGroups, eq(orgGroups.id, planTaskParticipants.groupId))
            .where(inArray(planTaskParticipants.taskId, taskIds.slice(i, i + 5000)))
            .orderBy(asc(planTaskParticipants.sortOrder))),
        );
      }
      return rows;
    },
    async replaceParticipants(taskIds: string[], rows: Array<typeof planTaskParticipants.$inferInsert>) {
      for (let i = 0; i < taskIds.length; i += 5000)
        await db
          .delete(planTaskParticipants)
          .where(inArray(planTaskParticipants.taskId, taskIds.slice(i, i + 5000)));
      await insertChunked(rows, 1000, (chunk) => db.insert(planTaskParticipants).values(chunk));
    },
    async componentsOf(taskIds: string[]) {
      if (!taskIds.length) return [];
      return db.select().from(planTaskComponents).where(inArray(planTaskComponents.taskId, taskIds));
    },
    async replaceComponents(taskIds: string[], rows: Array<typeof planTaskComponents.$inferInsert>) {
      for (let i = 0; i < taskIds.length; i += 5000)
        await db
          .delete(planTaskComponents)
          .where(inArray(planTaskComponents.taskId, taskIds.slice(i, i + 5000)));
      await insertChunked(rows, 2000, (chunk) =>
        db.insert(planTaskComponents).values(chunk).onConflictDoNothing(),
      );
    },
    /** Tasks of other plans that implement these tasks (the cascade one level down). */
    async childTasksOf(taskIds: string[]) {
      if (!taskIds.length) return [];
      return db
        .select({
          id: planTasks.id,
          planId: planTasks.planId,
          parentTaskId: planTasks.parentTaskId,
          number: planTasks.number,
          content: planTasks.content,
          progress: planTasks.progress,
          planNumber: plans.number,
          ownerUnitId: plans.ownerUnitId,
          ownerUnitName: orgUnits.name,
        })
        .from(planTasks)
        .innerJoin(plans, eq(plans.id, planTasks.planId))
        .innerJoin(orgUnits, eq(orgUnits.id, plans.ownerUnitId))
        .where(and(inArray(planTasks.parentTaskId, taskIds), isNull(planTasks.removedAt)));
    },

    /** Depth, plan-wide order and numbers of many rows in one statement. */
    async updateTreePositions(rows: Array<{ id: string; depth: number; sortOrder: number; number: string }>) {
      await insertChunked(rows, 20_000, (chunk) =>
        db.execute(sql`update plan_tasks t set depth = v.depth, sort_order = v.sort_order, number = v.number, updated_at = now()
          from unnest(${sql.param(chunk.map((r) => r.id))}::uuid[], ${sql.param(chunk.map((r) => r.depth))}::int[],
            ${sql.param(chunk.map((r) => r.sortOrder))}::int[], ${sql.param(chunk.map((r) => r.number))}::text[])
            as v(id, depth, sort_order, number)
          where t.id = v.id`),
      );
    },
  };
}
