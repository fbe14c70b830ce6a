/**
 * Inspection plans, inspections and findings in the database. Lists are cut to the actor's scope in
 * SQL (a province by its id, a unit's subtree by path prefix) and answer their true total.
 */
import { and, asc, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { vietnameseOrder } from "../../../app/vietnamese-order";
import { escapeLike } from "../../org-units/org-units.repository";
import { orgUnits } from "../../org-units/org-units.table";
import {
  followUpFiles,
  followUpItems,
  inspectionFindings,
  inspectionPlans,
  inspections,
} from "../follow-up.table";
import type { InspectionScope } from "./inspections.policy";

export type InspectionPlanRow = typeof inspectionPlans.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type FindingRow = typeof inspectionFindings.$inferSelect;
export type FollowUpFileRow = typeof followUpFiles.$inferSelect;

const owner = alias(orgUnits, "owner");
const inspected = alias(orgUnits, "inspected");

const planColumns = {
  plan: inspectionPlans,
  ownerUnitKind: owner.kind,
  ownerUnitPath: owner.path,
  ownerUnitName: owner.name,
};
type PlanJoined = {
  plan: InspectionPlanRow;
  ownerUnitKind: string;
  ownerUnitPath: string;
  ownerUnitName: string;
};
const flattenPlan = (r: PlanJoined) => ({
  ...r.plan,
  ownerUnitKind: r.ownerUnitKind,
  ownerUnitPath: r.ownerUnitPath,
  ownerUnitName: r.ownerUnitName,
});
export type PlanWithOwner = ReturnType<typeof flattenPlan>;

const inspectionColumns = {
  inspection: inspections,
  planTitle: inspectionPlans.title,
  planNumber: inspectionPlans.number,
  planYear: inspectionPlans.year,
  planScope: inspectionPlans.scope,
  ownerUnitId: inspectionPlans.ownerUnitId,
  ownerUnitKind: owner.kind,
  ownerUnitPath: owner.path,
  ownerUnitName: owner.name,
  unitName: inspected.name,
};
type InspectionJoined = {
  inspection: InspectionRow;
  planTitle: string;
  planNumber: string;
  planYear: number;
  planScope: string;
  ownerUnitId: string;
  ownerUnitKind: string;
  ownerUnitPath: string;
  ownerUnitName: string;
  unitName: string;
};
const flattenInspection = (r: InspectionJoined) => {
  const { inspection, ...rest } = r;
  return { ...inspection, ...rest };
};
export type InspectionWithPlan = ReturnType<typeof flattenInspection>;

/** The plans a scope shows: the province's, or for a unit, those its subtree runs or is inspected in. */
function planScopeWhere(scope: InspectionScope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "province") return eq(inspectionPlans.provinceId, scope.provinceId);
  const prefix = `${escapeLike(scope.unitPath)}%`;
  return and(
    eq(inspectionPlans.provinceId, scope.provinceId),
    sql`(${owner.path} like ${prefix} or exists (select 1 from inspections i
      where i.plan_id = ${inspectionPlans.id} and i.unit_path like ${prefix}))`,
  );
}

/** The inspections a scope shows: the province's, or a unit's subtree's, inspected or inspecting. */
function inspectionScopeWhere(scope: InspectionScope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "province") return eq(inspections.provinceId, scope.provinceId);
  const prefix = `${escapeLike(scope.unitPath)}%`;
  return and(
    eq(inspections.provinceId, scope.provinceId),
    sql`(${inspections.unitPath} like ${prefix} or ${owner.path} like ${prefix})`,
  );
}

/** What the remediation counts need of an item: its state and dates (core's `followUpStatus`). */
export interface ItemFacts {
  inspectionId: string;
  state: string;
  dueDate: string | null;
  doneOn: string | null;
}

export function createInspectionsRepository(db: DbOrTx) {
  return {
    // ——— plans ———
    async findPlan(id: string): Promise<PlanWithOwner | null> {
      const rows = await db
        .select(planColumns)
        .from(inspectionPlans)
        .innerJoin(owner, eq(owner.id, inspectionPlans.ownerUnitId))
        .where(eq(inspectionPlans.id, id))
        .limit(1);
      return rows[0] ? flattenPlan(rows[0]) : null;
    },
    /** Whether the plan inspects a unit of the subtree at `unitPath`. */
    async planInspects(planId: string, unitPath: string) {
      const rows = await db
        .select({ id: inspections.id })
        .from(inspections)
        .where(
          and(
            eq(inspections.planId, planId),
            sql`${inspections.unitPath} like ${`${escapeLike(unitPath)}%`}`,
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
    async listPlans(filter: {
      scope: InspectionScope;
      year?: number;
      ownerUnitId?: string;
      limit: number;
      offset: number;
    }) {
      const where = and(
        planScopeWhere(filter.scope),
        filter.year ? eq(inspectionPlans.year, filter.year) : undefined,
        filter.ownerUnitId ? eq(inspectionPlans.ownerUnitId, filter.ownerUnitId) : undefined,
      );
      const [rows, [{ n }]] = await Promise.all([
        db
          .select({
            ...planColumns,
            inspectionCount: sql<number>`(select count(*)::int from inspections i
              where i.plan_id = ${inspectionPlans.id} and i.state <> 'cancelled')`,
            doneCount: sql<number>`(select count(*)::int from inspections i
              where i.plan_id = ${inspectionPlans.id} and i.state = 'done')`,
            findingCount: sql<number>`(select count(*)::int from inspection_findings f
              join inspections i on i.id = f.inspection_id where i.plan_id = ${inspectionPlans.id})`,
          })
          .from(inspectionPlans)
          .innerJoin(owner, eq(owner.id, inspectionPlans.ownerUnitId))
          .where(where)
          .orderBy(desc(inspectionPlans.year), desc(inspectionPlans.createdAt), asc(inspectionPlans.id))
          .limit(filter.limit)
          .offset(filter.offset),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(inspectionPlans)
          .innerJoin(owner, eq(owner.id, inspectionPlans.ownerUnitId))
          .where(where),
      ]);
      return {
        rows: rows.map((r) => ({
          ...flattenPlan(r),
          inspectionCount: Number(r.inspectionCount),
          doneCount: Number(r.doneCount),
          findingCount: Number(r.findingCount),
        })),
        total: Number(n),
      };
    },
    /** A plan's counts: inspections (not cancelled), done, findings. */
    async planCounts(planId: string) {
      const result = await db.execute(sql`select
          (select count(*) from inspections i where i.plan_id = ${planId} and i.state <> 'cancelled')::int as "inspectionCount",
          (select count(*) from inspections i where i.plan_id = ${planId} and i.state = 'done')::int as "doneCount",
          (select count(*) from inspection_findings f join inspections i on i.id = f.inspection_id
            where i.plan_id = ${planId})::int as "findingCount"`);
      const [row] = rowsOf<{ inspectionCount: number; doneCount: number; findingCount: number }>(result);
      return {
        inspectionCount: Number(row?.inspectionCount ?? 0),
        doneCount: Number(row?.doneCount ?? 0),
        findingCount: Number(row?.findingCount ?? 0),
      };
    },
    /**
     * Locks the plan's row: "update" to delete it, "share" for a write that must not see it deleted
     * meanwhile (a record, units added), so a plan is never deleted under a record being written.
     */
    async lockPlan(id: string, mode: "update" | "share") {
      const rows = await db
        .select({ id: inspectionPlans.id })
        .from(inspectionPlans)
        .where(eq(inspectionPlans.id, id))
        .for(mode);
      return rows.length > 0;
    },
    insertPlan: async (values: typeof inspectionPlans.$inferInsert) =>
      (await db.insert(inspectionPlans).values(values).returning())[0],
    updatePlan: async (id: string, values: Partial<typeof inspectionPlans.$inferInsert>) =>
      (
        await db
          .update(inspectionPlans)
          .set({ ...values, version: sql`${inspectionPlans.version} + 1`, updatedAt: new Date() })
          .where(eq(inspectionPlans.id, id))
          .returning()
      )[0],
    deletePlan: (id: string) => db.delete(inspectionPlans).where(eq(inspectionPlans.id, id)),

    // ——— inspections ———
    async findInspection(id: string): Promise<InspectionWithPlan | null> {
      const rows = await db
        .select(inspectionColumns)
        .from(inspections)
        .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
        .innerJoin(owner, eq(owner.id, inspectionPlans.ownerUnitId))
        .innerJoin(inspected, eq(inspected.id, inspections.unitId))
        .where(eq(inspections.id, id))
        .limit(1);
      return rows[0] ? flattenInspection(rows[0]) : null;
    },
    /** Locks the inspection's row for a write that depends on its state. */
    async lockInspection(id: string) {
      const rows = await db.select().from(inspections).where(eq(inspections.id, id)).for("update").limit(1);
      return rows[0] ?? null;
    },
    async listInspections(filter: {
      scope: InspectionScope;
      planId?: string;
      unitId?: string;
      year?: number;
      state?: string;
      limit: number;
      offset: number;
    }) {
      const where = and(
        inspectionScopeWhere(filter.scope),
        filter.planId ? eq(inspections.planId, filter.planId) : undefined,
        filter.unitId ? eq(inspections.unitId, filter.unitId) : undefined,
        filter.year ? eq(inspectionPlans.year, filter.year) : undefined,
        filter.state ? eq(inspections.state, filter.state) : undefined,
      );
      // A plan's inspections in the order they take place; a unit's history, latest first.
      const order = filter.planId
        ? [asc(inspections.startsOn), asc(vietnameseOrder(inspected.sortKey)), asc(inspections.id)]
        : [desc(inspections.startsOn), asc(vietnameseOrder(inspected.sortKey)), asc(inspections.id)];
      const [rows, [{ n }]] = await Promise.all([
        db
          .select({
            ...inspectionColumns,
            findingCount: sql<number>`(select count(*)::int from inspection_findings f
              where f.inspection_id = ${inspections.id})`,
          })
          .from(inspections)
          .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
          .innerJoin(owner, eq(owner.id, inspectionPlans.ownerUnitId))
          .innerJoin(inspected, eq(inspected.id, inspections.unitId))
          .where(where)
          .orderBy(...order)
          .limit(filter.limit)
          .offset(filter.offset),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(inspections)
          .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
          .innerJoin(owner, eq(owner.id, inspectionPlans.ownerUnitId))
          .where(where),
      ]);
      return {
        rows: rows.map((r) => ({ ...flattenInspection(r), findingCount: Number(r.findingCount) })),
        total: Number(n),
      };
    },
    /** The units a plan already inspects (cancelled inspections aside). */
    async activeUnitsOfPlan(planId: string) {
      const rows = await db
        .select({ unitId: inspections.unitId })
        .from(inspections)
        .where(and(eq(inspections.planId, planId), ne(inspections.state, "cancelled")));
      return new Set(rows.map((r) => r.unitId));
    },
    insertInspections: async (values: Array<typeof inspections.$inferInsert>) =>
      values.length ? db.insert(inspections).values(values).returning() : [],
    /** Writes the inspection only at the version read; null when another write came first. */
    async updateInspection(
      id: string,
      expectedVersion: number,
      values: Partial<typeof inspections.$inferInsert>,
    ) {
      const rows = await db
        .update(inspections)
        .set({ ...values, version: sql`${inspections.version} + 1`, updatedAt: new Date() })
        .where(and(eq(inspections.id, id), eq(inspections.version, expectedVersion)))
        .returning();
      return rows[0] ?? null;
    },

    // ——— findings and their remediation ———
    async findingsOf(inspectionId: string) {
      return db
        .select({
          finding: inspectionFindings,
          item: {
            id: followUpItems.id,
            state: followUpItems.state,
            dueDate: followUpItems.dueDate,
            doneOn: followUpItems.doneOn,
            unitId: followUpItems.unitId,
            requiredResult: followUpItems.requiredResult,
          },
          itemUnitName: orgUnits.name,
        })
        .from(inspectionFindings)
        .leftJoin(followUpItems, eq(followUpItems.findingId, inspectionFindings.id))
        .leftJoin(orgUnits, eq(orgUnits.id, followUpItems.unitId))
        .where(eq(inspectionFindings.inspectionId, inspectionId))
        .orderBy(asc(inspectionFindings.position), asc(inspectionFindings.id));
    },
    async findFinding(id: string) {
      const rows = await db
        .select({ finding: inspectionFindings, itemId: followUpItems.id, itemState: followUpItems.state })
        .from(inspectionFindings)
        .leftJoin(followUpItems, eq(followUpItems.findingId, inspectionFindings.id))
        .where(eq(inspectionFindings.id, id))
        .limit(1);
      return rows[0] ?? null;
    },
    async nextPosition(inspectionId: string) {
      const [row] = await db
        .select({ n: sql<number>`coalesce(max(${inspectionFindings.position}), 0)::int` })
        .from(inspectionFindings)
        .where(eq(inspectionFindings.inspectionId, inspectionId));
      return Number(row?.n ?? 0) + 1;
    },
    insertFindings: async (values: Array<typeof inspectionFindings.$inferInsert>) =>
      values.length ? db.insert(inspectionFindings).values(values).returning() : [],
    updateFinding: async (id: string, values: Partial<typeof inspectionFindings.$inferInsert>) =>
      (await db.update(inspectionFindings).set(values).where(eq(inspectionFindings.id, id)).returning())[0],
    /** The remediation items of inspections, for their counts. */
    async itemFactsOf({
      inspectionIds,
      planId,
    }: {
      inspectionIds?: string[];
      planId?: string;
    }): Promise<ItemFacts[]> {
      if (inspectionIds && !inspectionIds.length) return [];
      if (inspectionIds) {
        // A page of inspections: each finding's item through the finding index. As a plain join the
        // planner scans every item of the province and hashes them (20 ms at a province's 22,000
        // items, where the lookups take 3); `offset 0` keeps the lateral lookup from being flattened.
        const result = await db.execute(sql`select f.inspection_id as "inspectionId", i.state,
            i.due_date::text as "dueDate", i.done_on::text as "doneOn"
          from inspection_findings f cross join lateral (select x.state, x.due_date, x.done_on
            from follow_up_items x where x.finding_id = f.id offset 0) i
          where f.inspection_id in ${sql`(${sql.join(
            inspectionIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`}`);
        return rowsOf<ItemFacts>(result);
      }
      return db
        .select({
          inspectionId: inspectionFindings.inspectionId,
          state: followUpItems.state,
          dueDate: followUpItems.dueDate,
          doneOn: followUpItems.doneOn,
        })
        .from(followUpItems)
        .innerJoin(inspectionFindings, eq(inspectionFindings.id, followUpItems.findingId))
        .innerJoin(inspections, eq(inspections.id, inspectionFindings.inspectionId))
        .where(eq(inspections.planId, planId ?? ""));
    },

    // ——— minutes ———
    filesOf: (inspectionId: string) =>
      db
        .select()
        .from(followUpFiles)
        .where(eq(followUpFiles.inspectionId, inspectionId))
        .orderBy(asc(followUpFiles.createdAt), asc(followUpFiles.id)),
    async findFile(id: string) {
      const rows = await db.select().from(followUpFiles).where(eq(followUpFiles.id, id)).limit(1);
      return rows[0] ?? null;
    },
    insertFile: async (values: typeof followUpFiles.$inferInsert) =>
      (await db.insert(followUpFiles).values(values).returning())[0],
    deleteFile: (id: string) => db.delete(followUpFiles).where(eq(followUpFiles.id, id)),
  };
}
