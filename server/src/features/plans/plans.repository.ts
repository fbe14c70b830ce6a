import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import type { DbOrTx } from "../../app/db";
import { escapeLike } from "../org-units/org-units.repository";
import { orgUnitEventLinks, orgUnits } from "../org-units/org-units.table";
import type { TaskScope } from "./plans.policy";
import {
  planAmendments,
  plans,
  planTargets,
  type planTaskParticipants,
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
export async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * A plan's progress over the task rows `tasks` (already cut to the plan's live tasks): core's
 * `planProgress` in SQL, the mean rounded half up (tested against core in plan-progress.sql.test.ts).
 */
export const planProgressOf = (tasks: SQL) => sql<number>`coalesce(round(avg(${tasks}.progress)), 0)::int`;

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
            progress: sql<number>`(select ${planProgressOf(sql`t`)} from plan_tasks t
              where t.plan_id = ${plans.id} and t.kind = 'task' and t.removed_at is null)`,
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
      return {
        rows: rows.map((r) => ({
          ...flatten(r),
          taskCount: Number(r.taskCount),
          progress: Number(r.progress),
        })),
        total: Number(n),
      };
    },
    /** How many tasks the plan has, and its progress (core's `planProgress`). */
    async taskFigures(planId: string) {
      const [row] = await db
        .select({ taskCount: sql<number>`count(*)::int`, progress: planProgressOf(sql`${planTasks}`) })
        .from(planTasks)
        .where(and(eq(planTasks.planId, planId), eq(planTasks.kind, "task"), isNull(planTasks.removedAt)));
      return { taskCount: Number(row.taskCount), progress: Number(row.progress) };
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
