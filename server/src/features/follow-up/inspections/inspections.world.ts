/**
 * The test world of the inspections' route tests: a province with its Sở Nội vụ (inspecting), two
 * communes and an unrelated department, their people, a group of the two communes, and a second
 * province with its own coordinator and commune. The clock stands on 15/06/2026 in the province.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../../../../core/src/auth/roles";
import { createTestDatabase } from "../../../../test/database";
import { buildActor, buildProvince, buildUnit, buildUser } from "../../../../test/factories";
import { buildTestApp, signedInClients } from "../../../../test/http";
import { setClockForTests } from "../../../app/clock";
import { ensureIndexCatalog } from "../../indices/indices.catalog";
import { createGroup } from "../../org-units/org-groups.service";

/** 10:00 on 15/06/2026 in Hanoi. */
export const TODAY = "2026-06-15";

export async function buildInspectionsWorld() {
  setClockForTests(new Date(`${TODAY}T03:00:00Z`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-inspections-"));
  const database = await createTestDatabase();
  const db = database.db;
  await ensureIndexCatalog({ db });
  const province = await buildProvince(db, { name: "Tỉnh Kiểm Tra" });
  const under = (kind: "department" | "commune", name: string, extra: object = {}) =>
    buildUnit(db, { kind, name, parentId: province.id, ...extra });
  const units = {
    province,
    snv: await under("department", "Sở Nội vụ", { shortName: "SNV" }),
    comA: await under("commune", "Xã An Phú"),
    comB: await under("commune", "Xã Bình Minh"),
    dep: await under("department", "Sở Xây dựng"),
  };
  const other = await buildProvince(db, { name: "Tỉnh Khác" });
  const comQ = await buildUnit(db, { kind: "commune", name: "Xã Khác Tỉnh", parentId: other.id });
  const people: Record<string, { unitId: string; roles: Role[] }> = {
    coord: { unitId: units.snv.id, roles: ["coordinator"] },
    snvOfficer: { unitId: units.snv.id, roles: ["officer"] },
    officerA: { unitId: units.comA.id, roles: ["officer"] },
    officerB: { unitId: units.comB.id, roles: ["officer"] },
    depOfficer: { unitId: units.dep.id, roles: ["officer"] },
    viewer: { unitId: province.id, roles: ["viewer"] },
    coordQ: { unitId: other.id, roles: ["coordinator"] },
  };
  const usernames = new Map<string, string>();
  for (const [key, p] of Object.entries(people))
    usernames.set(key, (await buildUser(db, { unitId: p.unitId, roles: p.roles })).username);
  const admin = await buildActor(db, { unitId: province.id, roles: ["admin"] });
  const group = await createGroup({
    db,
    actor: admin,
    input: {
      name: "Các xã được kiểm tra",
      ruleKinds: [],
      ruleParentId: null,
      ruleDescendants: false,
      memberIds: [units.comA.id, units.comB.id],
    },
  });
  const app: FastifyInstance = await buildTestApp(database, { dataDir });
  const as = signedInClients(app, (key) => usernames.get(key) ?? key);
  return {
    database,
    db,
    app,
    as,
    units,
    other: { province: other, comQ },
    groupId: group.id,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      setClockForTests(null);
    },
  };
}

export type InspectionsWorld = Awaited<ReturnType<typeof buildInspectionsWorld>>;
