import { and, asc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../app/db";
import { vietnameseOrder } from "../../app/vietnamese-order";
import { orgGroupMembers, orgGroups, orgUnitEventLinks, orgUnitEvents, orgUnits } from "./org-units.table";

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type NewOrgUnitRow = typeof orgUnits.$inferInsert;
export type OrgGroupRow = typeof orgGroups.$inferSelect;

/** A unit is active at a date when the date falls inside its validity. */
export const activeAt = (at: string): SQL =>
  and(
    or(isNull(orgUnits.validFrom), sql`${orgUnits.validFrom} <= ${at}`),
    or(isNull(orgUnits.validTo), sql`${orgUnits.validTo} >= ${at}`),
  )!;

/** The visible directory: a province's units (all, for a national actor), active on a day or ever. */
type TreeFilter = { provinceId: string | null; activeOn: string | null };
function treeWhere(filter: TreeFilter) {
  const where: SQL[] = [];
  if (filter.provinceId) where.push(eq(orgUnits.provinceId, filter.provinceId));
  if (filter.activeOn) where.push(activeAt(filter.activeOn));
  return where.length ? and(...where) : undefined;
}
/** Level by level, siblings in their set order then by name; the id breaks ties. */
const TREE_ORDER = [
  asc(orgUnits.depth),
  asc(orgUnits.sortOrder),
  asc(vietnameseOrder(orgUnits.sortKey)),
  asc(orgUnits.id),
];

export function createOrgUnitsRepository(db: DbOrTx) {
  return {
    async findById(id: string) {
      const rows = await db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
      return rows[0] ?? null;
    },
    async findByIds(ids: string[]) {
      if (ids.length === 0) return [];
      return db.select().from(orgUnits).where(inArray(orgUnits.id, ids));
    },
    /**
     * Ranked search: exact name or token first, then names that start with the query, then any
     * substring (trigram index), active units before historical ones.
     */
    async search(filter: {
      forms: string[];
      provinceId: string | null;
      kind?: string;
      parentId?: string;
      activeOn: string | null;
      limit: number;
    }) {
      const where: SQL[] = [];
      if (filter.provinceId) where.push(eq(orgUnits.provinceId, filter.provinceId));
      if (filter.kind) where.push(eq(orgUnits.kind, filter.kind));
      if (filter.parentId) where.push(eq(orgUnits.parentId, filter.parentId));
      if (filter.activeOn) where.push(activeAt(filter.activeOn));
      if (filter.forms.length) {
        where.push(or(...filter.forms.map((f) => sql`${orgUnits.searchText} like ${`%${escapeLike(f)}%`}`))!);
      }
      const first = filter.forms[0] ?? "";
      const rank = first
        ? sql`case
            when ${orgUnits.searchText} like ${`|${escapeLike(first)}|%`} then 0
            when ${orgUnits.searchText} like ${`%|${escapeLike(first)}|%`} then 1
            when ${orgUnits.searchText} like ${`|${escapeLike(first)}%`} then 2
            else 3 end`
        : null;
      const historical = sql`case when ${orgUnits.validTo} is null or ${orgUnits.validTo} >= current_date then 0 else 1 end`;
      return db
        .select()
        .from(orgUnits)
        .where(where.length ? and(...where) : undefined)
        .orderBy(
          ...[
            historical,
            ...(rank ? [rank] : []),
            asc(orgUnits.depth),
            asc(orgUnits.sortOrder),
            asc(vietnameseOrder(orgUnits.sortKey)),
            asc(orgUnits.id),
          ],
        )
        .limit(filter.limit);
    },
    /** The whole visible directory with every column, parents before children (the Excel export). */
    async listDirectory(filter: TreeFilter) {
      return db
        .select()
        .from(orgUnits)
        .where(treeWhere(filter))
        .orderBy(...TREE_ORDER);
    },
    /** The whole visible tree as small rows. */
    async listTree(filter: TreeFilter) {
      return db
        .select({
          id: orgUnits.id,
          parentId: orgUnits.parentId,
          kind: orgUnits.kind,
          name: orgUnits.name,
          shortName: orgUnits.shortName,
          validTo: orgUnits.validTo,
          sortOrder: orgUnits.sortOrder,
        })
        .from(orgUnits)
        .where(treeWhere(filter))
        .orderBy(...TREE_ORDER);
    },
    async listChildren(parentId: string) {
      return db
        .select()
        .from(orgUnits)
        .where(eq(orgUnits.parentId, parentId))
        .orderBy(asc(orgUnits.sortOrder), asc(vietnameseOrder(orgUnits.sortKey)), asc(orgUnits.id));
    },
    async listByPathPrefix(prefix: string) {
      return db
        .select()
        .from(orgUnits)
        .where(sql`${orgUnits.path} like ${`${escapeLike(prefix)}%`}`);
    },
    async insert(values: NewOrgUnitRow) {
      const [row] = await db.insert(orgUnits).values(values).returning();
      return row;
    },
    async update({ id, values }: { id: string; values: Partial<NewOrgUnitRow> }) {
      const [row] = await db
        .update(orgUnits)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(orgUnits.id, id))
        .returning();
      return row ?? null;
    },
    /** Rewrites the path and province of a moved subtree in one statement. */
    async movePaths({
      oldPrefix,
      newPrefix,
      depthDelta,
      provinceId,
    }: {
      oldPrefix: string;
      newPrefix: string;
      depthDelta: number;
      provinceId: string | null;
    }) {
      await db
        .update(orgUnits)
        .set({
          path: sql`${newPrefix} || substr(${orgUnits.path}, ${oldPrefix.length + 1})`,
          depth: sql`${orgUnits.depth} + ${depthDelta}`,
          provinceId,
        })
        .where(sql`${orgUnits.path} like ${`${escapeLike(oldPrefix)}%`}`);
    },
    async insertEvent(values: { kind: string; effectiveDate: string; decision: string; note: string }) {
      const [row] = await db.insert(orgUnitEvents).values(values).returning();
      return row;
    },
    async insertEventLinks(
      links: Array<{ eventId: string; unitId: string; role: "predecessor" | "successor" }>,
    ) {
      if (links.length) await db.insert(orgUnitEventLinks).values(links);
    },
    async listEventsOf(unitId: string) {
      const eventIds = db
        .select({ id: orgUnitEventLinks.eventId })
        .from(orgUnitEventLinks)
        .where(eq(orgUnitEventLinks.unitId, unitId));
      const rows = await db
        .select({
          id: orgUnitEvents.id,
          kind: orgUnitEvents.kind,
          effectiveDate: orgUnitEvents.effectiveDate,
          decision: orgUnitEvents.decision,
          note: orgUnitEvents.note,
          unitId: orgUnitEventLinks.unitId,
          role: orgUnitEventLinks.role,
          unitName: orgUnits.name,
        })
        .from(orgUnitEvents)
        .innerJoin(orgUnitEventLinks, eq(orgUnitEventLinks.eventId, orgUnitEvents.id))
        .innerJoin(orgUnits, eq(orgUnits.id, orgUnitEventLinks.unitId))
        .where(inArray(orgUnitEvents.id, eventIds))
        .orderBy(asc(orgUnitEvents.effectiveDate));
      return rows;
    },
    async groupsContaining(unitId: string) {
      return db
        .select({ id: orgGroups.id, name: orgGroups.name })
        .from(orgGroupMembers)
        .innerJoin(orgGroups, eq(orgGroups.id, orgGroupMembers.groupId))
        .where(eq(orgGroupMembers.unitId, unitId))
        .orderBy(asc(vietnameseOrder(orgGroups.sortKey)), asc(orgGroups.id));
    },
  };
}

export function createOrgGroupsRepository(db: DbOrTx) {
  return {
    async list(provinceId: string | null) {
      return db
        .select()
        .from(orgGroups)
        .where(provinceId ? eq(orgGroups.provinceId, provinceId) : undefined)
        .orderBy(asc(vietnameseOrder(orgGroups.sortKey)), asc(orgGroups.id));
    },
    async findById(id: string) {
      const rows = await db.select().from(orgGroups).where(eq(orgGroups.id, id)).limit(1);
      return rows[0] ?? null;
    },
    async memberIds(groupId: string) {
      const rows = await db
        .select({ unitId: orgGroupMembers.unitId })
        .from(orgGroupMembers)
        .where(eq(orgGroupMembers.groupId, groupId));
      return rows.map((r) => r.unitId);
    },
    async membersOf(groupIds: string[]) {
      if (!groupIds.length) return [];
      return db.select().from(orgGroupMembers).where(inArray(orgGroupMembers.groupId, groupIds));
    },
    async insert(values: typeof orgGroups.$inferInsert) {
      const [row] = await db.insert(orgGroups).values(values).returning();
      return row;
    },
    async update({ id, values }: { id: string; values: Partial<typeof orgGroups.$inferInsert> }) {
      const [row] = await db
        .update(orgGroups)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(orgGroups.id, id))
        .returning();
      return row ?? null;
    },
    async replaceMembers({ groupId, unitIds }: { groupId: string; unitIds: string[] }) {
      await db.delete(orgGroupMembers).where(eq(orgGroupMembers.groupId, groupId));
      if (unitIds.length)
        await db.insert(orgGroupMembers).values(unitIds.map((unitId) => ({ groupId, unitId })));
    },
    async delete(id: string) {
      await db.delete(orgGroups).where(eq(orgGroups.id, id));
    },
    /** Units a group stands for at a date: its rule's matches plus explicit members, all valid then. */
    async expand({ group, at }: { group: OrgGroupRow; at: string }) {
      const parts: SQL[] = [];
      if (group.ruleKinds.length && group.ruleParentId) {
        const parent = await db
          .select({ path: orgUnits.path })
          .from(orgUnits)
          .where(eq(orgUnits.id, group.ruleParentId))
          .limit(1);
        if (parent[0]) {
          const under = group.ruleDescendants
            ? sql`${orgUnits.path} like ${`${escapeLike(parent[0].path)}%`} and ${orgUnits.id} <> ${group.ruleParentId}`
            : eq(orgUnits.parentId, group.ruleParentId);
          parts.push(and(inArray(orgUnits.kind, group.ruleKinds), under)!);
        }
      }
      parts.push(
        inArray(
          orgUnits.id,
          db
            .select({ id: orgGroupMembers.unitId })
            .from(orgGroupMembers)
            .where(eq(orgGroupMembers.groupId, group.id)),
        ),
      );
      return db
        .select()
        .from(orgUnits)
        .where(and(or(...parts), activeAt(at)))
        .orderBy(asc(orgUnits.sortOrder), asc(vietnameseOrder(orgUnits.sortKey)), asc(orgUnits.id));
    },
  };
}

export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
