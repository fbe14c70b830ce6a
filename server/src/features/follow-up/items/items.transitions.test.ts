/**
 * The acts on a follow-up item through the API: every transition's happy path with its event, its
 * notices and its audit record; the refusals (403 not allowed, 404 not visible, 409 wrong state or
 * stale version, 400 bad input) with a clear Vietnamese message and nothing written; comments and
 * evidence files from both sides.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import {
  buildItemsWorld,
  DAYS,
  type ItemsWho,
  type ItemsWorld,
} from "../../../../test/follow-up-items-world";
import { buildTestApp } from "../../../../test/http";
import { setClockForTests } from "../../../app/clock";
import type { Database } from "../../../app/db";

let database: Database;
let app: FastifyInstance;
let w: ItemsWorld;
let other: ItemsWorld;
let dataDir: string;
const TODAY = "2026-04-01";
const PDF = new TextEncoder().encode("%PDF-1.4\nbang niem yet\n%%EOF\n");

beforeAll(async () => {
  setClockForTests(new Date("2026-04-01T03:00:00Z"));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-items-acts-"));
  database = await createTestDatabase();
  app = await buildTestApp(database, { dataDir });
  w = await buildItemsWorld({ db: database.db, app });
  other = await buildItemsWorld({ db: database.db, app, tag: "Tỉnh Khác" });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const view = async (id: string, who: ItemsWho = "coord") =>
  (await (await w.as(who)).get(`/api/follow-up/items/${id}`)).json().item;
const act = async (who: ItemsWho, id: string, body: Record<string, unknown>) => {
  const version = body.version ?? (await view(id)).version;
  return (await w.as(who)).post(`/api/follow-up/items/${id}/transitions`, { version, ...body });
};
const ok = async (who: ItemsWho, id: string, body: Record<string, unknown>) => {
  const res = await act(who, id, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().item;
};

/** Everything an act could write about an item: its row, events, notices, audit records, files. */
const footprint = async (id: string) =>
  database.query(
    `select (select row_to_json(i)::text from follow_up_items i where i.id = $1) as item,
      (select count(*) from follow_up_events where item_id = $1)::int as events,
      (select count(*) from notifications where follow_up_item_id = $1)::int as notices,
      (select count(*) from audit_log where entity_id = $1::text)::int as audits,
      (select count(*) from follow_up_files where item_id = $1)::int as files`,
    [id],
  );
const notices = async (id: string) =>
  database.query<{ unit_id: string; kind: string; title: string; body: string; mail_state: string }>(
    "select unit_id, kind, title, body, mail_state from notifications where follow_up_item_id = $1 order by created_at, kind",
    [id],
  );

describe("acts on a finding's remediation", () => {
  it("reported, returned with a reason, reported again, accepted: each with its event, notice and audit record", async () => {
    const id = await w.newItem();
    let item = await ok("officerA", id, { action: "report", answer: "Đã niêm yết đủ 45 thủ tục." });
    expect(item).toMatchObject({
      state: "reported",
      reportedOn: TODAY,
      answer: "Đã niêm yết đủ 45 thủ tục.",
      status: "inProgress",
    });
    item = await ok("officerSnv", id, { action: "return", reason: "Thiếu ảnh chụp bảng niêm yết." });
    expect(item).toMatchObject({ state: "returned", reason: "Thiếu ảnh chụp bảng niêm yết." });
    item = await ok("headA", id, { action: "report", answer: "Đã bổ sung ảnh chụp." });
    item = await ok("officerSnv", id, { action: "accept" });
    expect(item).toMatchObject({ state: "accepted", doneOn: TODAY, status: "completedOnTime", version: 5 });
    // Only the follower may still reopen it; the commune has nothing left to do.
    expect(item.can.actions).toEqual(["reopen"]);
    expect((await view(id, "officerA")).can.actions).toEqual([]);
    expect(item.events.map((e: { action: string; toState: string }) => `${e.action}:${e.toState}`)).toEqual([
      "create:open",
      "report:reported",
      "return:returned",
      "report:reported",
      "accept:accepted",
    ]);
    expect(item.events[2]).toMatchObject({ note: "Thiếu ảnh chụp bảng niêm yết.", byUnitName: "Sở Nội vụ" });
    // The follower hears of each report; the commune of the return and the acceptance; each to be mailed.
    const told = await notices(id);
    expect(told.map((n) => [n.unit_id, n.kind])).toEqual([
      [w.units.comA.id, "followUp.created"],
      [w.units.snv.id, "followUp.reported"],
      [w.units.comA.id, "followUp.returned"],
      [w.units.snv.id, "followUp.reported"],
      [w.units.comA.id, "followUp.accepted"],
    ]);
    expect(told[2].body).toContain("Lý do: Thiếu ảnh chụp bảng niêm yết.");
    expect(told[1].title).toBe("Xã An Phú đã báo cáo kết quả khắc phục");
    expect(told.slice(1).every((n) => n.mail_state === "pending")).toBe(true);
    const audits = await database.query<{ action: string; after: { state: string; notified: string[] } }>(
      "select action, after from audit_log where entity_id = $1 order by at, action",
      [id],
    );
    expect(audits.map((a) => a.action)).toEqual([
      "create",
      "followUp.report",
      "followUp.return",
      "followUp.report",
      "followUp.accept",
    ]);
    expect(audits[4].after.state).toBe("Đã khắc phục");
    expect(audits[2].after.notified).toEqual([
      "Kết quả xử lý bị trả lại: Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa",
    ]);
  });

  it("completes late when the report accepted came after the deadline", async () => {
    const id = await w.newItem({ dueDate: "2026-03-31" });
    await ok("officerA", id, { action: "report", answer: "Đã khắc phục." });
    const item = await ok("officerSnv", id, { action: "accept" });
    expect(item).toMatchObject({ doneOn: TODAY, status: "completedLate" });
  });

  it("refuses a report after closure with a clear message, writing nothing", async () => {
    const id = await w.newItem();
    const closed = await ok("officerSnv", id, {
      action: "close",
      reason: "Đơn vị đã sáp nhập, không còn áp dụng.",
    });
    expect(closed).toMatchObject({ state: "closed", status: null });
    const before = await footprint(id);
    const res = await act("officerA", id, { action: "report", answer: "Đã làm xong." });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "followUp.invalidState",
      message: "Không thể báo cáo kết quả: mục này đã đóng.",
    });
    expect(await footprint(id)).toEqual(before);
  });

  it("refuses a deadline before the finding, and a reopening without a reason, writing nothing", async () => {
    const id = await w.newItem();
    await ok("officerSnv", id, { action: "close", reason: "Nhầm" });
    const before = await footprint(id);
    const early = await act("officerSnv", id, {
      action: "reopen",
      reason: "Đóng nhầm",
      dueDate: "2026-03-01",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: "followUp.deadline",
      message: "Hạn xử lý (01/03/2026) không thể trước ngày phát sinh (10/03/2026).",
    });
    const bare = await act("officerSnv", id, { action: "reopen" });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({
      code: "followUp.reasonRequired",
      message: "Cần nêu lý do khi mở lại.",
    });
    expect(await footprint(id)).toEqual(before);
    const reopened = await ok("officerSnv", id, {
      action: "reopen",
      reason: "Đóng nhầm",
      dueDate: "2026-05-15",
    });
    expect(reopened).toMatchObject({ state: "open", dueDate: "2026-05-15", doneOn: null });
    expect((await notices(id)).at(-1)).toMatchObject({ unit_id: w.units.comA.id, kind: "followUp.reopened" });
  });

  it("refuses acts by who the actor is to the item: 403 when seen but not allowed, 404 when not seen", async () => {
    const id = await w.newItem();
    for (const [who, body, status] of [
      ["viewer", { action: "report", answer: "x" }, 403],
      ["coord", { action: "report", answer: "x" }, 403],
      ["officerA", { action: "accept" }, 403],
      ["officerA", { action: "close", reason: "Tự đóng" }, 403],
      ["officerB", { action: "report", answer: "x" }, 404],
      ["headSxd", { action: "report", answer: "x" }, 404],
    ] as const) {
      const res = await act(who, id, body);
      expect(res.statusCode, `${who} ${body.action}`).toBe(status);
    }
    const res = await act("viewer", id, { action: "report", answer: "x" });
    expect(res.json().error.message).toBe("Bạn không có quyền báo cáo kết quả mục này.");
    // Another province's item, whatever the role: not found.
    for (const who of ["coord", "officerSnv", "headA"] as const) {
      const foreign = await (await w.as(who)).post(`/api/follow-up/items/${other.items.a}/transitions`, {
        action: "close",
        version: 1,
        reason: "Thử",
      });
      expect(foreign.statusCode, who).toBe(404);
    }
  });

  it("refuses a stale version (409), a report without its answer and input the act does not take (400)", async () => {
    const id = await w.newItem();
    const stale = await act("officerA", id, { action: "report", answer: "Xong", version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      "Mục này vừa được người khác thay đổi. Hãy tải lại để xem bản mới nhất.",
    );
    const empty = await act("officerA", id, { action: "report", answer: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe("Cần nêu kết quả khắc phục đã thực hiện.");
    const extra = await act("officerA", id, { action: "report", answer: "Xong", dueDate: "2026-06-30" });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toBe("Hạn xử lý chỉ đặt khi giao việc hoặc mở lại việc.");
    for (const body of [{ action: "finish" }, { action: "report" }, { action: "report", version: "1" }]) {
      const res = await (await w.as("officerA")).post(`/api/follow-up/items/${id}/transitions`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await view(id)).version).toBe(1);
  });
});

describe("acts on a dialogue's recommendation", () => {
  it("is assigned by the province's coordinator with a deadline not before the dialogue; the unit hears of it", async () => {
    const id = await w.newItem({
      kind: "recommendation",
      findingId: null,
      dialogueId: w.dialogue.id,
      follower: { id: w.province.id, path: w.province.path },
      unit: null,
      aroseOn: DAYS.dialogue,
      dueDate: null,
      content: "Hỗ trợ thủ tục đất đai cho doanh nghiệp nhỏ",
    });
    const noUnit = await act("coord", id, { action: "assign", dueDate: "2026-05-01" });
    expect(noUnit.json().error.message).toBe("Cần chọn đơn vị chịu trách nhiệm xử lý.");
    const noDue = await act("coord", id, { action: "assign", unitId: w.units.comB.id });
    expect(noDue.json().error.message).toBe("Cần đặt hạn xử lý khi giao việc.");
    const early = await act("coord", id, {
      action: "assign",
      unitId: w.units.comB.id,
      dueDate: "2026-03-19",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe(
      "Hạn xử lý (19/03/2026) không thể trước ngày phát sinh (20/03/2026).",
    );
    const foreign = await act("coord", id, {
      action: "assign",
      unitId: other.units.comB.id,
      dueDate: "2026-05-01",
    });
    expect(foreign.statusCode).toBe(404);
    // Seen but not the follower: 403; an officer of another department does not see it: 404.
    expect(
      (await act("viewer", id, { action: "assign", unitId: w.units.comB.id, dueDate: "2026-05-01" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await act("officerSnv", id, { action: "assign", unitId: w.units.comB.id, dueDate: "2026-05-01" }))
        .statusCode,
    ).toBe(404);
    const item = await ok("coord", id, { action: "assign", unitId: w.units.comB.id, dueDate: "2026-05-01" });
    expect(item).toMatchObject({ state: "open", unitName: "Xã Bình Minh", dueDate: "2026-05-01" });
    expect((await notices(id)).map((n) => [n.unit_id, n.kind, n.title])).toEqual([
      [w.units.comB.id, "followUp.assigned", "Được giao xử lý: Hỗ trợ thủ tục đất đai cho doanh nghiệp nhỏ"],
    ]);
    // The commune answers; the province's coordinator hears of it.
    const answered = await ok("officerB", id, { action: "report", answer: "Đã hướng dẫn 12 doanh nghiệp." });
    expect(answered.state).toBe("reported");
    expect((await notices(id)).at(-1)).toMatchObject({ unit_id: w.province.id, kind: "followUp.reported" });
  });

  it("is transferred with a reason to another unit of the province, which hears of it", async () => {
    const id = await w.newItem({
      kind: "recommendation",
      findingId: null,
      dialogueId: w.dialogue.id,
      follower: { id: w.province.id, path: w.province.path },
      unit: { id: w.units.room.id, path: w.units.room.path },
      aroseOn: DAYS.dialogue,
      dueDate: DAYS.dueRoom,
    });
    const noReason = await act("headSxd", id, { action: "transfer", unitId: w.units.comA.id });
    expect(noReason.json().error).toMatchObject({ code: "followUp.reasonRequired" });
    const same = await act("headSxd", id, { action: "transfer", unitId: w.units.room.id, reason: "Thử" });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toContain("Phòng Quản lý nhà");
    const foreign = await act("headSxd", id, {
      action: "transfer",
      unitId: other.units.comA.id,
      reason: "Thử",
    });
    expect(foreign.statusCode).toBe(404);
    const item = await ok("headSxd", id, {
      action: "transfer",
      unitId: w.units.comA.id,
      reason: "Thuộc thẩm quyền của xã",
    });
    expect(item).toMatchObject({ state: "open", unitId: w.units.comA.id, dueDate: DAYS.dueRoom });
    expect(item.events.at(-1)).toMatchObject({
      action: "transfer",
      fromUnitName: "Phòng Quản lý nhà",
      toUnitName: "Xã An Phú",
      note: "Thuộc thẩm quyền của xã",
    });
    expect((await notices(id)).at(-1)).toMatchObject({
      unit_id: w.units.comA.id,
      kind: "followUp.transferred",
    });
    // The room no longer sees it; the commune does.
    expect((await (await w.as("officerRoom")).get(`/api/follow-up/items/${id}`)).statusCode).toBe(404);
    expect((await (await w.as("officerA")).get(`/api/follow-up/items/${id}`)).statusCode).toBe(200);
  });
});

describe("comments and evidence", () => {
  it("takes comments from both sides into the history, not from onlookers", async () => {
    const id = await w.newItem();
    const c1 = await (await w.as("officerA")).post(`/api/follow-up/items/${id}/comments`, {
      body: "Đang in bảng.",
    });
    expect(c1.statusCode, c1.body).toBe(201);
    const c2 = await (await w.as("officerSnv")).post(`/api/follow-up/items/${id}/comments`, {
      body: "Gửi ảnh nhé.",
    });
    const item = c2.json().item;
    expect(item.commentCount).toBe(2);
    expect(
      item.events.slice(1).map((e: { action: string; note: string; byName: string }) => [e.action, e.note]),
    ).toEqual([
      ["comment", "Đang in bảng."],
      ["comment", "Gửi ảnh nhé."],
    ]);
    expect(
      (await (await w.as("viewer")).post(`/api/follow-up/items/${id}/comments`, { body: "x" })).statusCode,
    ).toBe(403);
    expect(
      (await (await w.as("officerB")).post(`/api/follow-up/items/${id}/comments`, { body: "x" })).statusCode,
    ).toBe(404);
    const empty = await (await w.as("officerA")).post(`/api/follow-up/items/${id}/comments`, { body: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("Ý kiến trống");
    const [audit] = await database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_id = $1 and action = 'followUp.comment'",
      [id],
    );
    expect(audit.n).toBe(2);
  });

  it("stores a file checked by content, lets whoever sees the item download it, and its uploader remove it", async () => {
    const id = await w.newItem();
    const officer = await w.as("officerA");
    const up = await officer.upload(`/api/follow-up/items/${id}/files`, {
      fileName: "Bảng niêm yết.pdf",
      data: PDF,
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().file;
    expect(file).toMatchObject({
      kind: "file",
      fileName: "Bảng niêm yết.pdf",
      size: PDF.byteLength,
      unitName: "Xã An Phú",
      canDelete: true,
    });
    const down = await (await w.as("coord")).get(`/api/follow-up/items/${id}/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(Buffer.from(down.rawPayload).equals(Buffer.from(PDF))).toBe(true);
    expect(down.headers["content-disposition"]).toContain("filename*=UTF-8''B%E1%BA%A3ng");
    expect(
      (await (await w.as("officerB")).get(`/api/follow-up/items/${id}/files/${file.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await (await w.as("coord")).get(`/api/follow-up/items/${w.items.a}/files/${file.id}`)).statusCode,
    ).toBe(404);
    const wrong = await officer.upload(`/api/follow-up/items/${id}/files`, {
      fileName: "anh.pdf",
      data: new TextEncoder().encode("not a pdf"),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain("không phải là tệp PDF");
    const link = await officer.post(`/api/follow-up/items/${id}/links`, {
      url: "https://xaanphu.gov.vn/niem-yet",
      title: "Trang niêm yết",
    });
    expect(link.statusCode, link.body).toBe(201);
    expect((await officer.post(`/api/follow-up/items/${id}/links`, { url: "ftp://x" })).statusCode).toBe(400);
    // Not the uploader: refused; the uploader: removed with its stored bytes.
    const theirs = await (await w.as("officerSnv")).delete(`/api/follow-up/items/${id}/files/${file.id}`);
    expect(theirs.statusCode).toBe(403);
    const [{ key }] = await database.query<{ key: string }>(
      "select storage_key as key from follow_up_files where id = $1",
      [file.id],
    );
    expect(fs.existsSync(path.join(dataDir, "files", key))).toBe(true);
    const removed = await officer.delete(`/api/follow-up/items/${id}/files/${file.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().item.files.map((f: { kind: string }) => f.kind)).toEqual(["link"]);
    expect(fs.existsSync(path.join(dataDir, "files", key))).toBe(false);
    const audits = await database.query<{ action: string }>(
      "select action from audit_log where entity = 'followUpFile' and entity_id = $1 order by at",
      [file.id],
    );
    expect(audits.map((a) => a.action)).toEqual(["upload", "delete"]);
  });

  it("refuses evidence on an accepted item with a clear message, and removal once reported", async () => {
    const id = await w.newItem();
    const officer = await w.as("officerA");
    const link = (await officer.post(`/api/follow-up/items/${id}/links`, { url: "https://a.vn/x" })).json()
      .file;
    await ok("officerA", id, { action: "report", answer: "Xong." });
    const late = await officer.delete(`/api/follow-up/items/${id}/files/${link.id}`);
    expect(late.statusCode).toBe(409);
    await ok("officerSnv", id, { action: "accept" });
    const before = await footprint(id);
    const up = await officer.upload(`/api/follow-up/items/${id}/files`, { fileName: "them.pdf", data: PDF });
    expect(up.statusCode).toBe(409);
    expect(up.json().error.message).toBe(
      "Không thể thêm tài liệu: việc này đã được chấp nhận. Hãy mở lại việc nếu cần bổ sung.",
    );
    expect(await footprint(id)).toEqual(before);
    expect((await view(id, "officerA")).can).toEqual({ actions: [], comment: true, upload: false });
  });
});
