import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import { setClockForTests } from "../../app/clock";
import type { Database } from "../../app/db";
import { createPeriodsRepository } from "./obligations/periods.repository";
import { reportingObligations } from "./reporting.table";

// A report locks on the province's day, not the UTC one: locked after its lock day ends in Hanoi.
let database: Database;
let app: FastifyInstance;
let officer: string;
let reportId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const province = await buildProvince(db);
  const snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  const commune = await buildUnit(db, { kind: "commune", name: "Xã Một", parentId: province.id });
  officer = (await buildUser(db, { unitId: commune.id, roles: ["officer"] })).username;
  const { plan } = await buildAssignedPlan(db, { provinceId: province.id, units: [commune] });
  const [obligation] = await db
    .insert(reportingObligations)
    .values({
      planId: plan.id,
      provinceId: province.id,
      title: "Báo cáo tháng",
      frequency: "monthly",
      dueRule: { kind: "dayOfLastMonth", day: 10 },
      receivingUnitId: snv.id,
      lockAfterDays: 5,
    })
    .returning();
  const repo = createPeriodsRepository(db);
  await repo.insertReportsForPeriod({
    obligation,
    periodKey: "2026-M02",
    start: "2026-02-01",
    end: "2026-02-28",
    opensOn: "2026-02-01",
    due: "2026-03-10",
    lockDate: "2026-03-15",
  });
  await repo.insertEntriesForPeriod({ obligation, periodKey: "2026-M02", previousKey: null });
  const [row] = await database.query<{ id: string }>("select id from reports");
  reportId = row.id;
  app = await buildTestApp(database);
}, 120_000);
afterEach(() => setClockForTests(null));
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("the report's lock day, on the province's clock", () => {
  it("is editable at 23:30 on the lock day in Hanoi and locked at 00:30 the next day (still the lock day in UTC)", async () => {
    const c = createClient(app);
    await c.login(officer);
    const save = async (narrative: string) => {
      const report = (await c.get(`/api/reports/${reportId}`)).json().report;
      const entry = report.entries[0];
      const res = await c.patch(`/api/report-entries/${entry.id}`, { version: entry.version, narrative });
      return { can: report.can, res };
    };

    setClockForTests(new Date("2026-03-15T16:30:00Z")); // 23:30 on 15/03 in Hanoi
    const before = await save("Đã triển khai");
    expect(before.can.edit).toBe(true);
    expect(before.res.statusCode, before.res.body).toBe(200);

    setClockForTests(new Date("2026-03-15T17:30:00Z")); // 00:30 on 16/03 in Hanoi, 15/03 in UTC
    const after = await save("Sửa sau khi khóa sổ");
    expect(after.can.edit).toBe(false);
    expect(after.res.statusCode).toBe(403);
    expect(after.res.json().error.message).toMatch(/khóa sổ/);
  });
});
