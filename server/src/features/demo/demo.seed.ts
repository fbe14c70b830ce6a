import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { UnitKind } from "../../../../core/src/auth/roles";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import { systemActor } from "../../app/actor";
import { provinceToday } from "../../app/clock";
import type { AppConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { writeAudit } from "../audit/audit.repository";
import { seedDemoIndexResults } from "../indices/indices.demo";
import { createOrgGroupsRepository } from "../org-units/org-units.repository";
import { applyUnitEventInTx, insertUnit } from "../org-units/org-units.service";
import { orgUnits } from "../org-units/org-units.table";
import { seedDemoPlan } from "../plans/plans.demo";
import { createUsersRepository } from "../users/users.repository";
import { insertUser } from "../users/users.service";
import { seedDemoStory } from "./demo.story";
import type { DemoProvince, DemoUnit, DemoUser } from "./demo.types";
import { DEMO_USERS, GIA_LAI } from "./gia-lai.units";

/** Shown at start-up and in the README; demo data never exists in production (see config.demo). */
export const DEMO_PASSWORD = "ChiSo@2026";

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  unitName: string;
}

/** Parents before children, whatever order the data lists them in. */
function orderByParent(units: readonly DemoUnit[]): DemoUnit[] {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const done = new Set<string>();
  const out: DemoUnit[] = [];
  const visit = (u: DemoUnit) => {
    if (done.has(u.key)) return;
    if (u.parentKey && byKey.has(u.parentKey)) visit(byKey.get(u.parentKey)!);
    done.add(u.key);
    out.push(u);
  };
  for (const u of units) visit(u);
  return out;
}

/** Loads a demo province (units, history, groups, one user per role) in one transaction. */
export async function seedDemoProvince({
  database,
  data = GIA_LAI,
  users = DEMO_USERS,
}: {
  database: Database;
  data?: DemoProvince;
  users?: DemoUser[];
}) {
  const actor = systemActor("Dữ liệu mẫu");
  return database.db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const [index, unit] of orderByParent(data.units).entries()) {
      const row = await insertUnit({
        tx,
        id: randomUUID(),
        input: {
          kind: unit.kind,
          parentId: unit.parentKey ? ids.get(unit.parentKey)! : null,
          name: unit.name,
          shortName: unit.shortName ?? null,
          code: unit.code ?? null,
          aliases: unit.aliases ?? [],
          validFrom: unit.validFrom ?? null,
          validTo: unit.validTo ?? null,
        },
      });
      await tx.update(orgUnits).set({ sortOrder: index }).where(eqId(row.id));
      ids.set(unit.key, row.id);
    }
    for (const event of data.events) {
      await applyUnitEventInTx({
        tx,
        actor,
        input: {
          kind: event.kind,
          predecessorIds: event.predecessors.map((k) => ids.get(k)!),
          successorIds: event.successors.map((k) => ids.get(k)!),
          effectiveDate: event.date,
          decision: event.decision,
          note: event.note ?? "",
        },
      });
    }
    const groups = createOrgGroupsRepository(tx);
    for (const group of data.groups) {
      const parentId = group.rule ? ids.get(group.rule.parentKey)! : null;
      const memberIds = (group.members ?? []).map((k) => ids.get(k)!);
      const anchor = parentId ?? memberIds[0];
      const [anchorUnit] = await tx
        .select({ provinceId: orgUnits.provinceId })
        .from(orgUnits)
        .where(eqId(anchor));
      const row = await groups.insert({
        provinceId: anchorUnit.provinceId!,
        name: group.name,
        searchText: foldForMatch(group.name),
        ruleKinds: (group.rule?.kinds ?? []) as UnitKind[],
        ruleParentId: parentId,
        ruleDescendants: false,
      });
      await groups.replaceMembers({ groupId: row.id, unitIds: memberIds });
    }
    const accounts: DemoAccount[] = [];
    for (const user of users) {
      await insertUser({
        tx,
        actor,
        input: {
          username: user.username,
          displayName: user.displayName,
          unitId: ids.get(user.unitKey)!,
          roles: user.roles as never,
          password: DEMO_PASSWORD,
        },
      });
      const unit = data.units.find((u) => u.key === user.unitKey)!;
      accounts.push({
        username: user.username,
        password: DEMO_PASSWORD,
        role: user.roles.join(","),
        unitName: unit.name,
      });
    }
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "demo",
        entityId: null,
        action: "seed",
        after: {
          units: data.units.length,
          events: data.events.length,
          groups: data.groups.length,
          users: users.length,
        },
      },
    });
    return { accounts, unitIds: ids };
  });
}

/**
 * On the first start of an empty database: the demo province, its plan and its story, dated relative
 * to today. Otherwise (a restart) nothing is written: the demo accounts are read back, if present.
 */
export async function seedDemoIfEmpty({
  database,
  config,
  today = provinceToday(),
}: {
  database: Database;
  config: AppConfig;
  today?: string;
}) {
  const [{ n }] = await database.db.select({ n: count() }).from(orgUnits);
  if (Number(n) === 0) {
    const seeded = await seedDemoProvince({ database });
    await seedDemoIndexResults({ database });
    const planId = await seedDemoPlan({ database, unitIds: seeded.unitIds, today });
    if (planId) await seedDemoStory({ database, config, unitIds: seeded.unitIds, planId, today });
    return seeded;
  }
  const usersRepo = createUsersRepository(database.db);
  const accounts: DemoAccount[] = [];
  for (const user of DEMO_USERS) {
    const row = await usersRepo.findWithUnit(
      (await usersRepo.findByUsername(user.username))?.id ?? randomUUID(),
    );
    if (row)
      accounts.push({
        username: row.username,
        password: DEMO_PASSWORD,
        role: row.roles.join(","),
        unitName: row.unitName,
      });
  }
  return { accounts, unitIds: new Map<string, string>() };
}

const eqId = (id: string) => eq(orgUnits.id, id);
