import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../../../core/src/auth/roles";
import { addDays } from "../../../../../core/src/reporting/periods";
import { createTestDatabase } from "../../../../test/database";
import { buildProvince, buildUnit, buildUser } from "../../../../test/factories";
import { buildTestApp, createClient } from "../../../../test/http";
import { expectOfficialTable, firstSheet } from "../../../../test/xlsx-shape";
import { provinceToday } from "../../../app/clock";
import type { Database } from "../../../app/db";
import { ensureIndexCatalog } from "../../indices/indices.catalog";
import type { OrgUnitRow } from "../../org-units/org-units.repository";

let database: Database;
let app: FastifyInstance;
const units: Record<string, OrgUnitRow> = {};
const usernames: Record<string, string> = {};
const clients = new Map<string, ReturnType<typeof createClient>>();
const BASE = "/api/follow-up/dialogues";
const today = provinceToday();
const heldOn = addDays(today, -10);

/** One signed-in client per person of the world ("officerX", "coord"…). */
async function as(who: string) {
  const known = clients.get(who);
  if (known) return known;
  const c = createClient(app);
  await c.login(usernames[who]);
  clients.set(who, c);
  return c;
}

const query = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  database.query<T>(text, params) as Promise<T[]>;

/** A recommendation's handling is the items' routes (another register): tests put its answer in place. */
async function answerAndAccept(itemId: string, answer: string, on: string) {
  await query(
    "update follow_up_items set state = 'accepted', answer = $2, reported_on = $3, done_on = $3 where id = $1",
    [itemId, answer, on],
  );
}

async function workbook(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kiến nghị");
  for (const r of rows) ws.addRow(r);
  return { fileName: "kien-nghi.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureIndexCatalog({ db: database.db });
  const db = database.db;
  units.province = await buildProvince(db, { name: "Tỉnh Đối Thoại" });
  units.snv = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: units.province.id });
  units.stc = await buildUnit(db, { kind: "department", name: "Sở Tài chính", parentId: units.province.id });
  units.comX = await buildUnit(db, { kind: "commune", name: "Xã Hòa Bình", parentId: units.province.id });
  units.comY = await buildUnit(db, { kind: "commune", name: "Xã Yên Thế", parentId: units.province.id });
  units.province2 = await buildProvince(db, { name: "Tỉnh Bên Cạnh" });
  units.com2 = await buildUnit(db, { kind: "commune", name: "Xã Bên Kia", parentId: units.province2.id });
  const people: Array<[string, string, Role[]]> = [
    ["coord", "snv", ["coordinator"]],
    ["viewer", "snv", ["viewer"]],
    ["officerX", "comX", ["officer"]],
    ["headX", "comX", ["head"]],
    ["officerY", "comY", ["officer"]],
    ["officerStc", "stc", ["officer"]],
    ["officer2", "com2", ["officer"]],
    ["coord2", "com2", ["coordinator"]],
  ];
  for (const [who, unit, roles] of people)
    usernames[who] = (await buildUser(db, { unitId: units[unit].id, roles })).username;
  app = await buildTestApp(database);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const dialogueBody = (extra: Record<string, unknown> = {}) => ({
  heldOn,
  kind: "businesses",
  title: "Đối thoại giữa Chủ tịch UBND xã với doanh nghiệp năm nay",
  chair: "Chủ tịch UBND xã",
  participantCount: 80,
  participants: "80 doanh nghiệp, hộ kinh doanh trên địa bàn",
  minutes: "Hội nghị ghi nhận 23 kiến nghị.",
  ...extra,
});

async function createDialogue(who: string, extra: Record<string, unknown> = {}) {
  const res = await (await as(who)).post(BASE, dialogueBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().dialogue as { id: string; version: number; heldOn: string };
}

const rec = (extra: Record<string, unknown> = {}) => ({
  content: "Đề nghị rút ngắn thời gian cấp giấy phép xây dựng",
  raiserKind: "business",
  raiserName: "Công ty TNHH Minh Phát",
  ...extra,
});

const countItems = async (dialogueId: string) =>
  (
    await query<{ n: number }>("select count(*)::int as n from follow_up_items where dialogue_id = $1", [
      dialogueId,
    ])
  )[0].n;

describe("dialogues: who may call", () => {
  it("answers 401 without a session", async () => {
    const c = createClient(app);
    expect((await c.get(BASE)).statusCode).toBe(401);
    expect((await c.get(`${BASE}/published`)).statusCode).toBe(401);
    expect((await c.post(BASE, dialogueBody())).statusCode).toBe(401);
  });

  it("lets a commune record its own dialogue and a coordinator the province's, nothing else", async () => {
    const mine = await createDialogue("officerX");
    const detail = (await (await as("officerX")).get(`${BASE}/${mine.id}`)).json().dialogue;
    expect(detail.hostUnit).toEqual({ id: units.comX.id, name: "Xã Hòa Bình" });
    expect(detail.can).toMatchObject({ update: true, delete: true, addRecommendations: true });
    await createDialogue("coord", {
      hostUnitId: units.province.id,
      title: "Đối thoại của Chủ tịch UBND tỉnh",
    });
    // An officer may not hold one for the province, nor for another commune.
    const forProvince = await (await as("officerX")).post(
      BASE,
      dialogueBody({ hostUnitId: units.province.id }),
    );
    expect(forProvince.statusCode).toBe(403);
    const forNeighbour = await (await as("officerX")).post(BASE, dialogueBody({ hostUnitId: units.comY.id }));
    expect(forNeighbour.statusCode).toBe(403);
    // Another province's unit does not exist to her.
    const foreign = await (await as("officer2")).post(BASE, dialogueBody({ hostUnitId: units.comX.id }));
    expect(foreign.statusCode).toBe(404);
    // A viewer records nothing.
    expect((await (await as("viewer")).post(BASE, dialogueBody())).statusCode).toBe(403);
  });

  it("refuses bad bodies with a Vietnamese message naming the field", async () => {
    const c = await as("officerX");
    const noTitle = await c.post(BASE, dialogueBody({ title: undefined }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.message).toMatch(/title.*Thiếu tên hội nghị đối thoại/);
    const badKind = await c.post(BASE, dialogueBody({ kind: "party" }));
    expect(badKind.json().error.message).toMatch(/Hình thức đối thoại không hợp lệ/);
    const sector = await c.post(BASE, dialogueBody({ kind: "sector", sector: "" }));
    expect(sector.statusCode).toBe(400);
    expect(sector.json().error.message).toBe("Đối thoại chuyên đề, theo ngành cần ghi rõ ngành, lĩnh vực.");
    const badDay = await c.post(BASE, dialogueBody({ heldOn: "2026-02-30" }));
    expect(badDay.json().error.message).toMatch(/Ngày không tồn tại/);
  });

  it("hides a commune's dialogue from an unrelated commune and another province (404), not from the province", async () => {
    const d = await createDialogue("officerX", { title: "Đối thoại riêng của xã Hòa Bình" });
    for (const who of ["officerY", "officer2", "coord2", "officerStc"])
      expect((await (await as(who)).get(`${BASE}/${d.id}`)).statusCode, who).toBe(404);
    for (const who of ["coord", "viewer", "headX"])
      expect((await (await as(who)).get(`${BASE}/${d.id}`)).statusCode, who).toBe(200);
    // Read is not write: the province's coordinator may read a commune's dialogue but not change it.
    const patch = await (await as("coord")).patch(`${BASE}/${d.id}`, { version: d.version, chair: "Ai đó" });
    expect(patch.statusCode).toBe(403);
    const foreignPatch = await (await as("officer2")).patch(`${BASE}/${d.id}`, {
      version: d.version,
      chair: "X",
    });
    expect(foreignPatch.statusCode).toBe(404);
    expect((await (await as("officerY")).delete(`${BASE}/${d.id}`)).statusCode).toBe(404);
    const rec1 = await (await as("officerY")).post(`${BASE}/${d.id}/recommendations`, {
      recommendations: [rec()],
    });
    expect(rec1.statusCode).toBe(404);
  });
});

describe("dialogues: the list", () => {
  it("pages on the server with the true total, cut to the reader's scope, with filters", async () => {
    const coord = await as("coord");
    await createDialogue("officerY", {
      kind: "citizens",
      title: "Đối thoại với Nhân dân xã Yên Thế về đất đai",
      heldOn: `${Number(today.slice(0, 4)) - 1}-06-15`,
    });
    const all = (await coord.get(`${BASE}?pageSize=200`)).json();
    expect(all.total).toBe(all.dialogues.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const page = (await coord.get(`${BASE}?pageSize=1&page=2`)).json();
    expect(page.total).toBe(all.total);
    expect(page.dialogues).toHaveLength(1);
    expect(page.dialogues[0].id).toBe(all.dialogues[1].id);
    // Newest first.
    const days = all.dialogues.map((d: { heldOn: string }) => d.heldOn);
    expect([...days].sort().reverse()).toEqual(days);
    // A commune sees its own; the neighbour's is not in its list.
    const x = (await (await as("officerX")).get(`${BASE}?pageSize=200`)).json();
    expect(x.dialogues.every((d: { hostUnit: { id: string } }) => d.hostUnit.id === units.comX.id)).toBe(
      true,
    );
    expect(x.can).toMatchObject({ create: true, anyHost: false });
    expect(x.can.hostUnits).toEqual([{ id: units.comX.id, name: "Xã Hòa Bình" }]);
    expect((await coord.get(BASE)).json().can.hostUnits.map((u: { id: string }) => u.id)).toEqual([
      units.snv.id,
      units.province.id,
    ]);
    expect((await (await as("officer2")).get(BASE)).json().total).toBe(0);
    // Filters: kind, year, host, and a search without diacritics.
    const citizens = (await coord.get(`${BASE}?kind=citizens`)).json();
    expect(citizens.dialogues.map((d: { title: string }) => d.title)).toEqual([
      "Đối thoại với Nhân dân xã Yên Thế về đất đai",
    ]);
    const lastYear = (await coord.get(`${BASE}?year=${Number(today.slice(0, 4)) - 1}`)).json();
    expect(lastYear.total).toBe(1);
    const byHost = (await coord.get(`${BASE}?hostUnitId=${units.province.id}`)).json();
    expect(
      byHost.dialogues.every((d: { hostUnit: { id: string } }) => d.hostUnit.id === units.province.id),
    ).toBe(true);
    const search = (await coord.get(`${BASE}?q=${encodeURIComponent("dat dai yen the")}`)).json();
    expect(search.total).toBe(1);
    expect((await coord.get(`${BASE}?kind=party`)).statusCode).toBe(400);
    expect((await (await as("viewer")).get(BASE)).json().can.create).toBe(false);
  });
});

describe("dialogues: recommendations in bulk", () => {
  it("refuses bad recommendations with what is wrong, and writes nothing", async () => {
    const d = await createDialogue("officerX");
    const c = await as("officerX");
    const url = `${BASE}/${d.id}/recommendations`;
    const empty = await c.post(url, { recommendations: [rec(), rec({ content: "   " })] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(
      /recommendations\.1\.content.*Nội dung kiến nghị không được để trống/,
    );
    const early = await c.post(url, {
      recommendations: [rec({ unitId: units.stc.id, dueDate: addDays(heldOn, -1) })],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(
      /^Kiến nghị 1: Hạn xử lý .* không thể trước ngày tổ chức đối thoại/,
    );
    const component = await c.post(url, {
      recommendations: [rec(), rec({ component: { versionCode: "PCI-2022", componentCode: "NO_SUCH" } })],
    });
    expect(component.statusCode).toBe(400);
    expect(component.json().error.message).toMatch(/^Kiến nghị 2: Không có chỉ số thành phần “NO_SUCH”/);
    const foreignUnit = await c.post(url, { recommendations: [rec({ unitId: units.com2.id })] });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().error.message).toMatch(/Không tìm thấy đơn vị xử lý/);
    const badKind = await c.post(url, { recommendations: [rec({ raiserKind: "party" })] });
    expect(badKind.statusCode).toBe(400);
    expect(await countItems(d.id)).toBe(0);
  });

  it("writes them all in one go as items followed by the host, arisen on the dialogue's day", async () => {
    const d = await createDialogue("officerX");
    const res = await (await as("headX")).post(`${BASE}/${d.id}/recommendations`, {
      recommendations: [
        rec({
          unitId: units.stc.id,
          dueDate: addDays(heldOn, 30),
          field: "Đất đai",
          component: { versionCode: "PCI-2022", componentCode: "TRANSPARENCY" },
        }),
        rec({ content: "Đề nghị công khai quy hoạch sử dụng đất", raiserKind: "citizen", anonymous: true }),
        rec({ content: "Đề nghị hỗ trợ thủ tục thuế", unitId: units.comX.id, dueDate: heldOn }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(3);
    const rows = await query<{
      kind: string;
      state: string;
      follower_unit_id: string;
      arose_on: string;
      unit_id: string | null;
      component_code: string | null;
    }>(
      `select kind, state, follower_unit_id, arose_on::text, unit_id, component_code from follow_up_items
        where dialogue_id = $1 order by position`,
      [d.id],
    );
    expect(rows.map((r) => r.state)).toEqual(["open", "received", "open"]);
    expect(rows.every((r) => r.kind === "recommendation" && r.follower_unit_id === units.comX.id)).toBe(true);
    expect(rows.every((r) => r.arose_on === heldOn)).toBe(true);
    expect(rows[0].component_code).toBe("TRANSPARENCY");
    const audited = await query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity = 'followUpItem' and action = 'create' and entity_id = any($1::text[])",
      [res.json().ids],
    );
    expect(audited[0].n).toBe(3);
    // The page's list: anonymised raiser shown, statuses by the tasks' rule.
    const list = (await (await as("coord")).get(`${BASE}/${d.id}/recommendations?pageSize=2`)).json();
    expect(list.total).toBe(3);
    expect(list.recommendations).toHaveLength(2);
    expect(list.recommendations[0]).toMatchObject({
      unit: { id: units.stc.id, name: "Sở Tài chính" },
      state: "open",
      status: "notStarted",
      component: { componentCode: "TRANSPARENCY" },
    });
    expect(list.recommendations[1].raiserShown).toBe("Người dân (ẩn danh)");
    const summary = (await (await as("coord")).get(`${BASE}/${d.id}`)).json().dialogue.counts;
    expect(summary).toMatchObject({ total: 3, accepted: 0, answeredOnTime: 0, published: 0 });
    expect(summary.byState).toMatchObject({ open: 2, received: 1, accepted: 0 });
    // The third was due on the dialogue's day, ten days ago, and is not answered: overdue.
    expect(summary.byStatus).toMatchObject({ notStarted: 2, overdue: 1 });
  });

  it("takes no recommendations before a dialogue recorded ahead has been held", async () => {
    const planned = await createDialogue("officerX", { heldOn: addDays(today, 20) });
    const detail = (await (await as("officerX")).get(`${BASE}/${planned.id}`)).json().dialogue;
    expect(detail).toMatchObject({ held: false, can: { addRecommendations: false } });
    const res = await (await as("officerX")).post(`${BASE}/${planned.id}/recommendations`, {
      recommendations: [rec()],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("dialogue.notHeld");
  });
});

describe("dialogues: changes and deletion", () => {
  it("changes a dialogue at its version, moving its recommendations' day with it", async () => {
    const d = await createDialogue("officerX");
    const c = await as("officerX");
    await c.post(`${BASE}/${d.id}/recommendations`, {
      recommendations: [rec({ unitId: units.stc.id, dueDate: addDays(heldOn, 5) })],
    });
    const later = await c.patch(`${BASE}/${d.id}`, { version: d.version, heldOn: addDays(heldOn, 6) });
    expect(later.statusCode).toBe(400);
    expect(later.json().error.code).toBe("dialogue.heldOnAfterDue");
    const moved = await c.patch(`${BASE}/${d.id}`, {
      version: d.version,
      heldOn: addDays(heldOn, 2),
      chair: "Bí thư xã",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().dialogue).toMatchObject({
      heldOn: addDays(heldOn, 2),
      chair: "Bí thư xã",
      version: d.version + 1,
    });
    const [item] = await query<{ arose_on: string }>(
      "select arose_on::text from follow_up_items where dialogue_id = $1",
      [d.id],
    );
    expect(item.arose_on).toBe(addDays(heldOn, 2));
    const stale = await c.patch(`${BASE}/${d.id}`, { version: d.version, chair: "Cũ" });
    expect(stale.statusCode).toBe(409);
  });

  it("deletes a dialogue only while none of its recommendations has been answered", async () => {
    const d = await createDialogue("officerX");
    const c = await as("officerX");
    const created = (
      await c.post(`${BASE}/${d.id}/recommendations`, { recommendations: [rec({ unitId: units.stc.id })] })
    ).json();
    await query("update follow_up_items set state = 'reported', reported_on = $2 where id = $1", [
      created.ids[0],
      today,
    ]);
    expect((await c.get(`${BASE}/${d.id}`)).json().dialogue.can.delete).toBe(false);
    const refused = await c.delete(`${BASE}/${d.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/đã có kiến nghị được trả lời/);
    const fresh = await createDialogue("officerX");
    await c.post(`${BASE}/${fresh.id}/recommendations`, { recommendations: [rec()] });
    expect((await c.delete(`${BASE}/${fresh.id}`)).statusCode).toBe(200);
    expect(await countItems(fresh.id)).toBe(0);
    expect((await c.get(`${BASE}/${fresh.id}`)).statusCode).toBe(404);
    const audit = await query(
      "select 1 from audit_log where entity = 'dialogue' and action = 'delete' and entity_id = $1",
      [fresh.id],
    );
    expect(audit).toHaveLength(1);
  });
});

describe("dialogues: minutes", () => {
  it("stores a minutes file checked by content, readable only by those who read the dialogue", async () => {
    const d = await createDialogue("officerX");
    const c = await as("officerX");
    const up = await c.upload(`${BASE}/${d.id}/files`, { fileName: "Biên bản đối thoại.pdf", data: PDF });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().file;
    expect(file).toMatchObject({ fileName: "Biên bản đối thoại.pdf", contentType: "application/pdf" });
    const lying = await c.upload(`${BASE}/${d.id}/files`, { fileName: "bien-ban.docx", data: PDF });
    expect(lying.statusCode).toBe(400);
    expect(
      (await (await as("officerY")).upload(`${BASE}/${d.id}/files`, { fileName: "a.pdf", data: PDF }))
        .statusCode,
    ).toBe(404);
    const down = await (await as("coord")).get(`${BASE}/${d.id}/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers["content-disposition"]).toContain("filename*=UTF-8''Bi%C3%AAn");
    expect(down.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await (await as("officerY")).get(`${BASE}/${d.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await c.get(`${BASE}/${d.id}`)).json().dialogue.files).toHaveLength(1);
    expect((await c.delete(`${BASE}/${d.id}/files/${file.id}`)).statusCode).toBe(200);
    expect((await c.get(`${BASE}/${d.id}/files/${file.id}`)).statusCode).toBe(404);
  });
});

describe("dialogues: import from a workbook", () => {
  const header = [
    "Nội dung kiến nghị",
    "Người/đơn vị kiến nghị",
    "Loại",
    "Ẩn danh",
    "Lĩnh vực",
    "Đơn vị xử lý",
    "Thời hạn",
  ];

  it("previews every problem by row and writes nothing from a file with a bad row", async () => {
    const d = await createDialogue("officerX");
    const c = await as("officerX");
    const file = await workbook([
      ["Danh sách kiến nghị"],
      header,
      [
        "Đề nghị giảm thời gian cấp phép",
        "Công ty A",
        "Doanh nghiệp",
        "",
        "Xây dựng",
        "Sở Tài chính",
        "30/12/2099",
      ],
      ["Đề nghị sửa đường liên xã", "Ông B", "Người dân", "Có", "Giao thông", "Sở Không Có", "01/01/2000"],
      ["", "Bà C", "Người dân", "", "", "", ""],
      ["Đề nghị mở lớp tập huấn", "Hiệp hội D", "Đảng phái", "", "", "", "ngày mai"],
    ]);
    const preview = await c.upload(`${BASE}/${d.id}/recommendations/import`, file);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.rows.map((r: { row: number }) => r.row)).toEqual([3]);
    expect(body.rows[0]).toMatchObject({
      unit: { id: units.stc.id },
      dueDate: "2099-12-30",
      raiserKind: "business",
    });
    const messages = body.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Dòng 4, cột "Đơn vị xử lý": không tìm thấy đơn vị "Sở Không Có"/),
        expect.stringMatching(/^Dòng 5, cột "Nội dung kiến nghị": thiếu nội dung/),
        expect.stringMatching(/^Dòng 6, cột "Loại": không nhận ra loại "Đảng phái"/),
        expect.stringMatching(/^Dòng 6, cột "Thời hạn": không đọc được ngày "ngày mai"/),
      ]),
    );
    const commit = await c.upload(`${BASE}/${d.id}/recommendations/import?commit=true`, file);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.message).toMatch(/chưa ghi kiến nghị nào/);
    expect(await countItems(d.id)).toBe(0);
    // A deadline before the dialogue is the bulk entry's rule, named by the file's row.
    const early = await c.upload(
      `${BASE}/${d.id}/recommendations/import`,
      await workbook([header, ["Đề nghị X", "", "", "", "", "STC", "01/01/2000"]]),
    );
    expect(early.json().errors[0].message).toMatch(
      /^Dòng 2, cột "Thời hạn": hạn xử lý .* không thể trước ngày tổ chức/,
    );
  });

  it("writes a clean file all at once, units matched in the province's directory", async () => {
    const d = await createDialogue("officerX");
    const c = await as("officerX");
    const file = await workbook([
      header,
      [
        "Đề nghị giảm thời gian cấp phép",
        "Công ty A",
        "Doanh nghiệp",
        "",
        "Xây dựng",
        "Sở Tài chính",
        "30/12/2099",
      ],
      ["Đề nghị sửa đường liên xã", "Ông B", "Người dân", "x", "Giao thông", "", ""],
      ["Đề nghị hỗ trợ vốn", "", "", "", "", "xã hòa bình", new Date(Date.UTC(2099, 0, 5))],
    ]);
    const preview = (await c.upload(`${BASE}/${d.id}/recommendations/import`, file)).json();
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r: { unit: { id: string } | null }) => r.unit?.id ?? null)).toEqual([
      units.stc.id,
      null,
      units.comX.id,
    ]);
    // Left blank, the kind of raiser follows the dialogue (with businesses).
    expect(preview.rows[2].raiserKind).toBe("business");
    expect(preview.rows[1].anonymous).toBe(true);
    const commit = await c.upload(`${BASE}/${d.id}/recommendations/import?commit=true`, file);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().created).toBe(3);
    expect(await countItems(d.id)).toBe(3);
    // Someone who may not add recommendations is refused before the file is read.
    expect(
      (await (await as("coord")).upload(`${BASE}/${d.id}/recommendations/import`, file)).statusCode,
    ).toBe(403);
    const template = await c.get(`${BASE}/recommendations/import-template.xlsx`);
    expect(template.statusCode).toBe(200);
    const sheet = await firstSheet(template.rawPayload);
    expect(sheet.getRow(3).values).toEqual(
      expect.arrayContaining(["Nội dung kiến nghị *", "Đơn vị xử lý", "Thời hạn"]),
    );
  });
});

describe("dialogues: publication and the published list", () => {
  it("publishes only an accepted answer, by the host or a coordinator, audited; the public list names no anonymous raiser", async () => {
    const d = await createDialogue("officerX", { title: "Đối thoại công khai kết quả" });
    const ids: string[] = (
      await (
        await as("officerX")
      ).post(`${BASE}/${d.id}/recommendations`, {
        recommendations: [
          rec({ unitId: units.stc.id, dueDate: addDays(heldOn, 20) }),
          rec({
            content: "Đề nghị làm rõ khoản thu phí chợ",
            raiserKind: "citizen",
            raiserName: "Nguyễn Thị Kín Tên",
            anonymous: true,
            unitId: units.stc.id,
            dueDate: addDays(heldOn, 1),
          }),
        ],
      })
    ).json().ids;
    const url = (id: string) => `${BASE}/${d.id}/recommendations/${id}/publication`;
    const unanswered = await (await as("headX")).post(url(ids[0]), { published: true });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().error.message).toMatch(/đã có trả lời được duyệt/);
    await answerAndAccept(ids[0], "Sở đã rút ngắn thời gian cấp phép còn 10 ngày.", addDays(heldOn, 15));
    await answerAndAccept(ids[1], "Khoản thu đã được niêm yết công khai.", addDays(heldOn, 4));
    // The responsible unit answers; it does not publish. Another commune and province do not see it.
    expect((await (await as("officerStc")).post(url(ids[0]), { published: true })).statusCode).toBe(404);
    expect((await (await as("officerY")).post(url(ids[0]), { published: true })).statusCode).toBe(404);
    expect((await (await as("officer2")).post(url(ids[0]), { published: true })).statusCode).toBe(404);
    expect((await (await as("viewer")).post(url(ids[0]), { published: true })).statusCode).toBe(403);
    const bad = await (await as("headX")).post(url(ids[0]), { published: "yes" });
    expect(bad.statusCode).toBe(400);
    const ok = await (await as("headX")).post(url(ids[0]), { published: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: ids[0], published: true });
    expect((await (await as("coord")).post(url(ids[1]), { published: true })).statusCode).toBe(200);
    const actions = await query<{ action: string }>(
      "select action from audit_log where entity = 'followUpItem' and entity_id = any($1::text[]) and action like 'followUp.%' order by at",
      [ids],
    );
    expect(actions.map((a) => a.action)).toEqual(["followUp.publish", "followUp.publish"]);

    const list = await (await as("officerY")).get(
      `${BASE}/published?q=${encodeURIComponent("cong khai ket qua")}`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    const anonymous = list.json().recommendations.find((r: { id: string }) => r.id === ids[1]);
    expect(anonymous).toEqual({
      id: ids[1],
      dialogue: {
        id: d.id,
        heldOn,
        kind: "businesses",
        title: "Đối thoại công khai kết quả",
        hostUnitName: "Xã Hòa Bình",
      },
      content: "Đề nghị làm rõ khoản thu phí chợ",
      raiserShown: "Người dân (ẩn danh)",
      field: "",
      unitName: "Sở Tài chính",
      answer: "Khoản thu đã được niêm yết công khai.",
      answeredOn: addDays(heldOn, 4),
    });
    expect(list.body).not.toContain("Kín Tên");
    // Searching by the anonymous raiser's name finds nothing.
    const probe = await (await as("coord")).get(`${BASE}/published?q=${encodeURIComponent("kin ten")}`);
    expect(probe.json().total).toBe(0);
    // Another province sees none of it.
    expect((await (await as("officer2")).get(`${BASE}/published`)).json().total).toBe(0);

    const counts = (await (await as("coord")).get(`${BASE}/${d.id}`)).json().dialogue.counts;
    // The first answer came within its deadline, the second after it.
    expect(counts).toMatchObject({ accepted: 2, answeredOnTime: 1, published: 2 });
    expect(counts.byStatus).toMatchObject({ completedOnTime: 1, completedLate: 1 });

    const off = await (await as("headX")).post(url(ids[1]), { published: false });
    expect(off.json()).toEqual({ id: ids[1], published: false });
    const after = await query<{ action: string }>(
      "select action from audit_log where entity_id = $1 and action = 'followUp.unpublish'",
      [ids[1]],
    );
    expect(after).toHaveLength(1);
    expect(
      (await (await as("coord")).get(`${BASE}/published?q=${encodeURIComponent("cong khai ket qua")}`)).json()
        .total,
    ).toBe(1);
  });

  it("exports the dialogue's recommendations with their answers, anonymous raisers unnamed", async () => {
    const d = await createDialogue("officerX", { title: "Đối thoại xuất Excel" });
    const ids: string[] = (
      await (
        await as("officerX")
      ).post(`${BASE}/${d.id}/recommendations`, {
        recommendations: [
          rec({ unitId: units.stc.id, dueDate: addDays(heldOn, 20) }),
          rec({ raiserKind: "citizen", raiserName: "Trần Văn Giấu", anonymous: true }),
        ],
      })
    ).json().ids;
    await answerAndAccept(ids[0], "Đã giải quyết xong.", addDays(heldOn, 3));
    const res = await (await as("viewer")).get(`${BASE}/${d.id}/recommendations.xlsx`);
    expect(res.statusCode).toBe(200);
    const sheet = await firstSheet(res.rawPayload);
    expect(sheet.getRow(3).values).toEqual(
      expect.arrayContaining([
        "STT",
        "Nội dung kiến nghị",
        "Người/đơn vị kiến nghị",
        "Đơn vị xử lý",
        "Nội dung trả lời",
      ]),
    );
    expectOfficialTable(sheet, { headerRow: 3, numbers: [1], dates: [8] });
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain("Người dân (ẩn danh)");
    expect(text).not.toContain("Trần Văn Giấu");
    expect(text).toContain("Đã giải quyết xong.");
    expect((await (await as("officerY")).get(`${BASE}/${d.id}/recommendations.xlsx`)).statusCode).toBe(404);
  });
});
