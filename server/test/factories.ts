import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { orgUnitCreateBody } from "../../core/src/api/org-units.schemas";
import type { Role } from "../../core/src/auth/roles";
import { systemActor } from "../src/app/actor";
import type { Db } from "../src/app/db";
import type { OrgUnitRow } from "../src/features/org-units/org-units.repository";
import { insertUnit } from "../src/features/org-units/org-units.service";
import { plans, planTasks, taskAssignments } from "../src/features/plans/plans.table";
import { insertUser } from "../src/features/users/users.service";

export const TEST_PASSWORD = "mat-khau-thu-nghiem-123";

/** A unit; a province is created for it when no parent is given (each test owns its data). */
export async function buildUnit(
  db: Db,
  overrides: Partial<z.infer<typeof orgUnitCreateBody>> = {},
): Promise<OrgUnitRow> {
  const parentId: string | null =
    overrides.parentId === undefined && overrides.kind !== "province"
      ? (await buildProvince(db)).id
      : (overrides.parentId ?? null);
  return db.transaction((tx) =>
    insertUnit({
      tx,
      input: {
        kind: "department",
        name: `Sở Thử nghiệm ${randomUUID().slice(0, 6)}`,
        ...overrides,
        parentId,
      },
    }),
  );
}

export const buildProvince = (
  db: Db,
  overrides: Partial<z.infer<typeof orgUnitCreateBody>> = {},
): Promise<OrgUnitRow> =>
  buildUnit(db, { kind: "province", name: `Tỉnh ${randomUUID().slice(0, 6)}`, parentId: null, ...overrides });

export async function buildUser(
  db: Db,
  overrides: {
    unitId?: string;
    roles?: Role[];
    username?: string;
    displayName?: string;
    scopeUnitId?: string | null;
  } = {},
) {
  const unitId = overrides.unitId ?? (await buildUnit(db)).id;
  const user = await db.transaction((tx) =>
    insertUser({
      tx,
      actor: systemActor("Kiểm thử"),
      input: {
        username: overrides.username ?? `u${randomUUID().slice(0, 8)}`,
        displayName: overrides.displayName ?? "Nguyễn Văn Thử",
        unitId,
        roles: overrides.roles ?? ["officer"],
        scopeUnitId: overrides.scopeUnitId ?? null,
        password: TEST_PASSWORD,
      },
    }),
  );
  return user;
}

/** A plan with one task led by each of `units`, written directly (no import, no API). */
export async function buildAssignedPlan(
  db: Db,
  {
    provinceId,
    units,
    status = "issued",
    title = "Kế hoạch",
  }: {
    provinceId: string;
    units: Array<{ id: string; path: string }>;
    status?: "draft" | "issued";
    title?: string;
  },
) {
  const [plan] = await db
    .insert(plans)
    .values({ provinceId, ownerUnitId: provinceId, title, status })
    .returning();
  const [task] = await db
    .insert(planTasks)
    .values({ planId: plan.id, provinceId, content: "Nhiệm vụ", deadline: { kind: "unknown", text: "" } })
    .returning();
  for (const unit of units)
    await db.insert(taskAssignments).values({
      taskId: task.id,
      planId: plan.id,
      provinceId,
      unitId: unit.id,
      unitPath: unit.path,
      role: "lead",
    });
  return { plan, task };
}
