import { asc, eq } from "drizzle-orm";
import type { DirectorySnapshot } from "../../../../core/src/plan-import/units";
import type { DbOrTx } from "../../app/db";
import { orgGroups, orgUnitEventLinks, orgUnitEvents, orgUnits } from "../org-units/org-units.table";

/** Reads the whole directory once per import: resolution then runs in memory, not one query per name. */
export function createPlanImportRepository(db: DbOrTx) {
  return {
    async directorySnapshot({
      provinceId,
      today,
    }: {
      provinceId: string | null;
      today: string;
    }): Promise<DirectorySnapshot> {
      const units = await db
        .select({
          id: orgUnits.id,
          name: orgUnits.name,
          shortName: orgUnits.shortName,
          aliases: orgUnits.aliases,
          kind: orgUnits.kind,
          depth: orgUnits.depth,
          validTo: orgUnits.validTo,
          provinceId: orgUnits.provinceId,
        })
        .from(orgUnits)
        .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder));
      const groups = await db
        .select({ id: orgGroups.id, name: orgGroups.name })
        .from(orgGroups)
        .where(provinceId ? eq(orgGroups.provinceId, provinceId) : undefined);
      const links = await db
        .select({
          eventId: orgUnitEvents.id,
          kind: orgUnitEvents.kind,
          date: orgUnitEvents.effectiveDate,
          unitId: orgUnitEventLinks.unitId,
          role: orgUnitEventLinks.role,
        })
        .from(orgUnitEvents)
        .innerJoin(orgUnitEventLinks, eq(orgUnitEventLinks.eventId, orgUnitEvents.id));
      const events = new Map<string, DirectorySnapshot["events"][number]>();
      for (const l of links) {
        const e = events.get(l.eventId) ?? {
          kind: l.kind,
          effectiveDate: l.date,
          predecessorIds: [],
          successorIds: [],
        };
        (l.role === "predecessor" ? e.predecessorIds : e.successorIds).push(l.unitId);
        events.set(l.eventId, e);
      }
      return {
        units: units
          .filter((u) => !provinceId || u.provinceId === provinceId || u.id === provinceId)
          .map((u) => ({
            id: u.id,
            name: u.name,
            shortName: u.shortName,
            aliases: u.aliases,
            kind: u.kind,
            depth: u.depth,
            active: !u.validTo || u.validTo >= today,
          })),
        groups,
        events: [...events.values()],
      };
    },
  };
}
