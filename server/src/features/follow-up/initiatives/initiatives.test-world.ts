/**
 * A province for the initiatives' tests: Sở Nội vụ (its coordinator), Sở Tư pháp with an internal
 * office, two communes, a central agency, a district merged away on 30/6/2025, a viewer; and a second
 * province with its own commune, coordinator and officer. Test data only (imported by tests).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { createTestDatabase } from "../../../../test/database";
import { buildProvince, buildUnit, buildUser } from "../../../../test/factories";
import { createClient, signedInClients } from "../../../../test/http";
import { buildApp } from "../../../app/build-app";
import { testConfig } from "../../../app/config";
import type { Database } from "../../../app/db";
import { ensureIndexCatalog } from "../../indices/indices.catalog";

export async function buildInitiativesWorld() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-initiatives-"));
  const database: Database = await createTestDatabase();
  const db = database.db;
  await ensureIndexCatalog({ db });
  const app: FastifyInstance = await buildApp({ database, config: testConfig({ dataDir }) });
  const province = await buildProvince(db, { name: "Tỉnh Sáng Kiến" });
  const under = (kind: string, name: string, parentId = province.id, extra: object = {}) =>
    buildUnit(db, { kind: kind as "department", name, parentId, ...extra });
  const snv = await under("department", "Sở Nội vụ");
  const stp = await under("department", "Sở Tư pháp");
  const stpOffice = await under("internalUnit", "Văn phòng Sở Tư pháp", stp.id);
  const comA = await under("commune", "Xã An Phú");
  const comB = await under("commune", "Xã Bình Minh");
  const tax = await under("centralAgency", "Thuế tỉnh");
  const district = await under("district", "Huyện Cũ", province.id, {
    validFrom: "2000-01-01",
    validTo: "2025-06-30",
  });
  const other = await buildProvince(db, { name: "Tỉnh Khác" });
  const otherCom = await buildUnit(db, { kind: "commune", name: "Xã Tỉnh Khác", parentId: other.id });
  const people = {
    coord: { unitId: snv.id, roles: ["coordinator"] },
    viewer: { unitId: province.id, roles: ["viewer"] },
    officerA: { unitId: comA.id, roles: ["officer"] },
    headA: { unitId: comA.id, roles: ["head"] },
    officerB: { unitId: comB.id, roles: ["officer"] },
    officerStp: { unitId: stp.id, roles: ["officer"] },
    officerOffice: { unitId: stpOffice.id, roles: ["officer"] },
    admin: { unitId: province.id, roles: ["admin"] },
    coordOther: { unitId: other.id, roles: ["coordinator"] },
    officerOther: { unitId: otherCom.id, roles: ["officer"] },
  } as const;
  const users: Record<string, { id: string; username: string }> = {};
  for (const [key, p] of Object.entries(people))
    users[key] = await buildUser(db, { unitId: p.unitId, roles: [...p.roles] });
  const as = signedInClients(app, (key) => users[key].username);
  return {
    database,
    db,
    app,
    dataDir,
    units: { province, snv, stp, stpOffice, comA, comB, tax, district, other, otherCom },
    users,
    as: as as (key: keyof typeof people) => ReturnType<typeof as>,
    anonymous: () => createClient(app),
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type InitiativesWorld = Awaited<ReturnType<typeof buildInitiativesWorld>>;
