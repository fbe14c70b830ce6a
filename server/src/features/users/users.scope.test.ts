import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildActor, buildProvince, buildUnit, buildUser } from "../../../test/factories";
import type { Actor } from "../../app/actor";
import type { Database } from "../../app/db";
import { createUser, updateUser } from "./users.service";

/** A coordinator's monitored area lies in the province of the account's unit, even for a national admin. */
let database: Database;
let admin: Actor;
const units: Record<string, { id: string }> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const one = await buildProvince(database.db, { name: "Tỉnh Một" });
  const two = await buildProvince(database.db, { name: "Tỉnh Hai" });
  units.dept = await buildUnit(database.db, { kind: "department", name: "Sở Một", parentId: one.id });
  units.communeOne = await buildUnit(database.db, { kind: "commune", name: "Xã Một", parentId: one.id });
  units.communeTwo = await buildUnit(database.db, { kind: "commune", name: "Xã Hai", parentId: two.id });
  admin = await buildActor(database.db, { unitId: one.id, roles: ["admin"] });
});

afterAll(async () => {
  await database.close();
});

const input = (scopeUnitId: string) => ({
  username: `dieuphoi${scopeUnitId.slice(0, 4)}`,
  displayName: "Điều Phối Thử",
  unitId: units.dept.id,
  roles: ["coordinator" as const],
  scopeUnitId,
  password: "Mat-khau-rat-dai-2026",
});

describe("a coordinator's monitored area", () => {
  it("is refused in another province when an account is created", async () => {
    await expect(
      createUser({ db: database.db, actor: admin, input: input(units.communeTwo.id) }),
    ).rejects.toMatchObject({ status: 400, code: "user.scopeProvince" });
    const made = await createUser({ db: database.db, actor: admin, input: input(units.communeOne.id) });
    expect(made.scopeUnitId).toBe(units.communeOne.id);
  });

  it("is refused in another province when an account changes, by its area or by its unit", async () => {
    const user = await buildUser(database.db, {
      unitId: units.dept.id,
      roles: ["coordinator"],
      scopeUnitId: units.communeOne.id,
    });
    const update = (values: { unitId?: string; scopeUnitId?: string }) =>
      updateUser({ db: database.db, actor: admin, id: user.id, input: values });
    await expect(update({ scopeUnitId: units.communeTwo.id })).rejects.toMatchObject({
      code: "user.scopeProvince",
    });
    // Moving the account to the other province while its area stays behind is refused as well.
    await expect(update({ unitId: units.communeTwo.id })).rejects.toMatchObject({
      code: "user.scopeProvince",
    });
    const moved = await update({ unitId: units.communeTwo.id, scopeUnitId: units.communeTwo.id });
    expect(moved.scopeUnitId).toBe(units.communeTwo.id);
  });
});
