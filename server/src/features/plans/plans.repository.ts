import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { DbOrTx } from "../../app/db";
import { escapeLike } from "../org-units/org-units.repository";
import { orgGroups, orgUnitEventLinks, orgUnits } from "../org-units/org-units.table";
import type { TaskScope } from "./plans.policy";
import {
  planAmendments,
  plans,
  planTargets,
  planTaskComponents,
  planTaskParticipants,
  planTasks,
  taskAssignments,
} from "./plans.table";

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
export type TaskRowDb = typeof planTasks.$inferSelect;
export type NewTaskRow = typeof planTasks.$inferInsert;
export type ParticipantRow = typeof planTaskParticipants.$inferSelect;
export type AssignmentRow = typeof taskAssignments.$inferSelect;
export type NewAssignmentRow = typeof taskAssignments.$inferInsert;
export type PlanWithOwner = PlanRow & { ownerUnitKind: string; ownerUnitPath: string; ownerUnitName: string };

/** Multi-row inserts in chunks: one statement per chunk keeps parameters under PostgreSQL's limit. */
async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const planColumns = {
  plan: plans,
  ownerUnitKind: orgUnits.kind,
  ownerUnitPath: orgUnits.path,
  ownerUnitName: orgUnits.name,
};
const flatten = (r: {
  plan: PlanRow;
  ownerUnitKind: string;
  ownerUnitPath: string;
  ownerUnitName: string;
}) => ({
  ...r.plan,
  ownerUnitKind: r.ownerUnitKind,
  ownerUnitPath: r.ownerUnitPath,
  ownerUnitName: r.ownerUnitName,
});

export function createPlansRepository(db: DbOrTx) {
  return {
    async findById(id: string): Promise<PlanWithOwner | null> {
      const rows = await db
        .select(planColumns)
        .from(plans)
        .innerJoin(orgUnits, eq(orgUnits.id, plans.ownerUnitId))
        .where(eq(plans.id, id))
        .limit(1);
      return rows[0] ? flatten(rows[0]) : null;
    },
    async findByIds(ids: string[]): Promise<PlanWithOwner[]> {
      if (!ids.length) return [];
      const rows = await db
        .select(planColumns)
        .from(plans)
        .innerJoin(orgUnits, eq(orgUnits.id, plans.ownerUnitId))
        .where(inArray(plans.id, ids));
      return rows.map(flatten);
    },
    /** Plans inside a scope (a unit sees its subtree's plans and the issued plans above it), filtered. */
    async list(filter: {
      scope: TaskScope;
      status?: string;
      kind?: string;
      ownerUnitId?: string;
      framework?: boolean;
      year?: number;
      q?: string;
      limit: number;
      offset: number;
    }) {
      const conds: SQL[] = [];
      const { scope } = filter;
      if (scope.kind !== "all") conds.push(eq(plans.provinceId, scope.provinceId));
      if (scope.kind === "subtree")
        conds.push(
          sql`(${orgUnits.path} like ${`${escapeLike(scope.unitPath)}%`} or (${plans.status} <> 'draft' and ${scope.unitPath} like ${orgUnits.path} || '%'))`,
        );
      if (filter.status) conds.push(eq(plans.status, filter.status));
      if (filter.kind) conds.push(eq(plans.kind, filter.kind));
      if (filter.ownerUnitId) conds.push(eq(plans.ownerUnitId, filter.ownerUnitId));
      if (filter.framework !== undefined) conds.push(eq(plans.isFramework, filter.framework));
      if (filter.year)
        conds.push(
          sql`coalesce(${plans.periodFrom}, extract(year from ${plans.issuedDate})::int) <= ${filter.year}
            and coalesce(${plans.periodTo}, ${plans.periodFrom}, extract(year from ${plans.issuedDate})::int) >= ${filter.year}`,
        );
      if (filter.q) conds.push(textMatch(sql`${plans.searchText}`, filter.q));
      const where = conds.length ? and(...conds) : undefined;
      const [rows, [{ n }]] = await Promise.all([
        db
          .select({
            ...planColumns,
            taskCount: sql<number>`(select count(*)::int from plan_tasks t where t.plan_id = ${plans.id} and t.kind = 'task' and t.removed_at is null)`,
          })
          .from(plans)
          .innerJoin(orgUnits, eq(orgUnits.id, plans.ownerUnitId))
          .where(where)
          .orderBy(sql`${plans.issuedDate} desc nulls first`, sql`${plans.updatedAt} desc`)
          .limit(filter.limit)
          .offset(filter.offset),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(plans)
          .innerJoin(orgUnits, eq(orgUnits.id, plans.ownerUnitId))
          .where(where),
      ]);
      return { rows: rows.map((r) => ({ ...flatten(r), taskCount: Number(r.taskCount) })), total: Number(n) };
    },
    async countTasks(planId: string) {
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(planTasks)
        .where(and(eq(planTasks.planId, planId), eq(planTasks.kind, "task"), isNull(planTasks.removedAt)));
      return Number(n);
    },
    /** The successors of a unit in the merge or split events where it was a predecessor. */
    async successorsOf(unitId: string) {
      const events = db
        .select({ id: orgUnitEventLinks.eventId })
        .from(orgUnitEventLinks)
        .where(and(eq(orgUnitEventLinks.unitId, unitId), eq(orgUnitEventLinks.role, "predecessor")));
      const rows = await db
        .selectDistinct({ unitId: orgUnitEventLinks.unitId })
        .from(orgUnitEventLinks)
        .where(and(inArray(orgUnitEventLinks.eventId, events), eq(orgUnitEventLinks.role, "successor")));
      return rows.map((r) => r.unitId);
    },
    async insert(values: NewPlanRow) {
      const [row] = await db.insert(plans).values(values).returning();
      return row;
    },
    async update(id: string, values: Partial<NewPlanRow>) {
      const [row] = await db
        .update(plans)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(plans.id, id))
        .returning();
      return row ?? null;
    },
    /** Updates a plan only while it still has the given status; false when another change came first. */
    async updateIfStatus(id: string, status: string, values: Partial<NewPlanRow>) {
      const rows = await db
        .update(plans)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(plans.id, id), eq(plans.status, status)))
        .returning({ id: plans.id });
      return rows.length > 0;
    },
    async delete(id: string) {
      await db.delete(plans).where(eq(plans.id, id));
    },
    /** The chain of parent plans above a plan (nearest first), to refuse cycles. */
    async ancestorIds(id: string): Promise<string[]> {
      const result = (await db.execute(sql`
        with recursive up(id, parent_plan_id, n) as (
          select id, parent_plan_id, 0 from plans where id = ${id}
          union all
          select p.id, p.parent_plan_id, up.n + 1 from plans p join up on p.id = up.parent_plan_id where up.n < 50
        )
        select id from up order by n`)) as unknown as { rows: Array<{ id: string }> };
      return result.rows.map((r) => r.id);
    },
    async childPlansOf(id: string) {
      return db
        .select({ id: plans.id, ownerUnitId: plans.ownerUnitId })
        .from(plans)
        .where(eq(plans.parentPlanId, id));
    },
    async frameworkCopies(id: string) {
      return db
        .select({ id: plans.id, ownerUnitId: plans.ownerUnitId })
        .from(plans)
        .where(eq(plans.frameworkSourceId, id));
    },

    // ——— targets and amendments ———
    listTargets: (planId: string) =>
      db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.sortOrder)),
    async replaceTargets(planId: string, rows: Array<typeof planTargets.$inferInsert>) {
      await db.delete(planTargets).where(eq(planTargets.planId, planId));
      if (rows.length) await db.insert(planTargets).values(rows);
    },
    listAmendments: (planId: string) =>
      db
        .select()
        .from(planAmendments)
        .where(eq(planAmendments.planId, planId))
        .orderBy(asc(planAmendments.createdAt)),
    async insertAmendment(values: typeof planAmendments.$inferInsert) {
      const [row] = await db.insert(planAmendments).values(values).returning();
      return row;
    },

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

    // ——— assignments ———
    /**
     * Many assignments in a few statements: one array parameter per column, expanded by unnest; plan,
     * province and unit path are joined in, not sent, so 75,000 rows (300 tasks × 250 units) stay light.
     */
    async insertAssignments(
      rows: Array<
        Pick<
          NewAssignmentRow,
          | "taskId"
          | "unitId"
          | "role"
          | "viaGroupId"
          | "dueDate"
          | "progress"
          | "completedAt"
          | "note"
          | "previousId"
        >
      >,
    ) {
      const fresh = rows.every((r) => !r.progress && !r.completedAt && !r.note && !r.previousId);
      await insertChunked(rows, 25_000, (chunk) => {
        const col = <T>(pick: (r: (typeof chunk)[number]) => T) => sql.param(chunk.map(pick));
        // New assignments (issuing) carry five columns; moved ones also their progress and history.
        const values = fresh
          ? sql`select v.task_id, t.plan_id, t.province_id, v.unit_id, u.path, v.role, v.via_group_id, v.due_date, 0, null::date, '', null::uuid
              from unnest(${col((r) => r.taskId)}::uuid[], ${col((r) => r.unitId)}::uuid[], ${col((r) => r.role)}::text[],
                ${col((r) => r.viaGroupId ?? null)}::uuid[], ${col((r) => r.dueDate ?? null)}::date[])
                as v(task_id, unit_id, role, via_group_id, due_date)`
          : sql`select v.task_id, t.plan_id, t.province_id, v.unit_id, u.path, v.role, v.via_group_id, v.due_date, v.progress, v.completed_at, v.note, v.previous_id
              from unnest(
                ${col((r) => r.taskId)}::uuid[], ${col((r) => r.unitId)}::uuid[], ${col((r) => r.role)}::text[],
                ${col((r) => r.viaGroupId ?? null)}::uuid[], ${col((r) => r.dueDate ?? null)}::date[],
                ${col((r) => r.progress ?? 0)}::int[], ${col((r) => r.completedAt ?? null)}::date[],
                ${col((r) => r.note ?? "")}::text[], ${col((r) => r.previousId ?? null)}::uuid[]
              ) as v(task_id, unit_id, role, via_group_id, due_date, progress, completed_at, note, previous_id)`;
        return db.execute(sql`insert into task_assignments
          (task_id, plan_id, province_id, unit_id, unit_path, role, via_group_id, due_date, progress, completed_at, note, previous_id)
          ${values}
          join plan_tasks t on t.id = v.task_id
          join org_units u on u.id = v.unit_id`);
      });
    },
    /** Points ended rows at the rows that replaced them (those naming them as previous). */
    async linkReplacements(previousIds: string[]) {
      await insertChunked(previousIds, 25_000, (chunk) =>
        db.execute(sql`update task_assignments old set replaced_by_id = new.id
          from task_assignments new
          where new.previous_id = old.id and old.id = any(${sql.param(chunk)}::uuid[]) and new.task_id = old.task_id`),
      );
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
    async activeAssignmentsOf(taskIds: string[]) {
      if (!taskIds.length) return [];
      const out: AssignmentRow[] = [];
      for (let i = 0; i < taskIds.length; i += 5000)
        out.push(
          ...(await db
            .select()
            .from(taskAssignments)
            .where(
              and(
                inArray(taskAssignments.taskId, taskIds.slice(i, i + 5000)),
                isNull(taskAssignments.endedAt),
              ),
            )),
        );
      return out;
    },
    async assignmentsOfTask(taskId: string) {
      return db
        .select({ a: taskAssignments, unitName: orgUnits.name, groupName: orgGroups.name })
        .from(taskAssignments)
        .innerJoin(orgUnits, eq(orgUnits.id, taskAssignments.unitId))
        .leftJoin(orgGroups, eq(orgGroups.id, taskAssignments.viaGroupId))
        .where(eq(taskAssignments.taskId, taskId))
        .orderBy(asc(taskAssignments.createdAt));
    },
    async findAssignment(id: string) {
      const rows = await db.select().from(taskAssignments).where(eq(taskAssignments.id, id)).limit(1);
      return rows[0] ?? null;
    },
    /** A unit's open assignments, found through the unit-path index (equality on the unit's own path). */
    async activeAssignmentsOfUnit(unit: { id: string; path: string }) {
      return db
        .select()
        .from(taskAssignments)
        .where(
          and(
            eq(taskAssignments.unitPath, unit.path),
            eq(taskAssignments.unitId, unit.id),
            isNull(taskAssignments.endedAt),
          ),
        );
    },
    async endAssignments(ids: string[], reason: string) {
      for (let i = 0; i < ids.length; i += 5000)
        await db
          .update(taskAssignments)
          .set({ endedAt: new Date(), endedReason: reason, updatedAt: new Date() })
          .where(inArray(taskAssignments.id, ids.slice(i, i + 5000)));
    },
    async updateAssignment(id: string, values: Partial<NewAssignmentRow>) {
      const [row] = await db
        .update(taskAssignments)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(taskAssignments.id, id))
        .returning();
      return row;
    },
    async setDueDates(taskId: string, dueDate: string | null) {
      await db
        .update(taskAssignments)
        .set({ dueDate })
        .where(and(eq(taskAssignments.taskId, taskId), isNull(taskAssignments.endedAt)));
    },
    /** Open assignments of a plan, through its tasks (task_assignments has no plan index). */
    async countAssignments(planId: string) {
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(planTasks)
        .innerJoin(
          taskAssignments,
          and(eq(taskAssignments.taskId, planTasks.id), isNull(taskAssignments.endedAt)),
        )
        .where(eq(planTasks.planId, planId));
      return Number(n);
    },
    /** Active assignments of a unit on tasks of a plan owned by `ownerUnitId` implementing `taskId`. */
    async assignmentOf(taskId: string, unitId: string) {
      const rows = await db
        .select()
        .from(taskAssignments)
        .where(
          and(
            eq(taskAssignments.taskId, taskId),
            eq(taskAssignments.unitId, unitId),
            isNull(taskAssignments.endedAt),
          ),
        )
        .limit(1);
      return rows[0] ?? null;
    },
  };
}

/** Every word of the folded query must appear (each a trigram-indexed LIKE): "doi thoai doanh nghiep". */
export const textMatch = (column: SQL, q: string): SQL => {
  const words = foldForMatch(q).split(" ").filter(Boolean).slice(0, 8);
  return words.length
    ? sql.join(
        words.map((w) => sql`${column} like ${`%${escapeLike(w)}%`}`),
        sql` and `,
      )
    : sql`true`;
};

export type PlansRepository = ReturnType<typeof createPlansRepository>;
export { escapeLike };
