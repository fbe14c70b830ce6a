/**
 * Honest lists of reporting: every list pages on the server, says its true total, and pages neither
 * overlap nor skip (two units share a name, so the id must break the tie).
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildIssuedPlan, buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { createClient } from "../../../test/http";
import { expectOfficialTable, firstSheet } from "../../../test/xlsx-shape";
import { buildApp } from "../../app/build-app";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { notifications } from "./reporting.table";
import { currentPeriod } from "./reports/reports.service";

let database: Database;
let app: FastifyInstance;
let coord: ReturnType<typeof createClient>;
let officer: ReturnType<typeof createClient>;
let officerUnitId: string;
let districtId: string;
let obligationId: string;
const PERIOD = "2020-M01";
/** Communes under the district, and two directly under the province: ten reports in the period. */
const UNDER_DISTRICT = 8;
const UNITS = UNDER_DISTRICT + 2;
const TASKS = 2;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  app = await buildApp({ database, config: testConfig() });
  const province = await buildProvince(db);
  const snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  const district = await buildUnit(db, { kind: "district", name: "Huyện Thử", parentId: province.id });
  districtId = district.id;
  const units: Array<{ id: string; path: string }> = [];
  for (let i = 0; i < UNITS; i++) {
    // Two communes named alike: the order must still be total.
    const name = i < 2 ? "Xã Trùng Tên" : `Xã Số ${String(i).padStart(2, "0")}`;
    const parentId = i < UNDER_DISTRICT ? district.id : province.id;
    units.push(await buildUnit(db, { kind: "commune", name, parentId }));
  }
  officerUnitId = units[3].id;
  const coordUser = await buildUser(db, { unitId: snv.id, roles: ["coordinator"] });
  const officerUser = await buildUser(db, { unitId: officerUnitId, roles: ["officer"] });
  const { plan } = await buildIssuedPlan(db, {
    provinceId: province.id,
    title: "Kế hoạch PCI",
    tasks: Array.from({ length: TASKS }, () => ({ dueDate: "2020-01-10", leads: units })),
  });
  coord = createClient(app);
  await coord.login(coordUser.username);
  officer = createClient(app);
  await officer.login(officerUser.username);
  const created = await coord.post(`/api/plans/${plan.id}/reporting-obligations`, {
    title: "Báo cáo hằng tháng",
    frequency: "monthly",
    dueRule: { kind: "daysAfterEnd", days: 15 },
    receivingUnitId: snv.id,
  });
  expect(created.statusCode, created.body).toBe(201);
  obligationId = created.json().obligation.id;
  const opened = await coord.post(`/api/reporting-obligations/${obligationId}/periods`, {
    periodKey: PERIOD,
  });
  expect(opened.statusCode, opened.body).toBe(200);
  expect(opened.json().reportsCreated).toBe(UNITS);
  // More notices than a page for the officer's unit.
  for (let i = 0; i < 25; i++)
    await db.insert(notifications).values({
      unitId: officerUnitId,
      kind: "reminder",
      title: `Thông báo ${i}`,
      readAt: i < 5 ? new Date() : null,
    });
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

/** Reads every page of a list; checks page sizes, the total on each page and that no row repeats. */
async function readAllPages(url: string, pageSize: number, rowsOf: (body: never) => Array<{ id: string }>) {
  const first = await coord.get(`${url}&page=1&pageSize=${pageSize}`);
  expect(first.statusCode, first.body).toBe(200);
  const total: number = first.json().total;
  const pages = Math.ceil(total / pageSize);
  const ids: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const res = await coord.get(`${url}&page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(total);
    expect(body.totalExact).toBe(true);
    expect(body.page).toBe(page);
    const rows = rowsOf(body as never);
    expect(rows).toHaveLength(page < pages ? pageSize : total - pageSize * (pages - 1));
    ids.push(...rows.map((r) => r.id));
  }
  expect(new Set(ids).size).toBe(total);
  // A page past the end is empty but still tells the total, so the pager can go back.
  const past = (await coord.get(`${url}&page=${pages + 2}&pageSize=${pageSize}`)).json();
  expect(past.total).toBe(total);
  expect(rowsOf(past as never)).toEqual([]);
  return { total, ids };
}

const periodQuery = () => `obligationId=${obligationId}&periodKey=${PERIOD}`;

describe("/api/reports pages", () => {
  it("pages the reports with their true total, without overlap", async () => {
    const { total } = await readAllPages(
      `/api/reports?${periodQuery()}`,
      4,
      (b: { reports: [] }) => b.reports,
    );
    expect(total).toBe(UNITS);
  });

  it("filters by unit (with its subtree), state, period and obligation", async () => {
    const subtree = (await coord.get(`/api/reports?unitId=${districtId}&subtree=true&pageSize=3`)).json();
    expect(subtree.total).toBe(UNDER_DISTRICT);
    expect(subtree.reports).toHaveLength(3);
    const one = (await coord.get(`/api/reports?unitId=${officerUnitId}`)).json();
    expect(one.total).toBe(1);
    expect(one.reports[0].unitId).toBe(officerUnitId);
    expect(one.reports[0].periodLabel).toBe("Tháng 1/2020");
    expect((await coord.get(`/api/reports?state=accepted`)).json().total).toBe(0);
    expect((await coord.get(`/api/reports?state=draft&${periodQuery()}`)).json().total).toBe(UNITS);
    expect((await coord.get(`/api/reports?periodKey=2020-M02`)).json().total).toBe(0);
    const other = "00000000-0000-4000-8000-000000000000";
    expect((await coord.get(`/api/reports?obligationId=${other}`)).json().total).toBe(0);
  });

  it("keeps the actor's scope: an officer sees only the unit's report", async () => {
    const mine = (await officer.get(`/api/reports?pageSize=50`)).json();
    expect(mine.total).toBe(1);
    expect(mine.reports.map((r: { unitId: string }) => r.unitId)).toEqual([officerUnitId]);
    // The district's subtree holds eight reports; the officer still sees only the unit's own.
    const district = await officer.get(`/api/reports?unitId=${districtId}&subtree=true`);
    expect(district.statusCode, district.body).toBe(200);
    expect(district.json().total).toBe(1);
    expect(district.json().reports[0].unitId).toBe(officerUnitId);
  });

  it("exports the list to Excel with the same filters and scope, every row, not a page", async () => {
    expect((await app.inject({ method: "GET", url: "/api/reports.xlsx" })).statusCode).toBe(401);
    const bad = await coord.get("/api/reports.xlsx?state=lost");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Trạng thái báo cáo không hợp lệ/);
    const res = await coord.get(`/api/reports.xlsx?${periodQuery()}&pageSize=2`);
    expect(res.statusCode, res.body).toBe(400);
    const all = await coord.get(`/api/reports.xlsx?${periodQuery()}`);
    expect(all.statusCode).toBe(200);
    const sheet = await firstSheet(all.rawPayload);
    expectOfficialTable(sheet, { headerRow: 2, numbers: [1], dates: [6] });
    expect(sheet.rowCount - 2).toBe(UNITS);
    const third = sheet.getRow(3);
    expect(third.getCell(5).value).toBe("Tháng 1/2020");
    expect(third.getCell(7).value).toBe("Đang soạn");
    const subtree = await firstSheet(
      (await coord.get(`/api/reports.xlsx?unitId=${districtId}&subtree=true&state=draft`)).rawPayload,
    );
    expect(subtree.rowCount - 2).toBe(UNDER_DISTRICT);
    // The officer's export holds the unit's own report only, whatever the filter asks.
    const mine = await firstSheet(
      (await officer.get(`/api/reports.xlsx?unitId=${districtId}&subtree=true`)).rawPayload,
    );
    expect(mine.rowCount - 2).toBe(1);
    const hidden = await officer.get("/api/reports.xlsx?unitId=00000000-0000-4000-8000-000000000000");
    expect(hidden.statusCode).toBe(404);
  });

  it("lists the periods of the reports in scope, labelled", async () => {
    const res = await coord.get("/api/reports/periods");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().periods).toEqual([
      {
        obligationId,
        obligationTitle: "Báo cáo hằng tháng",
        periodKey: PERIOD,
        periodLabel: "Tháng 1/2020",
        reports: UNITS,
      },
    ]);
    expect((await officer.get("/api/reports/periods")).json().periods[0].reports).toBe(1);
    // The only period with reports is the one the dashboard opens on, even long after it ended.
    expect(res.json().current).toEqual({ obligationId, periodKey: PERIOD });
  });

  it("the current period is the one containing today, else the latest begun, else the first listed", () => {
    const row = (key: string, periodStart: string, periodEnd: string) => ({ key, periodStart, periodEnd });
    // Newest first, as the repository lists them: a quarter and a month both contain 15/11.
    const rows = [
      row("future", "2026-12-01", "2026-12-31"),
      row("month", "2026-11-01", "2026-11-30"),
      row("quarter", "2026-10-01", "2026-12-31"),
      row("old", "2026-09-01", "2026-09-30"),
    ];
    expect(currentPeriod(rows, "2026-11-15")?.key).toBe("month");
    expect(currentPeriod(rows, "2026-11-30")?.key).toBe("month");
    // Nothing contains 15/10/2027: the latest period already begun.
    expect(currentPeriod(rows.slice(1, 2), "2027-10-15")?.key).toBe("month");
    expect(
      currentPeriod(
        [row("old", "2026-09-01", "2026-09-30"), row("older", "2026-08-01", "2026-08-31")],
        "2026-10-05",
      )?.key,
    ).toBe("old");
    // Only periods not yet begun: the first listed; none at all: null.
    expect(currentPeriod(rows.slice(0, 1), "2026-11-15")?.key).toBe("future");
    expect(currentPeriod([], "2026-11-15")).toBeNull();
  });
});

describe("the dashboard's lists page", () => {
  it("pages the overdue tasks; the total is the dashboard's overdue counter", async () => {
    const d = (await coord.get(`/api/reporting/dashboard?${periodQuery()}`)).json();
    expect(d.taskStatus.overdue).toBe(UNITS * TASKS);
    const { total } = await readAllPages(
      `/api/reporting/dashboard/overdue-tasks?${periodQuery()}`,
      6,
      (b: { items: Array<{ entryId: string }> }) => b.items.map((x) => ({ id: x.entryId })),
    );
    expect(total).toBe(d.taskStatus.overdue);
  });

  it("pages the late units with their true total", async () => {
    const { total } = await readAllPages(
      `/api/reporting/dashboard/late-units?${periodQuery()}`,
      4,
      (b: { items: Array<{ reportId: string }> }) => b.items.map((x) => ({ id: x.reportId })),
    );
    expect(total).toBe(UNITS);
  });
});

describe("notifications page", () => {
  it("pages the unit's notices and counts all of them and the unread", async () => {
    const p1 = (await officer.get("/api/notifications?pageSize=10")).json();
    expect(p1).toMatchObject({ total: 25, unread: 20, page: 1, pageSize: 10 });
    expect(p1.notifications).toHaveLength(10);
    const p3 = (await officer.get("/api/notifications?pageSize=10&page=3")).json();
    expect(p3.notifications).toHaveLength(5);
    const ids = new Set([...p1.notifications, ...p3.notifications].map((n: { id: string }) => n.id));
    expect(ids.size).toBe(15);
  });
});

describe("paging is validated and needs a session", () => {
  const urls = () => [
    "/api/reports?",
    `/api/reporting/dashboard/overdue-tasks?${periodQuery()}&`,
    `/api/reporting/dashboard/late-units?${periodQuery()}&`,
    "/api/notifications?",
  ];

  it.each([
    ["pageSize=0", "pageSize"],
    ["page=0", "page"],
    ["page=-1", "page"],
    ["pageSize=100000", "pageSize"],
  ])("refuses %s with a Vietnamese message", async (query, field) => {
    for (const url of urls()) {
      const res = await coord.get(`${url}${query}`);
      expect(res.statusCode, `${url}${query}`).toBe(400);
      const { error } = res.json();
      expect(error.message).toContain(field);
      // The project's zod locale words the rule in Vietnamese.
      expect(error.message).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
    }
  });

  it("refuses a period key that is not one", async () => {
    const res = await coord.get("/api/reports?periodKey=thang-11");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("Kỳ báo cáo");
  });

  it("answers 401 without a session", async () => {
    for (const url of [...urls(), "/api/reports/periods?"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
    }
  });
});
