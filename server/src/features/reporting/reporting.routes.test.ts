import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodContaining, shiftPeriod } from "../../../../core/src/reporting/periods";
import { findCodes } from "../../../../core/src/words/code-patterns";
import { componentName } from "../../../../core/src/words/indices";
import { createTestDatabase } from "../../../test/database";
import { docxText, xlsxText } from "../../../test/document-text";
import { buildIssuedPlan, buildProvince, buildUnit, buildUser } from "../../../test/factories";
import { createClient } from "../../../test/http";
import { expectOfficialTable, firstSheet } from "../../../test/xlsx-shape";
import { buildApp } from "../../app/build-app";
import { provinceToday } from "../../app/clock";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { auditLog } from "../audit/audit.table";
import { createEntriesRepository } from "./entries/entries.repository";
import { runNoticeMail } from "./reminders/reminders.service";
import { reportEvidence } from "./reporting.table";

let database: Database;
let app: FastifyInstance;
let dataDir: string;
const u: Record<string, { id: string; path: string; kind: string }> = {};
const names: Record<string, string> = {};
let planId: string;
let draftPlanId: string;
const taskIds: string[] = [];
const thisMonth = periodContaining("monthly", provinceToday());
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-reporting-"));
  app = await buildApp({ database, config: testConfig({ dataDir }) });
  const province = await buildProvince(db, { name: "Tỉnh Gia Lai" });
  u.province = province;
  u.snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  u.comA = await buildUnit(db, { kind: "commune", name: "Xã An Phú", parentId: province.id });
  u.comB = await buildUnit(db, { kind: "commune", name: "Xã Bình Minh", parentId: province.id });
  for (const [key, unit, roles] of [
    ["coord", u.snv, ["coordinator"]],
    ["officerA", u.comA, ["officer"]],
    ["headA", u.comA, ["head"]],
    ["officerB", u.comB, ["officer"]],
  ] as const) {
    const user = await buildUser(db, { unitId: unit.id, roles: [...roles] });
    names[key] = user.username;
  }
  const targets = [{ measure: "Tỷ lệ hồ sơ trực tuyến", comparator: "≥", value: 40, unit: "%" }];
  const components = [{ versionCode: "PCI-2022", componentCode: "TRANSPARENCY" }];
  // Commune A leads both tasks; commune B leads the second.
  const built = await buildIssuedPlan(db, {
    provinceId: province.id,
    title: "Kế hoạch cải thiện PCI",
    tasks: [
      { content: "Công khai thu chi ngân sách", dueDate: "2020-01-31", components, leads: [u.comA] },
      {
        content: "Đẩy mạnh dịch vụ công trực tuyến",
        dueDate: "2099-12-31",
        quantitativeTargets: targets,
        components,
        leads: [u.comA, u.comB],
      },
    ],
  });
  planId = built.plan.id;
  taskIds.push(...built.taskIds);
  draftPlanId = (await buildIssuedPlan(db, { provinceId: province.id, title: "Dự thảo", status: "draft" }))
    .plan.id;
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
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

const monthly = () => ({
  title: "Báo cáo tình hình thực hiện hằng tháng",
  frequency: "monthly",
  dueRule: { kind: "daysAfterEnd", days: 15 },
  receivingUnitId: u.snv.id,
});

let obligationId: string;
let reportA: {
  id: string;
  version: number;
  entries: Array<{ id: string; taskId: string; assignmentId: string; version: number }>;
};
let reportBId: string;
/** Commune A's report of the month after, opened by the carry-forward test. */
let nextReport: {
  id: string;
  entries: Array<{ id: string; taskId: string; version: number; reviewMark: string | null }>;
};

describe("reporting obligations and periods", () => {
  it("answers 401 without a session", async () => {
    const res = await app.inject({ method: "GET", url: `/api/plans/${planId}/reporting-obligations` });
    expect(res.statusCode).toBe(401);
  });

  it("returns 400 with a message when the due rule is missing", async () => {
    const c = await as("coord");
    const res = await c.post(`/api/plans/${planId}/reporting-obligations`, {
      ...monthly(),
      dueRule: undefined,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/quy tắc hạn/);
  });

  it("returns 403 when a commune officer sets an obligation, 403 on a draft plan, 404 on an unknown plan", async () => {
    expect(
      (await (await as("officerA")).post(`/api/plans/${planId}/reporting-obligations`, monthly())).statusCode,
    ).toBe(403);
    const c = await as("coord");
    expect((await c.post(`/api/plans/${draftPlanId}/reporting-obligations`, monthly())).statusCode).toBe(403);
    expect(
      (await c.post("/api/plans/00000000-0000-4000-8000-000000000000/reporting-obligations", monthly()))
        .statusCode,
    ).toBe(404);
  });

  it("creates an obligation for an issued plan, with an audit record", async () => {
    const c = await as("coord");
    const res = await c.post(`/api/plans/${planId}/reporting-obligations`, monthly());
    expect(res.statusCode, res.body).toBe(201);
    obligationId = res.json().obligation.id;
    expect(res.json().obligation).toMatchObject({ frequency: "monthly", receivingUnitName: "Sở Nội vụ" });
    const list = await c.get(`/api/plans/${planId}/reporting-obligations`);
    expect(list.json().obligations).toHaveLength(1);
    const audits = await database.db.select().from(auditLog);
    expect(audits.some((a) => a.entity === "reportingObligation" && a.action === "create")).toBe(true);
  });

  it("opens a period: one report per assigned unit, an entry per assignment; opening again adds nothing", async () => {
    const c = await as("coord");
    expect(
      (
        await (
          await as("officerA")
        ).post(`/api/reporting-obligations/${obligationId}/periods`, { periodKey: thisMonth.key })
      ).statusCode,
    ).toBe(403);
    const bad = await c.post(`/api/reporting-obligations/${obligationId}/periods`, { periodKey: "2025-Q1" });
    expect(bad.statusCode).toBe(400);
    const res = await c.post(`/api/reporting-obligations/${obligationId}/periods`, {
      periodKey: thisMonth.key,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reportsCreated: 2, entriesCreated: 3 });
    const again = await c.post(`/api/reporting-obligations/${obligationId}/periods`, {
      periodKey: thisMonth.key,
    });
    expect(again.json()).toMatchObject({ reportsCreated: 0, entriesCreated: 0 });
  });
});

describe("a unit's report", () => {
  it("lists only the unit's own report to its officer; the other commune's is not found", async () => {
    const a = await as("officerA");
    const list = (await a.get(`/api/reports?obligationId=${obligationId}`)).json().reports;
    expect(list).toHaveLength(1);
    expect(list[0].unitName).toBe("Xã An Phú");
    const all = (await (await as("coord")).get(`/api/reports?obligationId=${obligationId}`)).json().reports;
    expect(all).toHaveLength(2);
    reportBId = all.find((r: { unitName: string }) => r.unitName === "Xã Bình Minh").id;
    expect((await a.get(`/api/reports/${reportBId}`)).statusCode).toBe(404);
    const res = await a.get(`/api/reports/${list[0].id}`);
    expect(res.statusCode, res.body).toBe(200);
    reportA = res.json().report;
    expect(reportA.entries).toHaveLength(2);
    expect(res.json().report.can).toMatchObject({ edit: true, submit: true, accept: false });
  });

  it("autosaves an entry and refuses a stale version with 409 and the current values", async () => {
    const a = await as("officerA");
    const entry = reportA.entries.find((e) => e.taskId === taskIds[1])!;
    const saved = await a.patch(`/api/report-entries/${entry.id}`, {
      version: entry.version,
      progress: 60,
      narrative: "Đã đưa 45% hồ sơ lên mạng",
      figures: [{ measure: "Tỷ lệ hồ sơ trực tuyến", value: 45 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().entry).toMatchObject({
      progress: 60,
      version: entry.version + 1,
      figures: [{ measure: "Tỷ lệ hồ sơ trực tuyến", value: 45 }],
    });
    // The assignment carries the progress; saving text alone rewrites no assignment.
    const assignment = async () =>
      (
        await database.query<{ progress: number; updated_at: Date }>(
          "select progress, updated_at from task_assignments where id = $1",
          [entry.assignmentId],
        )
      )[0];
    const carried = await assignment();
    expect(carried.progress).toBe(60);
    const text = await a.patch(`/api/report-entries/${entry.id}`, {
      version: entry.version + 1,
      narrative: "Đã đưa 45% hồ sơ lên mạng",
    });
    expect(text.statusCode, text.body).toBe(200);
    expect(await assignment()).toEqual(carried);
    entry.version += 1;
    const stale = await (await as("headA")).patch(`/api/report-entries/${entry.id}`, {
      version: entry.version,
      narrative: "Bản của người thứ hai",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.narrative).toBe("Đã đưa 45% hồ sơ lên mạng");
    // Each save that wrote left one record with before and after, in its statement; the refused one none.
    const audits = await database.query<{
      actor_name: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }>(
      "select actor_name, before, after from audit_log where entity = 'reportEntry' and entity_id = $1 order by at",
      [entry.id],
    );
    expect(audits).toHaveLength(2);
    expect(audits[0].after).toMatchObject({ progress: 60, narrative: "Đã đưa 45% hồ sơ lên mạng" });
    expect(audits[1].before).toEqual({ narrative: "Đã đưa 45% hồ sơ lên mạng" });
  });

  it("writes no entry, progress or record when its report moved after the save checked it", async () => {
    const entry = reportA.entries.find((e) => e.taskId === taskIds[1])!;
    const repo = createEntriesRepository(database.db);
    const found = (await repo.findEntryWithReport(entry.id))!;
    expect(found.entry.id).toBe(entry.id);
    const auditsBefore = await database.query("select id from audit_log");
    const result = await repo.updateEntry({
      id: entry.id,
      version: found.entry.version,
      report: { id: found.report.id, version: found.report.version - 1 },
      set: { narrative: "Không được ghi", progress: 99, completedAt: null },
      userId: (await database.query<{ id: string }>("select id from users limit 1"))[0].id,
      audit: (source) =>
        sql`insert into audit_log (actor_name, entity, action) select 'x', 'x', 'x' from ${source}`,
    });
    expect(result).toEqual({ entry: null, reportChanged: true, cascadeParent: null });
    expect((await repo.findEntryView(entry.id))?.narrative).toBe(found.entry.narrative);
    expect(await database.query("select id from audit_log")).toHaveLength(auditsBefore.length);
  });

  it("saves the report's general part: results, difficulties and proposals", async () => {
    const a = await as("officerA");
    const version = (await a.get(`/api/reports/${reportA.id}`)).json().report.version;
    const res = await a.patch(`/api/reports/${reportA.id}`, {
      version,
      results: "",
      difficulties: "Thiếu máy quét hồ sơ.",
      proposals: "Đề nghị tỉnh cấp thêm máy quét cho bộ phận một cửa.",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report).toMatchObject({
      proposals: "Đề nghị tỉnh cấp thêm máy quét cho bộ phận một cửa.",
    });
  });

  it("refuses figures of unknown measures, out of range, or of the wrong type, writing nothing", async () => {
    const a = await as("officerA");
    const entry = reportA.entries.find((e) => e.taskId === taskIds[1])!;
    const v = entry.version + 1;
    const unknown = await a.patch(`/api/report-entries/${entry.id}`, {
      version: v,
      figures: [{ measure: "Khác", value: 1 }],
    });
    expect(unknown.statusCode).toBe(400);
    const range = await a.patch(`/api/report-entries/${entry.id}`, {
      version: v,
      figures: [{ measure: "Tỷ lệ hồ sơ trực tuyến", value: 140 }],
    });
    expect(range.json().error.code).toBe("reportEntry.figureRange");
    const type = await a.patch(`/api/report-entries/${entry.id}`, {
      version: v,
      figures: [{ measure: "Tỷ lệ hồ sơ trực tuyến", value: "nhiều" }],
    });
    expect(type.statusCode).toBe(400);
    expect((await a.patch(`/api/report-entries/${entry.id}`, { version: v, progress: 150 })).statusCode).toBe(
      400,
    );
    const current = (await a.get(`/api/reports/${reportA.id}`))
      .json()
      .report.entries.find((e: { id: string }) => e.id === entry.id);
    expect(current.version).toBe(v);
    expect(current.figures).toEqual([{ measure: "Tỷ lệ hồ sơ trực tuyến", value: 45 }]);
  });

  it("returns 404 when another commune saves this unit's entry", async () => {
    const entry = reportA.entries[0];
    const res = await (await as("officerB")).patch(`/api/report-entries/${entry.id}`, {
      version: 1,
      progress: 10,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("evidence", () => {
  it("stores a PDF outside the web root and serves it as an attachment to those who may read it", async () => {
    const a = await as("officerA");
    const res = await a.upload(`/api/reports/${reportA.id}/evidence`, {
      fileName: "bien-ban.pdf",
      data: PDF,
    });
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json().evidence;
    expect(ev).toMatchObject({ kind: "file", contentType: "application/pdf", size: PDF.byteLength });
    const dl = await a.get(`/api/evidence/${ev.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(dl.body.startsWith("%PDF-")).toBe(true);
    expect((await (await as("officerB")).get(`/api/evidence/${ev.id}/download`)).statusCode).toBe(404);
    const stored = fs.readdirSync(path.join(dataDir, "files", u.comA.id));
    expect(stored).toHaveLength(1);
    expect(stored[0].endsWith(".part")).toBe(false);
  });

  it("refuses a file whose content does not match its name, leaving no row and no file", async () => {
    const a = await as("officerA");
    const before = (await database.db.select().from(reportEvidence)).length;
    const res = await a.upload(`/api/reports/${reportA.id}/evidence`, { fileName: "anh.png", data: PDF });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("evidence.contentMismatch");
    const exe = await a.upload(`/api/reports/${reportA.id}/evidence`, { fileName: "virus.exe", data: "MZ" });
    expect(exe.statusCode).toBe(400);
    expect((await database.db.select().from(reportEvidence)).length).toBe(before);
    expect(fs.readdirSync(path.join(dataDir, "files", u.comA.id))).toHaveLength(1);
  });

  it("accepts a link, refusing one that is not http(s)", async () => {
    const a = await as("officerA");
    const ok = await a.post(`/api/reports/${reportA.id}/evidence-links`, {
      url: "https://congbao.gov.vn/van-ban/1",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await a.post(`/api/reports/${reportA.id}/evidence-links`, { url: "javascript:alert(1)" });
    expect(bad.statusCode).toBe(400);
  });
});

describe("review", () => {
  const act = async (who: string, action: string, extra: Record<string, unknown> = {}) => {
    const c = await as(who);
    const version = (await c.get(`/api/reports/${reportA.id}`)).json().report.version;
    return c.post(`/api/reports/${reportA.id}/transitions`, { action, version, ...extra });
  };

  it("a commune submits, the coordinator returns with a reason, the commune resubmits, the coordinator accepts", async () => {
    const submitted = await act("officerA", "submit");
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().report.state).toBe("submitted");
    const entry = reportA.entries[0];
    const late = await (await as("officerA")).patch(`/api/report-entries/${entry.id}`, {
      version: 1,
      progress: 5,
    });
    expect(late.statusCode).toBe(409);
    expect((await act("officerA", "accept")).statusCode).toBe(403);
    const noReason = await act("coord", "return");
    expect(noReason.statusCode).toBe(400);
    const returned = await act("coord", "return", { reason: "Thiếu minh chứng nhiệm vụ 1" });
    expect(returned.json().report).toMatchObject({
      state: "returned",
      returnReason: "Thiếu minh chứng nhiệm vụ 1",
    });
    const c = await as("coord");
    const comment = await c.post(`/api/reports/${reportA.id}/comments`, {
      taskId: taskIds[0],
      body: "Bổ sung biên bản",
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const seen = (await (await as("officerA")).get(`/api/reports/${reportA.id}`)).json().report.comments;
    expect(seen.map((x: { body: string }) => x.body)).toContain("Bổ sung biên bản");
    expect((await act("officerA", "resubmit")).json().report.state).toBe("resubmitted");
    expect((await act("coord", "accept")).json().report.state).toBe("accepted");
    // Each side heard of the other's acts, where it works (the bell), newest first.
    const notices = async (who: string) =>
      (await (await as(who)).get("/api/notifications"))
        .json()
        .notifications.filter((n: { reportId: string | null }) => n.reportId === reportA.id) as Array<{
        kind: string;
        title: string;
        body: string;
      }>;
    const unitSide = await notices("officerA");
    expect(unitSide.map((n) => n.kind)).toEqual(["accepted", "comment", "returned"]);
    expect(unitSide[2].title).toMatch(/^Báo cáo bị trả lại: /);
    expect(unitSide[2].body).toContain("Lý do: Thiếu minh chứng nhiệm vụ 1");
    expect(unitSide[1].body).toContain("Bổ sung biên bản");
    const receiverSide = await notices("coord");
    expect(receiverSide.map((n) => n.kind)).toEqual(["resubmitted", "received"]);
    expect(receiverSide[1].title).toBe(`Đã nhận báo cáo: Xã An Phú`);
    // Commune B sees none of commune A's notices.
    expect(await notices("officerB")).toEqual([]);
    const audits = await database.db.select().from(auditLog);
    expect(audits.filter((a) => a.entity === "report").map((a) => a.action)).toEqual(
      expect.arrayContaining(["submit", "return", "resubmit", "accept"]),
    );
  });

  it("refuses a stale version of a transition with 409", async () => {
    const res = await (await as("coord")).post(`/api/reports/${reportA.id}/transitions`, {
      action: "reopen",
      reason: "Sửa số liệu",
      version: 1,
    });
    expect(res.statusCode).toBe(409);
  });

  it("reopening is an explicit, logged act of the coordinator", async () => {
    expect((await act("officerA", "reopen", { reason: "x" })).statusCode).toBe(403);
    const res = await act("coord", "reopen", { reason: "Sửa số liệu quý" });
    expect(res.json().report.state).toBe("returned");
    const audits = await database.db.select().from(auditLog);
    expect(audits.some((a) => a.entity === "report" && a.action === "reopen")).toBe(true);
    expect((await act("officerA", "resubmit")).json().report.state).toBe("resubmitted");
    expect((await act("coord", "accept")).json().report.state).toBe("accepted");
  });
});

describe("e-mail of review notices", () => {
  it("mails each review notice once to the notified unit's staff who take e-mail one by one", async () => {
    await database.query("update users set email = username || '@chiso.test'");
    const headA = (
      await database.query<{ id: string }>("select id from users where username = $1", [names.headA])
    )[0];
    await database.query("insert into notification_preferences (user_id, email_mode) values ($1, 'daily')", [
      headA.id,
    ]);
    const sent: Array<{ to: string[]; subject: string; text: string }> = [];
    const mailer = { send: async (m: { to: string[]; subject: string; text: string }) => void sent.push(m) };
    const claimed = await runNoticeMail({ db: database.db, mailer });
    expect(claimed.length).toBeGreaterThan(0);
    const returned = sent.find((m) => m.subject.startsWith("Báo cáo bị trả lại"));
    expect(returned?.to).toEqual([`${names.officerA}@chiso.test`]);
    expect(returned?.text).toMatch(/Lý do:/);
    // The receiving unit's coordinator hears that a report arrived.
    const received = sent.find((m) => m.subject.startsWith("Đã nhận báo cáo"));
    expect(received?.to).toContain(`${names.coord}@chiso.test`);
    // Sent once: a second run (a restart) finds nothing to send.
    expect(await runNoticeMail({ db: database.db, mailer })).toEqual([]);
    expect(sent.length).toBeLessThanOrEqual(claimed.length);
    // The head chose the daily digest: no single e-mail.
    expect(sent.some((m) => m.to.includes(`${names.headA}@chiso.test`))).toBe(false);
  });

  it("never mails reminders through this path, and lets unmailed notices expire after a day", async () => {
    await database.query(
      "insert into notifications (unit_id, kind, title, mail_state, created_at) values ($1, 'returned', 'Cũ', 'pending', now() - interval '2 days'), ($1, 'reminder', 'Nhắc hạn', null, now())",
      [u.comA.id],
    );
    const sent: string[] = [];
    expect(
      await runNoticeMail({ db: database.db, mailer: { send: async (m) => void sent.push(m.subject) } }),
    ).toEqual([]);
    expect(sent).toEqual([]);
    const states = await database.query<{ mail_state: string | null }>(
      "select mail_state from notifications where title in ('Cũ', 'Nhắc hạn') order by title",
    );
    expect(states.map((s) => s.mail_state)).toEqual(["expired", null]);
  });
});

describe("dashboard", () => {
  it("counts expected, received and on time by unit kind; overdue tasks and late units; components", async () => {
    const res = await (await as("coord")).get(
      `/api/reporting/dashboard?obligationId=${obligationId}&periodKey=${thisMonth.key}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.totals).toEqual({ expected: 2, received: 1, onTime: 1 });
    expect(d.byKind).toEqual([{ unitKind: "commune", expected: 2, received: 1, onTime: 1 }]);
    expect(d.byLevel).toEqual([{ level: "commune", expected: 2, received: 1, onTime: 1 }]);
    // The trend ends with this period, with the same counts.
    expect(d.trend.at(-1)).toEqual({
      periodKey: thisMonth.key,
      periodLabel: d.periodLabel,
      expected: 2,
      received: 1,
      onTime: 1,
    });
    expect(d.taskStatus.overdue).toBe(1);
    expect(d.taskStatus.inProgress).toBe(1);
    expect(d.taskStatus.notStarted).toBe(1);
    // The overdue list (paged apart) holds what the counter counts.
    const overdue = (
      await (
        await as("coord")
      ).get(`/api/reporting/dashboard/overdue-tasks?obligationId=${obligationId}&periodKey=${thisMonth.key}`)
    ).json();
    expect(overdue.items.map((t: { taskId: string }) => t.taskId)).toEqual([taskIds[0]]);
    expect(overdue.total).toBe(d.taskStatus.overdue);
    expect(d.components).toEqual([
      {
        versionCode: "PCI-2022",
        componentCode: "TRANSPARENCY",
        nameVi: componentName("PCI-2022", "TRANSPARENCY"),
        nameEn: componentName("PCI-2022", "TRANSPARENCY", "en"),
        tasks: 2,
        entries: 3,
        meanProgress: 20,
        completed: 0,
      },
    ]);
  });

  it("shows a commune only its own figures", async () => {
    const d = (
      await (
        await as("officerB")
      ).get(`/api/reporting/dashboard?obligationId=${obligationId}&periodKey=${thisMonth.key}`)
    ).json();
    expect(d.totals).toEqual({ expected: 1, received: 0, onTime: 0 });
    const overdue = (
      await (
        await as("officerB")
      ).get(`/api/reporting/dashboard/overdue-tasks?obligationId=${obligationId}&periodKey=${thisMonth.key}`)
    ).json();
    expect(overdue).toMatchObject({ items: [], total: 0 });
  });

  it("gives the tasks' state per period, in scope, apart from the dashboard", async () => {
    const url = `/api/reporting/dashboard/progress-trend?obligationId=${obligationId}`;
    const res = await (await as("coord")).get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().periods).toEqual([
      {
        periodKey: thisMonth.key,
        periodLabel: expect.stringMatching(/^Tháng /),
        entries: 3,
        completed: 0,
        overdue: 1,
        meanProgress: 20,
      },
    ]);
    const b = (await (await as("officerB")).get(url)).json().periods;
    expect(b.map((p: { entries: number }) => p.entries)).toEqual([1]);
    expect((await app.inject({ method: "GET", url })).statusCode).toBe(401);
    const bad = await (await as("coord")).get("/api/reporting/dashboard/progress-trend?obligationId=x");
    expect(bad.statusCode).toBe(400);
    const unknown = await (await as("coord")).get(
      "/api/reporting/dashboard/progress-trend?obligationId=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("answers from memory until a report changes state, whoever changes it", async () => {
    const c = await as("coord");
    const url = `/api/reporting/dashboard?obligationId=${obligationId}&periodKey=${thisMonth.key}`;
    const first = (await c.get(url)).json();
    expect(Date.parse(first.computedAt)).not.toBeNaN();
    expect((await c.get(url)).json().computedAt).toBe(first.computedAt);
    // Another process submits commune B's report: the next answer counts it.
    const setState = (state: string, sentAt: string | null) =>
      database.query(
        "update reports set state = $1, first_submitted_at = $2 where unit_id = $3 and obligation_id = $4 and period_key = $5",
        [state, sentAt, u.comB.id, obligationId, thisMonth.key],
      );
    await setState("submitted", new Date().toISOString());
    expect((await c.get(url)).json().totals).toEqual({ expected: 2, received: 2, onTime: 2 });
    await setState("draft", null);
    expect((await c.get(url)).json().totals).toEqual(first.totals);
  });

  it("returns 400 on a malformed period and 404 on an unknown obligation", async () => {
    const c = await as("coord");
    expect(
      (await c.get(`/api/reporting/dashboard?obligationId=${obligationId}&periodKey=bad`)).statusCode,
    ).toBe(400);
    expect(
      (
        await c.get(
          `/api/reporting/dashboard?obligationId=00000000-0000-4000-8000-000000000000&periodKey=2025-M01`,
        )
      ).statusCode,
    ).toBe(404);
  });
});

describe("dashboard drill-down to a task", () => {
  const url = (taskId: string, extra = "") =>
    `/api/reporting/dashboard/task?obligationId=${obligationId}&periodKey=${thisMonth.key}&taskId=${taskId}${extra}`;

  it("lists every unit's entry on the task for the period, with status counts, a page at a time", async () => {
    const c = await as("coord");
    const res = await c.get(url(taskIds[1]));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.task).toMatchObject({ id: taskIds[1] });
    expect(d.total).toBe(2);
    expect(d.rows.map((r: { unitName: string }) => r.unitName)).toEqual(["Xã An Phú", "Xã Bình Minh"]);
    expect(d.counts).toMatchObject({ inProgress: 1, notStarted: 1, overdue: 0 });
    const started = (await c.get(url(taskIds[1], "&status=inProgress"))).json();
    expect(started.total).toBe(1);
    expect(started.rows).toMatchObject([{ unitName: "Xã An Phú", progress: 60, status: "inProgress" }]);
    const paged = (await c.get(url(taskIds[1], "&page=2&pageSize=1"))).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.rows.map((r: { unitName: string }) => r.unitName)).toEqual(["Xã Bình Minh"]);
    // The first task is past due and unfinished: overdue, as the dashboard's list counts it.
    const late = (await c.get(url(taskIds[0]))).json();
    expect(late.counts.overdue).toBe(1);
    expect(late.rows).toMatchObject([{ unitName: "Xã An Phú", status: "overdue" }]);
  });

  it("shows a commune only its own entry", async () => {
    const d = (await (await as("officerB")).get(url(taskIds[1]))).json();
    expect(d.rows.map((r: { unitId: string }) => r.unitId)).toEqual([u.comB.id]);
    expect(d.total).toBe(1);
  });

  it("answers 401 without a session, 400 on bad input, 404 on a task outside the plan", async () => {
    expect((await app.inject({ method: "GET", url: url(taskIds[0]) })).statusCode).toBe(401);
    const c = await as("coord");
    const badId = await c.get(url("nhiệm-vụ"));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/Mã định danh không hợp lệ/);
    const badStatus = await c.get(url(taskIds[0], "&status=xong"));
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.message).toMatch(/Tình trạng nhiệm vụ không hợp lệ/);
    expect((await c.get(url(taskIds[0], "&pageSize=100000"))).statusCode).toBe(400);
    const elsewhere = await c.get(url("00000000-0000-4000-8000-000000000000"));
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.code).toBe("reporting.taskNotFound");
    const noObligation = await c.get(
      `/api/reporting/dashboard/task?obligationId=00000000-0000-4000-8000-000000000000&periodKey=${thisMonth.key}&taskId=${taskIds[0]}`,
    );
    expect(noObligation.statusCode).toBe(404);
  });
});

describe("carry forward and lock date", () => {
  it("carries the previous period's entries into the next period", async () => {
    const next = shiftPeriod(thisMonth, 1);
    const c = await as("coord");
    await c.post(`/api/reporting-obligations/${obligationId}/periods`, { periodKey: next.key });
    const list = (
      await (await as("officerA")).get(`/api/reports?obligationId=${obligationId}&periodKey=${next.key}`)
    ).json().reports;
    const report = (await (await as("officerA")).get(`/api/reports/${list[0].id}`)).json().report;
    const entry = report.entries.find((e: { taskId: string }) => e.taskId === taskIds[1]);
    // Last period's text is shown as last period's, apart: this period's starts empty, unreviewed.
    expect(entry).toMatchObject({
      progress: 60,
      narrative: "",
      previousNarrative: "Đã đưa 45% hồ sơ lên mạng",
      reviewMark: null,
      carriedForward: true,
      version: 1,
    });
    nextReport = report;
  });

  it("records 'không thay đổi' of one task as its own audited act; a written task is 'updated'", async () => {
    const a = await as("officerA");
    const [first, second] = nextReport.entries;
    const carried = nextReport.entries.find((e) => e.taskId === taskIds[1]) as (typeof nextReport.entries)[0];
    const other = carried === first ? second : first;
    const mixed = await a.patch(`/api/report-entries/${carried.id}`, {
      version: carried.version,
      unchanged: true,
      narrative: "x",
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.body).toContain("Không thay đổi");
    const confirmed = await a.patch(`/api/report-entries/${carried.id}`, {
      version: carried.version,
      unchanged: true,
    });
    expect(confirmed.statusCode).toBe(200);
    // Confirmed unchanged: the last period's text is this period's, by the officer's own act.
    expect(confirmed.json().entry).toMatchObject({
      reviewMark: "unchanged",
      narrative: "Đã đưa 45% hồ sơ lên mạng",
      progress: 60,
      version: carried.version + 1,
    });
    const written = await a.patch(`/api/report-entries/${other.id}`, {
      version: other.version,
      narrative: "Tháng này đã công khai đủ",
    });
    expect(written.json().entry.reviewMark).toBe("updated");
    const again = await a.patch(`/api/report-entries/${other.id}`, {
      version: written.json().entry.version,
      unchanged: true,
    });
    expect(again.statusCode).toBe(400);
    const records = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${carried.id} and ${auditLog.action} = 'unchanged'`);
    expect(records).toHaveLength(1);
    const report = (await a.get(`/api/reports/${nextReport.id}`)).json().report;
    const marks = Object.fromEntries(
      report.entries.map((e: { id: string; reviewMark: string | null }) => [e.id, e.reviewMark]),
    );
    expect(marks).toEqual({ [carried.id]: "unchanged", [other.id]: "updated" });
  });

  it("confirms every task still untouched at once: 401, 400, 404, then only the untouched", async () => {
    const next = shiftPeriod(thisMonth, 1);
    const list = (
      await (await as("officerB")).get(`/api/reports?obligationId=${obligationId}&periodKey=${next.key}`)
    ).json().reports;
    const b = await as("officerB");
    const report = (await b.get(`/api/reports/${list[0].id}`)).json().report;
    const url = `/api/reports/${report.id}/unchanged`;
    const body = {
      entries: report.entries.map((e: { id: string; version: number }) => ({ id: e.id, version: e.version })),
    };
    expect((await createClient(app).post(url, body)).statusCode).toBe(401);
    const empty = await b.post(url, { entries: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Chưa chọn nhiệm vụ nào");
    // Another commune's report is not found; so is an entry of another report named in this one's.
    expect((await (await as("officerA")).post(url, body)).statusCode).toBe(404);
    const foreign = await b.post(url, { entries: [{ id: nextReport.entries[0].id, version: 1 }] });
    expect(foreign.statusCode).toBe(404);
    const done = await b.post(url, body);
    expect(done.statusCode).toBe(200);
    expect(done.json().entries.map((e: { reviewMark: string }) => e.reviewMark)).toEqual(
      report.entries.map(() => "unchanged"),
    );
    // Again: nothing is left untouched, nothing is written twice.
    expect((await b.post(url, body)).json().entries).toEqual([]);
    const records = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${report.entries[0].id} and ${auditLog.action} = 'unchanged'`);
    expect(records).toHaveLength(1);
  });

  it("refuses a submission after the lock date unless the coordinator allowed it", async () => {
    const c = await as("coord");
    const ob = await c.post(`/api/plans/${planId}/reporting-obligations`, {
      ...monthly(),
      title: "Báo cáo quý",
      frequency: "quarterly",
      dueRule: { kind: "dayOfLastMonth", day: 15 },
      lockAfterDays: 5,
    });
    const id = ob.json().obligation.id;
    await c.post(`/api/reporting-obligations/${id}/periods`, { periodKey: "2020-Q1" });
    const a = await as("officerA");
    const report = (await a.get(`/api/reports?obligationId=${id}`)).json().reports[0];
    expect(report).toMatchObject({ dueDate: "2020-03-15", lockDate: "2020-03-20" });
    const refused = await a.post(`/api/reports/${report.id}/transitions`, {
      action: "submit",
      version: report.version,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("report.locked");
    expect((await a.put(`/api/reports/${report.id}/late-permission`, { allowed: true })).statusCode).toBe(
      403,
    );
    const allowed = await c.put(`/api/reports/${report.id}/late-permission`, { allowed: true });
    expect(allowed.statusCode, allowed.body).toBe(200);
    const v = allowed.json().report.version;
    const sent = await a.post(`/api/reports/${report.id}/transitions`, { action: "submit", version: v });
    expect(sent.statusCode, sent.body).toBe(200);
    const d = (await c.get(`/api/reporting/dashboard?obligationId=${id}&periodKey=2020-Q1`)).json();
    expect(d.totals).toMatchObject({ expected: 2, received: 1, onTime: 0 });
    const late = (
      await c.get(`/api/reporting/dashboard/late-units?obligationId=${id}&periodKey=2020-Q1`)
    ).json();
    expect(late.items).toHaveLength(2);
    expect(late.total).toBe(2);
  });
});

describe("consolidated report, exports and scorecards", () => {
  it("generates the consolidated DOCX with the coordinator's narrative, parsed back", async () => {
    const c = await as("coord");
    const narrative = (
      await c.get(`/api/reporting/consolidated/draft?obligationId=${obligationId}&periodKey=${thisMonth.key}`)
    ).json().narrative;
    expect(narrative).toMatch(/1\/2 đơn vị đã gửi báo cáo/);
    const res = await c.post("/api/reporting/consolidated.docx", {
      obligationId,
      periodKey: thisMonth.key,
      narrative: "Kết quả do Sở Nội vụ tổng hợp và chỉnh sửa.",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    for (const text of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Kết quả do Sở Nội vụ tổng hợp và chỉnh sửa.",
      "Xã An Phú",
      "Xã Bình Minh",
      "PCI 2022",
      componentName("PCI-2022", "TRANSPARENCY") as string,
      "Tình hình gửi báo cáo theo cấp hành chính",
      "Cấp xã",
      "PHỤ LỤC",
      "Công khai thu chi ngân sách",
    ])
      expect(xml).toContain(text);
    // A report, not statistics only: Decree 30 header, addressee, signer, and what the units wrote.
    const text = await docxText(res.rawPayload);
    expect(text.indexOf("UBND TỈNH GIA LAI")).toBeLessThan(text.indexOf("SỞ NỘI VỤ"));
    expect(text).toContain("Kính gửi: UBND tỉnh Gia Lai.");
    expect(text).toMatch(/Gia Lai, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text).toContain("GIÁM ĐỐC");
    expect(text).toContain("- Xã An Phú: Đã đưa 45% hồ sơ lên mạng");
    expect(text).toContain("Đề nghị tỉnh cấp thêm máy quét cho bộ phận một cửa.");
    expect(text).not.toContain("THỦ TRƯỞNG CƠ QUAN");
    // Commune B has not sent its report: named among the units that did not report.
    expect(text).toMatch(/Các đơn vị chưa gửi báo cáo \(1\): Xã Bình Minh\./);
    const signed = await c.post("/api/reporting/consolidated.docx", {
      obligationId,
      periodKey: thisMonth.key,
      recipient: "Bộ Nội vụ",
      signerTitle: "Phó Giám đốc",
      signerName: "Nguyễn Văn A",
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const signedText = await docxText(signed.rawPayload);
    for (const t of ["Kính gửi: Bộ Nội vụ.", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]) expect(signedText).toContain(t);
    const tooLong = await c.post("/api/reporting/consolidated.docx", {
      obligationId,
      periodKey: thisMonth.key,
      signerName: "x".repeat(101),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("Họ tên người ký quá dài");
    // Words, not codes: no period key, version or component code, identifier or raw float.
    expect(findCodes(await docxText(res.rawPayload))).toEqual([]);
    const bad = await c.post("/api/reporting/consolidated.docx", {
      obligationId: "00000000-0000-4000-8000-000000000000",
      periodKey: thisMonth.key,
    });
    expect(bad.statusCode).toBe(404);
  });

  it("lets the coordinator edit each section, the addressee, 'Nơi nhận' and the signer before download", async () => {
    const c = await as("coord");
    const q = `obligationId=${obligationId}&periodKey=${thisMonth.key}`;
    expect(
      (await app.inject({ method: "GET", url: `/api/reporting/consolidated/draft?${q}` })).statusCode,
    ).toBe(401);
    const unknown = await c.get(
      `/api/reporting/consolidated/draft?obligationId=00000000-0000-4000-8000-000000000000&periodKey=${thisMonth.key}`,
    );
    expect(unknown.statusCode).toBe(404);
    // Prefilled with what the report would say unedited.
    const draft = (await c.get(`/api/reporting/consolidated/draft?${q}`)).json();
    expect(draft).toMatchObject({
      recipient: "UBND tỉnh Gia Lai",
      signerTitle: "GIÁM ĐỐC",
      copies: ["UBND tỉnh Gia Lai", "Lưu: VT."],
      sections: { reporting: "Các đơn vị chưa gửi báo cáo (1): Xã Bình Minh." },
    });
    expect(draft.narrative).toMatch(/1\/2 đơn vị đã gửi báo cáo/);
    const res = await c.post("/api/reporting/consolidated.docx", {
      obligationId,
      periodKey: thisMonth.key,
      narrative: "Tình hình chung do điều phối viên viết.",
      recipient: "Ban Chỉ đạo cải cách hành chính tỉnh",
      signerTitle: "Phó Giám đốc",
      signerName: "Trần Thị Bình",
      sections: {
        tasks: "Các nhiệm vụ trọng tâm đều được triển khai.",
        units: "Nhiều đơn vị đề nghị bổ sung kinh phí.",
        figures: "Số liệu đến hết ngày 30.",
        reporting: "Xã Bình Minh đã được nhắc lần hai.",
      },
      copies: ["Ban Chỉ đạo cải cách hành chính tỉnh", "Sở Tài chính", "Lưu: VT, CCHC"],
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    const at = (t: string) => {
      expect(text, t).toContain(t);
      return text.indexOf(t);
    };
    expect(at("Kính gửi: Ban Chỉ đạo cải cách hành chính tỉnh.")).toBeLessThan(at("I. TÌNH HÌNH CHUNG"));
    expect(at("Tình hình chung do điều phối viên viết.")).toBeLessThan(
      at("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"),
    );
    expect(at("Các nhiệm vụ trọng tâm đều được triển khai.")).toBeGreaterThan(at("II. KẾT QUẢ"));
    expect(at("Nhiều đơn vị đề nghị bổ sung kinh phí.")).toBeGreaterThan(at("III. KẾT QUẢ, KHÓ KHĂN"));
    expect(at("Số liệu đến hết ngày 30.")).toBeGreaterThan(at("IV. SỐ LIỆU TỔNG HỢP"));
    expect(at("Xã Bình Minh đã được nhắc lần hai.")).toBeGreaterThan(at("V. TÌNH HÌNH BÁO CÁO"));
    // The edited sentence replaces the computed one.
    expect(text).not.toContain("Các đơn vị chưa gửi báo cáo (1)");
    for (const t of ["- Ban Chỉ đạo cải cách hành chính tỉnh;", "- Sở Tài chính;", "- Lưu: VT, CCHC."]) at(t);
    expect(text).not.toContain("- UBND tỉnh Gia Lai;");
    expect(at("PHÓ GIÁM ĐỐC")).toBeLessThan(at("Trần Thị Bình"));
    const tooMany = await c.post("/api/reporting/consolidated.docx", {
      obligationId,
      periodKey: thisMonth.key,
      copies: Array.from({ length: 21 }, (_, i) => `Nơi ${i}`),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain("Tối đa 20 nơi nhận");
    const unknownSection = await c.post("/api/reporting/consolidated.docx", {
      obligationId,
      periodKey: thisMonth.key,
      sections: { annex: "x" },
    });
    expect(unknownSection.statusCode).toBe(400);
  });

  it("exports every entry of the period in the actor's scope as XLSX", async () => {
    const url = `/api/reporting/entries.xlsx?obligationId=${obligationId}&periodKey=${thisMonth.key}`;
    const read = async (who: string) => {
      const res = await (await as(who)).get(url);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(findCodes(await xlsxText(res.rawPayload))).toEqual([]);
      // Progress a number in percent, the deadline and completion days real dates.
      expectOfficialTable(wb.worksheets[0] as ExcelJS.Worksheet, { headerRow: 2, numbers: [9], dates: [7] });
      return wb.worksheets[0].rowCount - 2;
    };
    expect(await read("coord")).toBe(3);
    expect(await read("officerB")).toBe(1);
  });

  it("scores units per year: tasks, reports on time, targets met; ranked by core's score", async () => {
    const c = await as("coord");
    expect((await c.get("/api/reporting/scorecards?year=1800")).statusCode).toBe(400);
    const y2020 = (await c.get("/api/reporting/scorecards?year=2020")).json().scorecards;
    const a2020 = y2020.find((s: { unitName: string }) => s.unitName === "Xã An Phú");
    expect(a2020).toMatchObject({
      rank: 1,
      tasksDue: 1,
      tasksOverdue: 1,
      reportsExpected: 1,
      reportsOnTime: 0,
    });
    const year = Number(thisMonth.key.slice(0, 4));
    const now = (await c.get(`/api/reporting/scorecards?year=${year}&planId=${planId}`)).json().scorecards;
    const a = now.find((s: { unitName: string }) => s.unitName === "Xã An Phú");
    const b = now.find((s: { unitName: string }) => s.unitName === "Xã Bình Minh");
    expect(a).toMatchObject({ targets: 1, targetsMet: 1, reportsOnTime: 1 });
    expect(b).toMatchObject({ targets: 1, targetsMet: 0, reportsOnTime: 0 });
    const own = (await (await as("officerB")).get(`/api/reporting/scorecards?year=${year}`)).json()
      .scorecards;
    expect(own.map((s: { unitName: string }) => s.unitName)).toEqual(["Xã Bình Minh"]);
    const xlsx = await c.get(`/api/reporting/scorecards.xlsx?year=${year}&planId=${planId}`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = await firstSheet(xlsx.rawPayload);
    // The title, then the weights in words, then the table.
    expectOfficialTable(sheet, {
      headerRow: 3,
      numbers: [1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
    });
    // Rates are fractions shown with one decimal: the screen's 100 % is the cell's 1.
    const rowA = sheet.getRows(4, sheet.rowCount - 3)?.find((r) => r.getCell(2).value === "Xã An Phú");
    expect(rowA?.getCell(12).value).toBe((a.reportOnTimeRate as number) / 100);
    expect(rowA?.getCell(12).numFmt).toBe("0.0%");
    // The score as the screen reads it, one decimal.
    expect(rowA?.getCell(4).value).toBe(a.score);
    expect(rowA?.getCell(4).numFmt).toBe("#,##0.0");
  });
});

describe("successive autosaves of one entry", () => {
  type Entry = { id: string; taskId: string; version: number; narrative: string };
  let reportId: string;
  let entry: Entry;
  const save = async (who: string, body: Record<string, unknown>) =>
    (await as(who)).patch(`/api/report-entries/${entry.id}`, body);

  beforeAll(async () => {
    const c = await as("coord");
    const ob = await c.post(`/api/plans/${planId}/reporting-obligations`, {
      ...monthly(),
      title: "Báo cáo đột xuất về dịch vụ công",
      frequency: "adHoc",
      adHocStart: "2020-01-01",
      adHocDue: "2099-12-31",
      dueRule: { kind: "fixedDate", date: "2099-12-31" },
    });
    expect(ob.statusCode, ob.body).toBe(201);
    const obligation = ob.json().obligation.id;
    await c.post(`/api/reporting-obligations/${obligation}/periods`, { periodKey: "AH" });
    const list = (await (await as("officerA")).get(`/api/reports?obligationId=${obligation}`)).json().reports;
    reportId = list[0].id;
    const report = (await (await as("officerA")).get(`/api/reports/${reportId}`)).json().report;
    entry = report.entries.find((e: Entry) => e.taskId === taskIds[1]);
  });

  it("saves one after another, recording the true before of each", async () => {
    const first = await save("officerA", { version: entry.version, narrative: "Lần 1" });
    expect(first.statusCode, first.body).toBe(200);
    const second = await save("officerA", { version: entry.version + 1, narrative: "Lần 2" });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().entry).toMatchObject({ narrative: "Lần 2", version: entry.version + 2 });
    const audits = await database.query<{ before: { narrative: string } }>(
      "select before from audit_log where entity = 'reportEntry' and entity_id = $1 order by at",
      [entry.id],
    );
    expect(audits.map((a) => a.before.narrative)).toEqual([entry.narrative, "Lần 1"]);
    entry.version += 2;
  });

  it("answers a save with the entry as the report then shows it, by either write path", async () => {
    // Text alone is written by one statement (here from the last save's checkpoint); a new progress
    // by the transaction through plans/assignments/progress.ts. Both answer what a fresh read gives.
    const fresh = async () =>
      (await (await as("officerA")).get(`/api/reports/${reportId}`))
        .json()
        .report.entries.find((e: Entry) => e.id === entry.id);
    const before = await fresh();
    const text = await save("officerA", { version: entry.version, narrative: "Lần 3" });
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json().entry).toEqual(await fresh());
    const progress = await save("officerA", { version: entry.version + 1, progress: before.progress + 5 });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().entry).toEqual(await fresh());
    expect(progress.json().entry.progress).toBe(before.progress + 5);
    // Back to the progress the assignment had, so what follows sees the same data.
    const back = await save("officerA", { version: entry.version + 2, progress: before.progress });
    expect(back.json().entry).toEqual(await fresh());
    entry.version += 3;
  });

  it("gives 409 with the other person's text when someone else saved in between", async () => {
    const other = await save("headA", { version: entry.version, narrative: "Bản của chủ tịch" });
    expect(other.statusCode, other.body).toBe(200);
    const stale = await save("officerA", { version: entry.version, narrative: "Bản cũ của cán bộ" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.narrative).toBe("Bản của chủ tịch");
    entry.version += 1;
  });

  it("checks figures against the task's targets as they are now, not as the last save saw them", async () => {
    const figures = [{ measure: "Tỷ lệ hồ sơ trực tuyến", value: 50 }];
    const ok = await save("officerA", { version: entry.version, figures });
    expect(ok.statusCode, ok.body).toBe(200);
    entry.version += 1;
    const before = await database.query<{ quantitative_targets: unknown }>(
      "select quantitative_targets from plan_tasks where id = $1",
      [taskIds[1]],
    );
    await database.query("update plan_tasks set quantitative_targets = '[]'::jsonb where id = $1", [
      taskIds[1],
    ]);
    try {
      const refused = await save("officerA", { version: entry.version, figures });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe("reportEntry.unknownMeasure");
    } finally {
      await database.query("update plan_tasks set quantitative_targets = $2::jsonb where id = $1", [
        taskIds[1],
        JSON.stringify(before[0].quantitative_targets),
      ]);
    }
  });

  it("refuses a save after the report was submitted, though the last save found it a draft", async () => {
    const warm = await save("officerA", { version: entry.version, narrative: "Trước khi gửi" });
    expect(warm.statusCode, warm.body).toBe(200);
    entry.version += 1;
    const report = (await (await as("officerA")).get(`/api/reports/${reportId}`)).json().report;
    const sent = await (await as("officerA")).post(`/api/reports/${reportId}/transitions`, {
      action: "submit",
      version: report.version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const late = await save("officerA", { version: entry.version, narrative: "Sau khi gửi" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("report.notEditable");
    const stored = await database.query<{ narrative: string }>(
      "select narrative from report_entries where id = $1",
      [entry.id],
    );
    expect(stored[0].narrative).toBe("Trước khi gửi");
  });
});
