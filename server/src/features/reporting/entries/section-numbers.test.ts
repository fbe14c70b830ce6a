import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodContaining } from "../../../../../core/src/reporting/periods";
import { createTestDatabase } from "../../../../test/database";
import {
  buildIssuedPlan,
  buildObligation,
  buildProvince,
  buildReport,
  buildUnit,
  buildUser,
} from "../../../../test/factories";
import { createClient } from "../../../../test/http";
import { buildApp } from "../../../app/build-app";
import { provinceToday } from "../../../app/clock";
import { testConfig } from "../../../app/config";
import type { Database } from "../../../app/db";

/**
 * Tasks are numbered from 1 again in every section of a plan, so "nhiệm vụ 2" names one task per
 * section: the report form and the dashboard's overdue list name them with their section ("II.2").
 */
let database: Database;
let app: FastifyInstance;
let dataDir: string;
const users: Record<string, string> = {};
let reportId = "";
let obligationId = "";
const month = periodContaining("monthly", provinceToday());

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-sections-"));
  app = await buildApp({ database, config: testConfig({ dataDir }) });
  const province = await buildProvince(db, { name: "Tỉnh Gia Lai" });
  const snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  const commune = await buildUnit(db, { kind: "commune", name: "Xã An Phú", parentId: province.id });
  users.officer = (await buildUser(db, { unitId: commune.id, roles: ["officer"] })).username;
  users.coord = (await buildUser(db, { unitId: snv.id, roles: ["coordinator"] })).username;
  const { plan } = await buildIssuedPlan(db, {
    provinceId: province.id,
    tasks: [
      { section: "I", content: "Rà soát thủ tục", dueDate: "2099-12-31", leads: [commune] },
      { section: "II", content: "Công khai ngân sách", dueDate: "2099-12-31", leads: [commune] },
      { section: "II", content: "Số hóa hồ sơ", dueDate: "2020-01-31", leads: [commune] },
    ],
  });
  const obligation = await buildObligation(db, { plan, receivingUnitId: snv.id });
  obligationId = obligation.id;
  reportId = (await buildReport(db, { obligation, unitId: commune.id, periodKey: month.key })).id;
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const as = async (key: string) => {
  const c = createClient(app);
  await c.login(users[key]);
  return c;
};

describe("task numbers with their section", () => {
  it("gives each entry of the report its section's number beside its own", async () => {
    const report = (await (await as("officer")).get(`/api/reports/${reportId}`)).json().report;
    const numbers = report.entries.map(
      (e: { taskContent: string; sectionNumber: string; taskNumber: string }) => [
        e.taskContent,
        e.sectionNumber,
        e.taskNumber,
      ],
    );
    expect(numbers).toEqual([
      ["Rà soát thủ tục", "I", "1"],
      ["Công khai ngân sách", "II", "1"],
      ["Số hóa hồ sơ", "II", "2"],
    ]);
  });

  it("names an overdue task II.2 in the coordinator's list and its drill-down, not a bare 2", async () => {
    const res = await (await as("coord")).get(
      `/api/reporting/dashboard/overdue-tasks?obligationId=${obligationId}&periodKey=${month.key}`,
    );
    expect(res.statusCode).toBe(200);
    const taskId = res.json().items[0]?.taskId;
    const drill = await (await as("coord")).get(
      `/api/reporting/dashboard/task?obligationId=${obligationId}&periodKey=${month.key}&taskId=${taskId}`,
    );
    expect(drill.json().task.number).toBe("II.2");
    expect(res.json().items.map((t: { number: string; content: string }) => [t.number, t.content])).toEqual([
      ["II.2", "Số hóa hồ sơ"],
    ]);
  });
});
