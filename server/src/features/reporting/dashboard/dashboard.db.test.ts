import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import {
  buildIssuedPlan,
  buildObligation,
  buildProvince,
  buildReport,
  buildUnit,
} from "../../../../test/factories";
import type { Database } from "../../../app/db";
import { reports } from "../reporting.table";
import { createDashboardRepository } from "./dashboard.repository";

let database: Database;
let obligationId: string;
let provinceId: string;
let communePath: string;
let communeOfficeId: string;

/**
 * A hand-computed example: seven units' reports for March 2026, due on the 15th.
 *   province level: a department (on time), its office (late), a central agency (not sent);
 *   district level: a historical district (on time);
 *   commune level: two communes (one on time, one not sent) and a commune's office (on time).
 */
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const province = await buildProvince(db);
  provinceId = province.id;
  const dept = await buildUnit(db, { kind: "department", name: "Sở Tư pháp", parentId: province.id });
  const office = await buildUnit(db, { kind: "internalUnit", name: "Văn phòng Sở", parentId: dept.id });
  const agency = await buildUnit(db, { kind: "centralAgency", name: "Cục Thuế", parentId: province.id });
  const district = await buildUnit(db, { kind: "district", name: "Huyện Cũ", parentId: province.id });
  const comA = await buildUnit(db, { kind: "commune", name: "Xã An", parentId: province.id });
  const comB = await buildUnit(db, { kind: "commune", name: "Xã Bình", parentId: province.id });
  const comOffice = await buildUnit(db, { kind: "internalUnit", name: "Văn phòng xã", parentId: comA.id });
  communePath = comA.path;
  communeOfficeId = comOffice.id;
  const units = [dept, office, agency, district, comA, comB, comOffice];
  const { plan } = await buildIssuedPlan(db, {
    provinceId,
    title: "Kế hoạch PCI",
    tasks: [{ leads: units }],
  });
  const obligation = await buildObligation(db, {
    plan,
    receivingUnitId: dept.id,
    dueRule: { kind: "dayOfLastMonth", day: 15 },
  });
  obligationId = obligation.id;
  const sent = (day: string | null) =>
    day
      ? { state: "submitted" as const, firstSubmittedAt: new Date(`${day}T09:00:00+07:00`) }
      : { state: "draft" as const };
  const rows = [
    [dept, sent("2026-03-14")],
    [office, sent("2026-03-16")],
    [agency, sent(null)],
    [district, sent("2026-03-15")],
    [comA, sent("2026-03-10")],
    [comB, sent(null)],
    [comOffice, sent("2026-03-15")],
  ] as const;
  for (const [unit, s] of rows)
    await buildReport(db, { obligation, unitId: unit.id, periodKey: "2026-M03", ...s });
});
afterAll(async () => {
  await database.close();
});

describe("reporting rates", () => {
  it("counts expected, received and on time by unit kind and by administrative level", async () => {
    const repo = createDashboardRepository(database.db);
    const { byKind, byLevel } = await repo.rates({
      scope: { kind: "province", provinceId },
      obligationId,
      periodKey: "2026-M03",
    });
    expect(byLevel).toEqual([
      { level: "province", expected: 3, received: 2, onTime: 1 },
      { level: "district", expected: 1, received: 1, onTime: 1 },
      { level: "commune", expected: 3, received: 2, onTime: 2 },
    ]);
    expect(byKind).toEqual([
      { unitKind: "centralAgency", expected: 1, received: 0, onTime: 0 },
      { unitKind: "commune", expected: 2, received: 1, onTime: 1 },
      { unitKind: "department", expected: 1, received: 1, onTime: 1 },
      { unitKind: "district", expected: 1, received: 1, onTime: 1 },
      { unitKind: "internalUnit", expected: 2, received: 2, onTime: 1 },
    ]);
  });

  it("counts only what the actor's scope holds", async () => {
    const { byLevel } = await createDashboardRepository(database.db).rates({
      scope: { kind: "subtree", provinceId, unitPath: communePath },
      obligationId,
      periodKey: "2026-M03",
    });
    expect(byLevel).toEqual([{ level: "commune", expected: 2, received: 2, onTime: 2 }]);
  });

  it("judges on time by the day of sending in the province's zone, given to the repository", async () => {
    const db = database.db;
    const commune = async (timeZone?: string) =>
      (
        await createDashboardRepository(db, timeZone).rates({
          scope: { kind: "subtree", provinceId, unitPath: communePath },
          obligationId,
          periodKey: "2026-M03",
        })
      ).byLevel[0].onTime;
    const sendAt = (at: string) =>
      db
        .update(reports)
        .set({ firstSubmittedAt: new Date(at) })
        .where(eq(reports.unitId, communeOfficeId));
    await sendAt("2026-03-15T16:30:00Z"); // 23:30 on the due day in Hanoi: on time
    expect(await commune()).toBe(2);
    await sendAt("2026-03-15T17:30:00Z"); // 00:30 the next day in Hanoi, still the 15th in UTC: late
    expect(await commune()).toBe(1);
    expect(await commune("UTC")).toBe(2);
    await sendAt("2026-03-15T09:00:00+07:00");
  });
});
