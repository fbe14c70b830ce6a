/**
 * The follow-up items' reads: the list (filters, scope by role, sorting, server paging with the true
 * total), an item's page (history, files, what the actor may do), the Excel export; 401 without a
 * session, 400 naming a bad filter, 404 for what the actor may not see (another province, a unit
 * outside the actor's scope).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import {
  buildItemsWorld,
  DAYS,
  type ItemsWho,
  type ItemsWorld,
} from "../../../../test/follow-up-items-world";
import { buildTestApp, createClient } from "../../../../test/http";
import { setClockForTests } from "../../../app/clock";
import type { Database } from "../../../app/db";

let database: Database;
let app: FastifyInstance;
let w: ItemsWorld;
let other: ItemsWorld;
let dataDir: string;
let overdueId: string;

beforeAll(async () => {
  // 01/04/2026, 10:00 in Vietnam.
  setClockForTests(new Date("2026-04-01T03:00:00Z"));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-items-"));
  database = await createTestDatabase();
  app = await buildTestApp(database, { dataDir });
  w = await buildItemsWorld({ db: database.db, app });
  other = await buildItemsWorld({ db: database.db, app, tag: "Tỉnh Khác" });
  overdueId = await w.newItem({ content: "Cập nhật quy chế làm việc đã quá hạn", dueDate: "2026-03-25" });
}, 120_000);

afterAll(async () => {
  setClockForTests(null);
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Row = { id: string; content: string; status: string | null; unitName: string | null };
const list = async (who: ItemsWho, query = "") => {
  const res = await (await w.as(who)).get(`/api/follow-up/items${query ? `?${query}` : ""}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number; page: number; pageSize: number };
};
const ids = (body: { items: Row[] }) => body.items.map((r) => r.id).sort();

describe("the follow-up items list", () => {
  it("refuses anyone not signed in (401) on every route", async () => {
    // A browser without a session: its CSRF token is right, so the refusal is the session's.
    const anonymous = createClient(app);
    const id = w.items.a;
    for (const [method, url] of [
      ["GET", "/api/follow-up/items"],
      ["GET", "/api/follow-up/items.xlsx"],
      ["GET", `/api/follow-up/items/${id}`],
      ["POST", `/api/follow-up/items/${id}/transitions`],
      ["POST", `/api/follow-up/items/${id}/comments`],
      ["POST", `/api/follow-up/items/${id}/files`],
      ["POST", `/api/follow-up/items/${id}/links`],
      ["GET", `/api/follow-up/items/${id}/files/${id}`],
      ["DELETE", `/api/follow-up/items/${id}/files/${id}`],
    ] as const)
      expect((await anonymous.request(method, url, method === "GET" ? undefined : {})).statusCode, url).toBe(
        401,
      );
  });

  it("cuts the list to the actor's scope: the province for coordinators and viewers, the units' own work for others", async () => {
    const all = [w.items.a, w.items.room, w.items.received, overdueId].sort();
    for (const who of ["coord", "viewer"] as const) {
      const body = await list(who);
      expect({ who, ids: ids(body), total: body.total }).toEqual({ who, ids: all, total: 4 });
    }
    // A responsible commune, the inspecting unit, a unit above the responsible room, an unrelated commune.
    expect(ids(await list("officerA"))).toEqual([w.items.a, overdueId].sort());
    expect(ids(await list("officerSnv"))).toEqual([w.items.a, overdueId].sort());
    expect(ids(await list("headSxd"))).toEqual([w.items.room]);
    expect(await list("officerB")).toMatchObject({ items: [], total: 0 });
    // The national administrator sees both provinces.
    expect((await list("admin")).total).toBe(7);
  });

  it("filters by kind, state, status class, units with their subtree, source, text and deadlines", async () => {
    const q = async (query: string) => ids(await list("coord", query));
    expect(await q("kind=recommendation")).toEqual([w.items.room, w.items.received].sort());
    expect(await q("state=received")).toEqual([w.items.received]);
    expect(await q("status=overdue")).toEqual([overdueId]);
    expect(await q("status=notStarted")).toEqual([w.items.a, w.items.room, w.items.received].sort());
    expect(await q(`unitId=${w.units.sxd.id}`)).toEqual([w.items.room]);
    expect(await q(`followerUnitId=${w.units.snv.id}`)).toEqual([w.items.a, overdueId].sort());
    expect(await q(`inspectionId=${w.inspection.id}`)).toEqual([w.items.a, overdueId].sort());
    expect(await q(`findingId=${w.finding.id}&dueTo=2026-04-01`)).toEqual([overdueId]);
    expect(await q(`dialogueId=${w.dialogue.id}`)).toEqual([w.items.room, w.items.received].sort());
    expect(await q("dueFrom=2026-04-10&dueTo=2026-04-20")).toEqual([w.items.room]);
    // Without diacritics, any word order; an anonymous raiser's name finds nothing.
    expect(await q("q=khu cong nghiep quy hoach")).toEqual([w.items.received]);
    expect(await q("q=hiep hoi")).toEqual([w.items.received]);
    expect(await q("q=anh duong")).toEqual([]);
  });

  it("presents each row: class by dates, units by name, the source, files and comments counted", async () => {
    const body = await list("coord", `dialogueId=${w.dialogue.id}&sort=state`);
    expect(body.items.map((r) => r.id)).toEqual([w.items.received, w.items.room]);
    const [received, room] = body.items as unknown as Array<Record<string, unknown>>;
    expect(received).toMatchObject({ state: "received", status: "notStarted", unitId: null, unitName: null });
    expect(room).toMatchObject({
      kind: "recommendation",
      state: "open",
      status: "notStarted",
      unitName: "Phòng Quản lý nhà",
      followerUnitName: w.province.name,
      dueDate: DAYS.dueRoom,
      aroseOn: DAYS.dialogue,
      source: {
        kind: "dialogue",
        id: w.dialogue.id,
        label: "Hội nghị đối thoại với doanh nghiệp",
        date: DAYS.dialogue,
      },
      fileCount: 0,
      commentCount: 0,
      version: 1,
    });
    const [a] = (await list("coord", `findingId=${w.finding.id}&sort=due&order=desc`))
      .items as unknown as Array<Record<string, unknown>>;
    expect(a).toMatchObject({
      id: w.items.a,
      source: {
        kind: "inspection",
        id: w.inspection.id,
        findingId: w.finding.id,
        label: "Xã An Phú",
        date: DAYS.inspected,
      },
    });
  });

  it("sorts by due date, state or unit name, and pages on the server with the true total", async () => {
    const byDue = (await list("coord", "sort=due")).items.map((r) => r.id);
    expect(byDue).toEqual([overdueId, w.items.room, w.items.a, w.items.received]);
    expect((await list("coord", "sort=due&order=desc")).items.map((r) => r.id)).toEqual([
      w.items.a,
      w.items.room,
      overdueId,
      w.items.received,
    ]);
    const byUnit = (await list("coord", "sort=unit")).items.map((r) => r.unitName);
    expect(byUnit).toEqual(["Phòng Quản lý nhà", "Xã An Phú", "Xã An Phú", null]);
    const seen: string[] = [];
    for (const page of [1, 2, 3, 4]) {
      const body = await list("coord", `sort=due&pageSize=1&page=${page}`);
      expect(body).toMatchObject({ total: 4, page, pageSize: 1 });
      seen.push(...body.items.map((r) => r.id));
    }
    expect(seen).toEqual(byDue);
    expect(await list("coord", "page=9&pageSize=2")).toMatchObject({ items: [], total: 4 });
  });

  it("refuses a bad filter with a 400 naming it", async () => {
    const c = await w.as("coord");
    for (const [query, words] of [
      ["status=late", "Tình trạng thời hạn"],
      ["state=done", "Trạng thái xử lý"],
      ["kind=task", "Loại việc"],
      ["unitId=abc", "Mã định danh"],
      ["dueFrom=2026-13-01", "Ngày"],
      ["sort=name", "sắp xếp"],
      ["pageSize=1000", ""],
      ["color=red", ""],
    ] as const) {
      const res = await c.get(`/api/follow-up/items?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toContain(words);
    }
  });

  it("answers 404 for a unit filter of another province, and shows nothing of it", async () => {
    const res = await (await w.as("coord")).get(`/api/follow-up/items?unitId=${other.units.comA.id}`);
    expect(res.statusCode).toBe(404);
    const body = await list("coord", `dialogueId=${other.dialogue.id}`);
    expect(body).toMatchObject({ items: [], total: 0 });
  });
});

describe("an item's page", () => {
  it("carries the item, its history in order, its files and what the actor may do", async () => {
    const res = await (await w.as("officerSnv")).get(`/api/follow-up/items/${w.items.a}`);
    expect(res.statusCode, res.body).toBe(200);
    const { item } = res.json();
    expect(item).toMatchObject({
      id: w.items.a,
      content: "Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa",
      requiredResult: "Ảnh chụp bảng niêm yết",
      raiser: null,
      events: [{ action: "create", toState: "open", toUnitName: "Xã An Phú", byName: null }],
      files: [],
      can: { actions: ["transfer", "close"], comment: true, upload: true },
    });
    const officer = (await (await w.as("officerA")).get(`/api/follow-up/items/${w.items.a}`)).json().item;
    expect(officer.can).toEqual({ actions: ["transfer", "report"], comment: true, upload: true });
    const viewer = (await (await w.as("viewer")).get(`/api/follow-up/items/${w.items.a}`)).json().item;
    expect(viewer.can).toEqual({ actions: [], comment: false, upload: false });
  });

  it("shows an anonymous raiser as anonymous, the name nowhere in the answer", async () => {
    const res = await (await w.as("coord")).get(`/api/follow-up/items/${w.items.room}`);
    expect(res.json().item.raiser).toBe("Doanh nghiệp (ẩn danh)");
    expect(res.body).not.toContain("Ánh Dương");
    const received = (await (await w.as("coord")).get(`/api/follow-up/items/${w.items.received}`)).json()
      .item;
    expect(received.raiser).toBe("Hiệp hội Doanh nghiệp tỉnh");
    expect(received.can.actions).toEqual(["assign", "close"]);
  });

  it("is not found for a unit outside the item and for another province, whatever the role", async () => {
    expect((await (await w.as("officerB")).get(`/api/follow-up/items/${w.items.a}`)).statusCode).toBe(404);
    expect((await (await w.as("officerA")).get(`/api/follow-up/items/${w.items.room}`)).statusCode).toBe(404);
    for (const who of ["coord", "viewer", "officerA", "headSnv"] as const)
      expect((await (await w.as(who)).get(`/api/follow-up/items/${other.items.a}`)).statusCode, who).toBe(
        404,
      );
    const missing = await (await w.as("coord")).get(
      "/api/follow-up/items/00000000-0000-4000-8000-000000000000",
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("Không tìm thấy việc cần xử lý.");
  });
});

describe("the items export", () => {
  it("writes every item the list's filters match, in Vietnamese, states and classes in words", async () => {
    const res = await (await w.as("coord")).get("/api/follow-up/items.xlsx?sort=due&kind=remediation");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0];
    const header = sheet.getRow(3).values as unknown[];
    expect(header).toEqual(
      expect.arrayContaining(["STT", "Nội dung", "Đơn vị xử lý", "Hạn xử lý", "Trạng thái xử lý"]),
    );
    const rows = [4, 5].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(sheet.rowCount).toBe(5);
    expect(rows[0]).toEqual(
      expect.arrayContaining([
        "Cập nhật quy chế làm việc đã quá hạn",
        "Xã An Phú",
        "Đang khắc phục",
        "Quá hạn",
      ]),
    );
    expect(rows[1]).toEqual(expect.arrayContaining(["Khắc phục sau kiểm tra", "Chưa thực hiện"]));
    // No internal code: neither state keys nor ids.
    const text = JSON.stringify(rows);
    for (const code of ["open", "overdue", "remediation", w.items.a]) expect(text).not.toContain(`"${code}"`);
  });

  it("exports only what the actor sees, and refuses a bad filter", async () => {
    const res = await (await w.as("officerB")).get("/api/follow-up/items.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].rowCount).toBe(3);
    expect((await (await w.as("coord")).get("/api/follow-up/items.xlsx?status=soon")).statusCode).toBe(400);
  });
});
