import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildActor, buildProvince, buildUnit } from "../../../test/factories";
import type { Actor } from "../../app/actor";
import type { Database } from "../../app/db";
import { createGroup, updateGroup } from "./org-groups.service";
import { createOrgGroupsRepository } from "./org-units.repository";

/** A group holds units of one province: a national admin cannot mix two (tasks would cross over). */
let database: Database;
let admin: Actor;
const units: Record<string, { id: string }> = {};
const group = (name: string, extra: { memberIds?: string[]; ruleParentId?: string | null }) => ({
  name,
  ruleKinds: extra.ruleParentId ? ["commune" as const] : [],
  ruleParentId: extra.ruleParentId ?? null,
  ruleDescendants: false,
  memberIds: extra.memberIds ?? [],
});

beforeAll(async () => {
  database = await createTestDatabase();
  units.one = await buildProvince(database.db, { name: "Tỉnh Một" });
  units.two = await buildProvince(database.db, { name: "Tỉnh Hai" });
  units.a = await buildUnit(database.db, { kind: "commune", name: "Xã A", parentId: units.one.id });
  units.b = await buildUnit(database.db, { kind: "commune", name: "Xã B", parentId: units.two.id });
  admin = await buildActor(database.db, { unitId: units.one.id, roles: ["admin"] });
});

afterAll(async () => {
  await database.close();
});

describe("a group of units", () => {
  it("refuses members or a rule of two provinces, on creation and on change", async () => {
    const db = database.db;
    await expect(
      createGroup({ db, actor: admin, input: group("Nhóm lẫn", { memberIds: [units.a.id, units.b.id] }) }),
    ).rejects.toMatchObject({ status: 400, code: "orgGroup.province" });
    await expect(
      createGroup({
        db,
        actor: admin,
        input: group("Nhóm lẫn", { memberIds: [units.a.id], ruleParentId: units.two.id }),
      }),
    ).rejects.toMatchObject({ code: "orgGroup.province" });
    const made = await createGroup({
      db,
      actor: admin,
      input: group("Nhóm xã A", { memberIds: [units.a.id] }),
    });
    await expect(
      updateGroup({ db, actor: admin, id: made.id, input: group("Nhóm xã B", { memberIds: [units.b.id] }) }),
    ).rejects.toMatchObject({ code: "orgGroup.province" });
    await expect(
      updateGroup({
        db,
        actor: admin,
        id: made.id,
        input: group("Nhóm xã B", { ruleParentId: units.two.id }),
      }),
    ).rejects.toMatchObject({ code: "orgGroup.province" });
    expect(await createOrgGroupsRepository(db).memberIds(made.id)).toEqual([units.a.id]);
  });
});
