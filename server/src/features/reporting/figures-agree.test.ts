/**
 * Every figure a leader reads comes from one rule (core's workStatus): this file builds one plan
 * with work in every class and checks that "my tasks", the task list, the task's page, the report
 * form, the dashboard, its drill-down, the scorecards, the consolidated Word report and the Excel
 * export give each task × unit the same class, and the same counts; recurring work is judged per
 * period in the views of a period and as a whole in the views of the work. It also checks the one write
 * path of progress: a report's autosave and the assignment route give the same task progress, an
 * ended assignment takes no save, and two saves of a report's general part never answer 500.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planProgress } from "../../../../core/src/plans/rollup";
import {
  ASSIGNMENT_STATUS_LABELS_VI,
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
} from "../../../../core/src/plans/status";
import { createTestDatabase } from "../../../test/database";
import { buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { createClient } from "../../../test/http";
import { buildApp } from "../../app/build-app";
import { setClockForTests } from "../../app/clock";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { plans, planTasks, taskAssignments } from "../plans/plans.table";

// 10:00 on 07/12/2026 in Hanoi; the report is December's, so the work is judged as of today.
const NOW = new Date("2026-12-07T03:00:00Z");
const PERIOD = "2026-M12";

let database: Database;
let app: FastifyInstance;
let dataDir: string;
const names: Record<string, string> = {};
const unitName = { A: "Xã An Phú", B: "Xã Bình Minh", C: "Xã Cát Tiến" };
let planId: string;
let obligationId: string;
const task: Record<"T1" | "T2" | "T3" | "T4", string> = { T1: "", T2: "", T3: "", T4: "" };
const unitIds: Record<string, string> = {};

beforeAll(async () => {
  setClockForTests(NOW);
  database = await createTestDatabase();
  const db = database.db;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-figures-"));
  app = await buildApp({ database, config: testConfig({ dataDir }) });
  const province = await buildProvince(db);
  const snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  const units = {
    A: await buildUnit(db, { kind: "commune", name: unitName.A, parentId: province.id }),
    B: await buildUnit(db, { kind: "commune", name: unitName.B, parentId: province.id }),
    C: await buildUnit(db, { kind: "commune", name: unitName.C, parentId: province.id }),
  };
  for (const [k, v] of Object.entries(units)) unitIds[k] = v.id;
  for (const [key, unitId, roles] of [
    ["coord", snv.id, ["coordinator"]],
    ["admin", province.id, ["admin"]],
    ["officerA", units.A.id, ["officer"]],
    ["officerB", units.B.id, ["officer"]],
  ] as const)
    names[key] = (await buildUser(db, { unitId, roles: [...roles] })).username;
  const [plan] = await db
    .insert(plans)
    .values({
      provinceId: province.id,
      ownerUnitId: province.id,
      title: "Kế hoạch nâng cao PCI năm 2026",
      status: "issued",
      issuedDate: "2026-01-15",
    })
    .returning();
  planId = plan.id;
  // T1 due 31/01, T2 due 31/03 (both passed), T3 due at the end of 2099; T4 monthly all 2026.
  const dues = { T1: "2026-01-31", T2: "2026-03-31", T3: "2099-12-31", T4: "2026-12-31" } as const;
  for (const [i, key] of (["T1", "T2", "T3", "T4"] as const).entries()) {
    const [row] = await db
      .insert(planTasks)
      .values({
        planId,
        provinceId: province.id,
        number: String(i + 1),
        sortOrder: i,
        content: `Nhiệm vụ ${key}`,
        deadline:
          key === "T4"
            ? {
                kind: "recurring",
                frequency: "monthly",
                from: "2026-01-01",
                until: dues[key],
                text: "Hằng tháng",
              }
            : { kind: "date", date: dues[key], text: "" },
        dueDate: dues[key],
      })
      .returning();
    task[key] = row.id;
    for (const unit of [units.A, units.B])
      await db.insert(taskAssignments).values({
        taskId: row.id,
        planId,
        provinceId: province.id,
        unitId: unit.id,
        unitPath: unit.path,
        role: "lead",
        dueDate: dues[key],
      });
  }
  const coord = await as("coord");
  const ob = await coord.post(`/api/plans/${planId}/reporting-obligations`, {
    title: "Báo cáo hằng tháng",
    frequency: "monthly",
    dueRule: { kind: "daysAfterEnd", days: 15 },
    receivingUnitId: snv.id,
  });
  expect(ob.statusCode, ob.body).toBe(201);
  obligationId = ob.json().obligation.id;
  const opened = await coord.post(`/api/reporting-obligations/${obligationId}/periods`, {
    periodKey: PERIOD,
  });
  expect(opened.json()).toMatchObject({ reportsCreated: 2, entriesCreated: 8 });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app?.close();
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const clients = new Map<string, ReturnType<typeof createClient>>();
async function as(key: string) {
  const known = clients.get(key);
  if (known) return known;
  const c = createClient(app);
  await c.login(names[key]);
  clients.set(key, c);
  return c;
}

type Entry = { id: string; taskId: string; assignmentId: string; version: number; status: AssignmentStatus };
async function reportOf(who: "officerA" | "officerB") {
  const c = await as(who);
  const list = (await c.get(`/api/reports?obligationId=${obligationId}`)).json().reports;
  const res = await c.get(`/api/reports/${list[0].id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().report as { id: string; version: number; entries: Entry[] };
}
const entryOf = async (who: "officerA" | "officerB", key: keyof typeof task) =>
  (await reportOf(who)).entries.find((e) => e.taskId === task[key]) as Entry;

/**
 * What each view should say: unit A finished T1 late and T2 on time; B let both pass. T4 is monthly
 * work: A finished December's part. The views of a report period (its form, the dashboard, its
 * drill-down, the Word report, the Excel export) judge that part: done on time. The views of the work
 * as a whole (my tasks, the task list, the task's page) judge the year's work: still in progress.
 */
const EXPECTED_WHOLE: Record<string, AssignmentStatus> = {
  "A T1": "completedLate",
  "A T2": "completedOnTime",
  "A T3": "inProgress",
  "A T4": "inProgress",
  "B T1": "overdue",
  "B T2": "overdue",
  "B T3": "notStarted",
  "B T4": "notStarted",
};
const EXPECTED_PERIOD: Record<string, AssignmentStatus> = { ...EXPECTED_WHOLE, "A T4": "completedOnTime" };
const PERIOD_VIEWS = new Set(["report form", "drill-down", "Excel export"]);
const keyOfTask = (id: string) => (Object.keys(task) as Array<keyof typeof task>).find((k) => task[k] === id);
const tally = (classes: AssignmentStatus[]) =>
  Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, classes.filter((c) => c === s).length]));

describe("what a unit states", () => {
  it("states progress and the day it finished; the class is never sent", async () => {
    const a = await as("officerA");
    const b = await as("officerB");
    const t1 = await entryOf("officerA", "T1");
    const old = await a.patch(`/api/report-entries/${t1.id}`, {
      version: t1.version,
      status: "completedOnTime",
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.message).toMatch(/Tình trạng nhiệm vụ được tính/);
    const future = await a.patch(`/api/report-entries/${t1.id}`, {
      version: t1.version,
      completedAt: "2026-12-08",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/08\/12\/2026 ở tương lai/);
    const early = await a.patch(`/api/report-entries/${t1.id}`, {
      version: t1.version,
      completedAt: "2026-01-10",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/trước ngày ban hành kế hoạch \(15\/01\/2026\)/);
    expect(
      (await a.patch(`/api/report-entries/${t1.id}`, { version: t1.version, progress: 101 })).statusCode,
    ).toBe(400);
    // Nothing of the refused saves was written.
    expect((await entryOf("officerA", "T1")).version).toBe(t1.version);

    // A reports through its report; B through "my tasks" (the assignment route).
    for (const [key, body] of [
      ["T1", { completedAt: "2026-02-10" }],
      ["T2", { completedAt: "2026-03-01" }],
      ["T3", { progress: 40 }],
      ["T4", { completedAt: "2026-12-05" }],
    ] as const) {
      const e = await entryOf("officerA", key);
      const res = await a.patch(`/api/report-entries/${e.id}`, { version: e.version, ...body });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const [key, progress] of [
      ["T1", 30],
      ["T2", 50],
    ] as const) {
      const e = await entryOf("officerB", key);
      const res = await b.patch(`/api/assignments/${e.assignmentId}`, { progress });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it("gives every task × unit the same class in every view", async () => {
    const coord = await as("coord");
    const seen: Record<string, Record<string, AssignmentStatus>> = {};
    const record = (view: string, unit: string, taskId: string, status: AssignmentStatus) => {
      seen[view] ??= {};
      seen[view][`${unit} ${keyOfTask(taskId)}`] = status;
    };
    const unitOf = (name: string) => (name === unitName.A ? "A" : name === unitName.B ? "B" : "?");

    // "Nhiệm vụ của đơn vị" of each commune.
    for (const [who, unit] of [
      ["officerA", "A"],
      ["officerB", "B"],
    ] as const) {
      const mine = (await (await as(who)).get("/api/tasks/mine?pageSize=50")).json();
      for (const item of mine.items) record("my tasks", unit, item.taskId, item.status);
      expect(mine.counts).toEqual(
        tally(Object.entries(EXPECTED_WHOLE).flatMap(([k, s]) => (k.startsWith(unit) ? [s] : []))),
      );
      const report = await reportOf(who);
      for (const e of report.entries) record("report form", unit, e.taskId, e.status);
    }
    // The task list filtered by unit and class, and each task's page.
    for (const unit of ["A", "B"])
      for (const status of ASSIGNMENT_STATUSES) {
        const list = (
          await coord.get(`/api/tasks?planId=${planId}&unitId=${unitIds[unit]}&status=${status}`)
        ).json();
        for (const t of list.tasks) record("task list", unit, t.id, status);
      }
    for (const key of Object.keys(task) as Array<keyof typeof task>) {
      const detail = (await coord.get(`/api/tasks/${task[key]}`)).json();
      for (const a of detail.assignments) record("task page", unitOf(a.unitName), task[key], a.status);
      // The dashboard's drill-down of the task.
      const drill = (
        await coord.get(
          `/api/reporting/dashboard/task?obligationId=${obligationId}&periodKey=${PERIOD}&taskId=${task[key]}`,
        )
      ).json();
      for (const r of drill.rows) record("drill-down", unitOf(r.unitName), task[key], r.status);
    }
    // The Excel export of the period's entries.
    const xlsx = await coord.get(
      `/api/reporting/entries.xlsx?obligationId=${obligationId}&periodKey=${PERIOD}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const byLabel = Object.fromEntries(
      Object.entries(ASSIGNMENT_STATUS_LABELS_VI).map(([s, label]) => [label, s as AssignmentStatus]),
    );
    wb.worksheets[0].eachRow((row, n) => {
      if (n <= 2) return;
      const content = String(row.getCell(5).value);
      const key = content.replace("Nhiệm vụ ", "") as keyof typeof task;
      record(
        "Excel export",
        unitOf(String(row.getCell(1).value)),
        task[key],
        byLabel[String(row.getCell(8).value)],
      );
    });

    expect(Object.keys(seen).sort()).toEqual(
      ["Excel export", "drill-down", "my tasks", "report form", "task list", "task page"].sort(),
    );
    for (const [view, classes] of Object.entries(seen))
      expect({ view, classes }).toEqual({
        view,
        classes: PERIOD_VIEWS.has(view) ? EXPECTED_PERIOD : EXPECTED_WHOLE,
      });

    // Counts of the period: the dashboard, the consolidated Word report; then the scorecards.
    const expectedCounts = tally(Object.values(EXPECTED_PERIOD));
    const dashboard = (
      await coord.get(`/api/reporting/dashboard?obligationId=${obligationId}&periodKey=${PERIOD}`)
    ).json();
    expect(dashboard.taskStatus).toEqual(expectedCounts);
    const overdue = (
      await coord.get(
        `/api/reporting/dashboard/overdue-tasks?obligationId=${obligationId}&periodKey=${PERIOD}`,
      )
    ).json();
    expect(overdue.total).toBe(expectedCounts.overdue);
    const docx = await coord.post("/api/reporting/consolidated.docx", { obligationId, periodKey: PERIOD });
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")?.async("string");
    const text = (xml ?? "").replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");
    for (const s of ASSIGNMENT_STATUSES)
      expect(text).toContain(`|${ASSIGNMENT_STATUS_LABELS_VI[s]}|${expectedCounts[s]}|`);
    const scorecards = (await coord.get(`/api/reporting/scorecards?year=2026&planId=${planId}`)).json()
      .scorecards;
    const card = (name: string) => scorecards.find((s: { unitName: string }) => s.unitName === name);
    // Due in 2026: T1, T2 and the year's monthly work T4, judged whole (not finished, not yet due).
    expect(card(unitName.A)).toMatchObject({ tasksDue: 3, tasksOnTime: 1, tasksLate: 1, tasksOverdue: 0 });
    expect(card(unitName.B)).toMatchObject({ tasksDue: 3, tasksOnTime: 0, tasksLate: 0, tasksOverdue: 2 });
  });
});

describe("one write path of progress", () => {
  const taskProgress = async (key: keyof typeof task) =>
    (
      await database.query<{ progress: number }>("select progress from plan_tasks where id = $1", [task[key]])
    )[0].progress;
  /** The plan's progress as its page and the plan list show it, beside core's rule over its tasks. */
  const planProgressSeen = async () => {
    const c = await as("coord");
    const detail = (await c.get(`/api/plans/${planId}`)).json();
    const listed = (await c.get("/api/plans?pageSize=100"))
      .json()
      .plans.find((p: { id: string }) => p.id === planId);
    const tasks = await database.query<{ progress: number }>(
      "select progress from plan_tasks where plan_id = $1 and kind = 'task' and removed_at is null",
      [planId],
    );
    return {
      detail: detail.plan.progress,
      listed: listed?.progress,
      rule: planProgress(tasks.map((t) => t.progress)),
    };
  };
  const expectPlanProgress = async (value: number) =>
    expect(await planProgressSeen()).toEqual({ detail: value, listed: value, rule: value });

  it("rolls up the same from a report's autosave and from the assignment route, and keeps one figure", async () => {
    // A said 40 % on T3 in its report; B says 60 % in "my tasks": the task is the mean of its leads.
    const b = await as("officerB");
    const bT3 = await entryOf("officerB", "T3");
    expect((await b.patch(`/api/assignments/${bT3.assignmentId}`, { progress: 60 })).statusCode).toBe(200);
    expect(await taskProgress("T3")).toBe(50);
    const planAfterRoute = (await planProgressSeen()).rule;
    await expectPlanProgress(planAfterRoute);
    // B's report says what "my tasks" said: one figure per assignment.
    const after = await entryOf("officerB", "T3");
    expect(after).toMatchObject({ progress: 60, version: bT3.version + 1 });
    // The same statement through the report's autosave gives the same task progress.
    const viaReport = await b.patch(`/api/report-entries/${after.id}`, {
      version: after.version,
      progress: 80,
    });
    expect(viaReport.statusCode, viaReport.body).toBe(200);
    expect(await taskProgress("T3")).toBe(60);
    const planAfterReport = (await planProgressSeen()).rule;
    await expectPlanProgress(planAfterReport);
    expect((await b.patch(`/api/assignments/${bT3.assignmentId}`, { progress: 80 })).statusCode).toBe(200);
    expect(await taskProgress("T3")).toBe(60);
    // The same statement by either path leaves the plan where the other left it.
    await expectPlanProgress(planAfterReport);
    const [assignment] = await database.query<{ progress: number }>(
      "select progress from task_assignments where id = $1",
      [bT3.assignmentId],
    );
    expect(assignment.progress).toBe(80);
  });

  it("two units saving the same task at once: the task is the mean of both, never the last one's alone", async () => {
    const a = await as("officerA");
    const b = await as("officerB");
    for (let round = 0; round < 20; round++) {
      const [ea, eb] = [await entryOf("officerA", "T3"), await entryOf("officerB", "T3")];
      const [pa, pb] = [(round * 37) % 100, (round * 59 + 11) % 100];
      const [ra, rb] = await Promise.all([
        a.patch(`/api/report-entries/${ea.id}`, { version: ea.version, progress: pa }),
        b.patch(`/api/report-entries/${eb.id}`, { version: eb.version, progress: pb }),
      ]);
      expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
      expect(await taskProgress("T3")).toBe(Math.round((pa + pb) / 2));
    }
    // Leave B at 80 % as the next test expects.
    const eb = await entryOf("officerB", "T3");
    expect(
      (await b.patch(`/api/report-entries/${eb.id}`, { version: eb.version, progress: 80 })).statusCode,
    ).toBe(200);
    const ea = await entryOf("officerA", "T3");
    expect(
      (await a.patch(`/api/report-entries/${ea.id}`, { version: ea.version, progress: 40 })).statusCode,
    ).toBe(200);
  });

  it("refuses a save into an ended assignment after the task is handed to another unit", async () => {
    const bT3 = await entryOf("officerB", "T3");
    const admin = await as("admin");
    const moved = await admin.post(`/api/assignments/${bT3.assignmentId}/reassign`, {
      toUnitId: unitIds.C,
      reason: "Giao lại cho xã Cát Tiến theo quyết định mới",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const b = await as("officerB");
    const late = await b.patch(`/api/report-entries/${bT3.id}`, {
      version: bT3.version,
      narrative: "Vẫn lưu",
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toMatch(/đã được giao cho đơn vị khác/);
    const direct = await b.patch(`/api/assignments/${bT3.assignmentId}`, { progress: 90 });
    expect(direct.statusCode).toBe(400);
    expect((await entryOf("officerB", "T3")).version).toBe(bT3.version);
    // Cát Tiến took B's 80 %; A (40 %) hands its part to Cát Tiến too, which already does the task:
    // the task is now Cát Tiến's work alone.
    expect(await taskProgress("T3")).toBe(60);
    const aT3 = await entryOf("officerA", "T3");
    const merged = await admin.post(`/api/assignments/${aT3.assignmentId}/reassign`, {
      toUnitId: unitIds.C,
      reason: "Xã Cát Tiến đảm nhận toàn bộ nhiệm vụ",
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await taskProgress("T3")).toBe(80);
  });

  it("two people saving a report's general part at once queue or conflict, never 500 (50 rounds)", async () => {
    const a = await as("officerA");
    const other = createClient(app);
    await other.login(names.officerA);
    const statuses = new Set<number>();
    for (let round = 0; round < 50; round++) {
      const { id, version } = await reportOf("officerA");
      const [x, y] = await Promise.all([
        a.patch(`/api/reports/${id}`, { version, results: `Vòng ${round}: người thứ nhất` }),
        other.patch(`/api/reports/${id}`, { version, results: `Vòng ${round}: người thứ hai` }),
      ]);
      statuses.add(x.statusCode);
      statuses.add(y.statusCode);
      expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    }
    expect([...statuses].sort()).toEqual([200, 409]);
  }, 120_000);
});
