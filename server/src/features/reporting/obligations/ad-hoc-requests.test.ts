/**
 * Aimed ad hoc requests: the units (one by one or as a group) and the tasks chosen, typed questions
 * answered one at a time and required before sending, the answers in the consolidated exports, and
 * a warning before a second request like an existing one.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../../../../core/src/reporting/periods";
import { findCodes } from "../../../../../core/src/words/code-patterns";
import { createTestDatabase } from "../../../../test/database";
import { docxText, xlsxText } from "../../../../test/document-text";
import { buildIssuedPlan, buildProvince, buildUnit, buildUser } from "../../../../test/factories";
import { buildTestApp, createClient, signedInClients } from "../../../../test/http";
import { provinceToday } from "../../../app/clock";
import type { Database } from "../../../app/db";

let database: Database;
let app: FastifyInstance;
let as: ReturnType<typeof signedInClients>;
const u: Record<string, Awaited<ReturnType<typeof buildUnit>>> = {};
const names: Record<string, string> = {};
let planId: string;
let taskIds: string[];
let groupId: string;
const start = provinceToday();
const due = addDays(start, 10);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  app = await buildTestApp(database);
  as = signedInClients(app, (key) => names[key]);
  const province = await buildProvince(db);
  u.snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
  u.a = await buildUnit(db, { kind: "commune", name: "Xã An Phú", parentId: province.id });
  u.b = await buildUnit(db, { kind: "commune", name: "Xã Bình Minh", parentId: province.id });
  u.c = await buildUnit(db, { kind: "commune", name: "Xã Cát Tiên", parentId: province.id });
  const other = await buildProvince(db, { name: "Tỉnh Khác" });
  u.foreign = await buildUnit(db, { kind: "commune", name: "Xã Ngoài", parentId: other.id });
  for (const [key, unit, roles] of [
    ["coord", u.snv, ["coordinator"]],
    ["officerA", u.a, ["officer"]],
    ["officerB", u.b, ["officer"]],
  ] as const)
    names[key] = (await buildUser(db, { unitId: unit.id, roles: [...roles] })).username;
  // Task 1 goes to A, B and C; task 2 to A and B.
  const built = await buildIssuedPlan(db, {
    provinceId: province.id,
    title: "Kế hoạch cải cách hành chính",
    tasks: [
      { content: "Rà soát thủ tục hành chính", dueDate: "2099-12-31", leads: [u.a, u.b, u.c] },
      { content: "Số hóa hồ sơ", dueDate: "2099-12-31", leads: [u.a, u.b] },
    ],
  });
  planId = built.plan.id;
  taskIds = built.taskIds;
  groupId = randomUUID();
  await database.query(
    "insert into org_groups (id, province_id, name, search_text) values ($1, $2, 'Xã biên giới', 'xa bien gioi')",
    [groupId, province.id],
  );
  await database.query("insert into org_group_members (group_id, unit_id) values ($1, $2), ($1, $3)", [
    groupId,
    u.b.id,
    u.c.id,
  ]);
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

const request = (over: Record<string, unknown> = {}) => ({
  title: "Báo cáo nhanh tình hình số hóa",
  frequency: "adHoc",
  adHocStart: start,
  adHocDue: due,
  receivingUnitId: u.snv.id,
  ...over,
});
const QUESTIONS = [
  { text: "Số hồ sơ đã số hóa", type: "number", required: true },
  { text: "Đã bố trí kinh phí chưa?", type: "yesNo" },
  { text: "Mức độ hoàn thành", type: "choice", choices: ["Tốt", "Khá", "Chưa đạt"] },
  { text: "Ngày hoàn thành dự kiến", type: "date" },
  "Khó khăn khác",
];
const create = async (body: Record<string, unknown>) =>
  (await as("coord")).post(`/api/plans/${planId}/reporting-obligations`, body);
async function openReports(obligationId: string) {
  const c = await as("coord");
  const opened = await c.post(`/api/reporting-obligations/${obligationId}/periods`, { periodKey: "AH" });
  expect(opened.statusCode, opened.body).toBe(200);
  const list = (await c.get(`/api/reports?obligationId=${obligationId}`)).json().reports as Array<{
    id: string;
    unitName: string;
  }>;
  const full = await Promise.all(list.map(async (r) => (await c.get(`/api/reports/${r.id}`)).json().report));
  return full as Array<{
    id: string;
    unitName: string;
    version: number;
    questions: Array<{ id: string; text: string; type: string; required: boolean; choices: string[] }>;
    entries: Array<{ taskId: string }>;
  }>;
}

let aimed: { obligationId: string; reportA: string; reportC: string };

describe("choosing units and tasks", () => {
  it("answers 401 without a session", async () => {
    // A client with the CSRF cookie but no session.
    const res = await createClient(app).post(`/api/plans/${planId}/reporting-obligations`, request());
    expect(res.statusCode).toBe(401);
  });

  it("refuses tasks of another plan, unknown units and units of another province with 400", async () => {
    const task = await create(request({ taskIds: [randomUUID()] }));
    expect(task.statusCode).toBe(400);
    expect(task.json().error.message).toBe("1 nhiệm vụ được chọn không thuộc kế hoạch này.");
    const unit = await create(request({ unitIds: [randomUUID()] }));
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.message).toBe("Có đơn vị được chọn không tồn tại.");
    const foreign = await create(request({ unitIds: [u.foreign.id] }));
    expect(foreign.statusCode).toBe(400);
    const group = await create(request({ groupId: randomUUID() }));
    expect(group.statusCode).toBe(400);
    expect(group.json().error.message).toBe("Không tìm thấy nhóm đơn vị được chọn.");
    expect((await create(request({ unitIds: ["khong-phai-ma"] }))).statusCode).toBe(400);
  });

  it("asks only the chosen units, about only the chosen tasks", async () => {
    const res = await create(
      request({ unitIds: [u.a.id, u.c.id], taskIds: [taskIds[1]], questions: QUESTIONS }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().obligation).toMatchObject({ unitIds: [u.a.id, u.c.id], taskIds: [taskIds[1]] });
    const reports = await openReports(res.json().obligation.id);
    expect(reports.map((r) => r.unitName).sort()).toEqual(["Xã An Phú", "Xã Cát Tiên"]);
    const a = reports.find((r) => r.unitName === "Xã An Phú")!;
    const c = reports.find((r) => r.unitName === "Xã Cát Tiên")!;
    expect(a.entries.map((e) => e.taskId)).toEqual([taskIds[1]]);
    // Commune C is asked the questions though it has no part in task 2.
    expect(c.entries).toEqual([]);
    aimed = { obligationId: res.json().obligation.id, reportA: a.id, reportC: c.id };
  });

  it("asks a group's units about every task of theirs when no task is chosen", async () => {
    const res = await create(request({ title: "Báo cáo vùng biên giới", groupId }));
    expect(res.statusCode, res.body).toBe(201);
    const reports = await openReports(res.json().obligation.id);
    expect(reports.map((r) => [r.unitName, r.entries.length]).sort()).toEqual([
      ["Xã Bình Minh", 2],
      ["Xã Cát Tiên", 1],
    ]);
  });

  it("asks every assigned unit about every task when nothing is chosen, as before", async () => {
    const res = await create(request({ title: "Báo cáo chung" }));
    const reports = await openReports(res.json().obligation.id);
    expect(reports.map((r) => [r.unitName, r.entries.length]).sort()).toEqual([
      ["Xã An Phú", 2],
      ["Xã Bình Minh", 2],
      ["Xã Cát Tiên", 1],
    ]);
  });
});

describe("questions", () => {
  it("validates questions with Vietnamese messages", async () => {
    const one = await create(
      request({ title: "Khác", questions: [{ text: "Chọn", type: "choice", choices: ["A"] }] }),
    );
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toContain("Câu hỏi lựa chọn cần ít nhất 2 lựa chọn");
    const kind = await create(
      request({ title: "Khác", questions: [{ text: "Bao nhiêu?", type: "integer" }] }),
    );
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toContain(
      "Kiểu trả lời phải là văn bản, số, có/không, ngày hoặc lựa chọn",
    );
    const empty = await create(request({ title: "Khác", questions: [{ text: "  " }] }));
    expect(empty.json().error.message).toContain("Câu hỏi không được để trống");
  });

  it("shows the questions with their kinds in the report", async () => {
    const report = (await (await as("officerA")).get(`/api/reports/${aimed.reportA}`)).json().report;
    expect(report.questions).toEqual([
      { id: "q1", text: "Số hồ sơ đã số hóa", type: "number", required: true, choices: [] },
      { id: "q2", text: "Đã bố trí kinh phí chưa?", type: "yesNo", required: false, choices: [] },
      {
        id: "q3",
        text: "Mức độ hoàn thành",
        type: "choice",
        required: false,
        choices: ["Tốt", "Khá", "Chưa đạt"],
      },
      { id: "q4", text: "Ngày hoàn thành dự kiến", type: "date", required: false, choices: [] },
      { id: "q5", text: "Khó khăn khác", type: "text", required: false, choices: [] },
    ]);
  });

  const answer = async (who: string, reportId: string, questionId: string, value: string) =>
    (await as(who)).put(`/api/reports/${reportId}/answers/${questionId}`, { value });

  it("answers 401, 404 for another unit's report or an unknown question, 400 for an answer of the wrong kind", async () => {
    const anon = await createClient(app).put(`/api/reports/${aimed.reportA}/answers/q1`, { value: "1" });
    expect(anon.statusCode).toBe(401);
    expect((await answer("officerB", aimed.reportA, "q1", "12")).statusCode).toBe(404);
    expect((await answer("officerA", aimed.reportA, "q9", "12")).statusCode).toBe(404);
    const wrong = await answer("officerA", aimed.reportA, "q1", "mười hai");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe("Câu hỏi “Số hồ sơ đã số hóa” cần trả lời bằng một số.");
    const choice = await answer("officerA", aimed.reportA, "q3", "Xuất sắc");
    expect(choice.json().error.message).toBe(
      "Câu hỏi “Mức độ hoàn thành” cần chọn một trong các lựa chọn đã cho.",
    );
    expect((await answer("officerA", aimed.reportA, "q4", "31/12/2026")).statusCode).toBe(400);
    expect(
      (await (await as("officerA")).put(`/api/reports/${aimed.reportA}/answers/x1`, {})).statusCode,
    ).toBe(400);
  });

  it("a required question blocks sending, naming it; the answers are saved and audited", async () => {
    const c = await as("officerA");
    const before = (await c.get(`/api/reports/${aimed.reportA}`)).json().report;
    expect((await answer("officerA", aimed.reportA, "q2", "yes")).statusCode).toBe(200);
    const refused = await c.post(`/api/reports/${aimed.reportA}/transitions`, {
      action: "submit",
      version: before.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("Chưa trả lời câu hỏi bắt buộc: “Số hồ sơ đã số hóa”.");
    for (const [q, v] of [
      ["q1", "1250.5"],
      ["q3", "Khá"],
      ["q4", "2026-12-31"],
      ["q5", "Thiếu máy quét"],
    ]) {
      const saved = await answer("officerA", aimed.reportA, q, v);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const after = (await c.get(`/api/reports/${aimed.reportA}`)).json().report;
    expect(after.answers).toEqual({
      q1: "1250.5",
      q2: "yes",
      q3: "Khá",
      q4: "2026-12-31",
      q5: "Thiếu máy quét",
    });
    // An answer is its own write: the report's version (the general part's) does not move.
    expect(after.version).toBe(before.version);
    const audits = await database.query<{ action: string; after: { questionId: string } }>(
      "select action, after from audit_log where entity = 'report' and entity_id = $1 and action = 'answer'",
      [aimed.reportA],
    );
    expect(audits.map((a) => a.after.questionId).sort()).toEqual(["q1", "q2", "q3", "q4", "q5"]);
    const sent = await c.post(`/api/reports/${aimed.reportA}/transitions`, {
      action: "submit",
      version: after.version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    // Sent: no more answers.
    expect((await answer("officerA", aimed.reportA, "q5", "Sửa")).statusCode).toBe(409);
  });

  it("puts the answers in the consolidated DOCX and the XLSX of the request", async () => {
    const c = await as("coord");
    const docx = await c.post("/api/reporting/consolidated.docx", {
      obligationId: aimed.obligationId,
      periodKey: "AH",
    });
    expect(docx.statusCode, docx.body).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain("VII. TRẢ LỜI CÁC CÂU HỎI CỦA YÊU CẦU BÁO CÁO");
    expect(text).toContain("1. Số hồ sơ đã số hóa");
    expect(text).toContain("Xã An Phú: 1.250,5");
    expect(text).toContain("Xã An Phú: Có");
    expect(text).toContain("Xã An Phú: 31/12/2026");
    // No question id, answer code ("yes") or ISO date reaches the reader.
    expect(findCodes(text)).toEqual([]);
    const xlsx = await c.get(`/api/reporting/entries.xlsx?obligationId=${aimed.obligationId}&periodKey=AH`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = await xlsxText(xlsx.rawPayload);
    expect(sheet).toContain("Câu hỏi");
    expect(sheet).toContain("Số hồ sơ đã số hóa (Số, bắt buộc)");
    expect(sheet).toContain("Thiếu máy quét");
    expect(sheet).toContain("Xã Cát Tiên");
    expect(findCodes(sheet)).toEqual([]);
  });
});

describe("a warning before a duplicate", () => {
  it("refuses a request like an existing one with 409 and a Vietnamese warning, unless confirmed", async () => {
    const twin = await create(request({ title: "  báo cáo nhanh   TÌNH HÌNH số hóa " }));
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.code).toBe("reporting.duplicate");
    expect(twin.json().error.message).toMatch(
      /^Kế hoạch đã có yêu cầu báo cáo “Báo cáo nhanh tình hình số hóa” \(hạn \d\d\/\d\d\/\d{4}\), tạo ngày \d\d\/\d\d\/\d{4}\. Nếu vẫn muốn tạo thêm, hãy xác nhận\.$/,
    );
    // Another deadline is another request.
    expect((await create(request({ adHocDue: addDays(due, 1) }))).statusCode).toBe(201);
    const confirmed = await create(request({ confirmDuplicate: true }));
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  });
});
