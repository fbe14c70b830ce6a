import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCodes } from "../../../../../core/src/words/code-patterns";
import { expectOfficialTable } from "../../../../test/xlsx-shape";
import { provinceToday } from "../../../app/clock";
import { buildInitiativesWorld, type InitiativesWorld } from "./initiatives.test-world";

let w: InitiativesWorld;
const BASE = "/api/follow-up/initiatives";
const year = Number(provinceToday().slice(0, 4));
const pdf = { fileName: "ket-qua.pdf", data: new TextEncoder().encode("%PDF-1.4\nx\n%%EOF\n") };

beforeAll(async () => {
  w = await buildInitiativesWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

const count = async (table: string) =>
  (await w.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

/** Registers an initiative through the API as `who`; answers the initiative. */
async function register(who: Parameters<InitiativesWorld["as"]>[0], body: Record<string, unknown>) {
  const res = await (await w.as(who)).post(BASE, { year, title: "Sáng kiến thử", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().initiative;
}

async function decide(
  id: string,
  body: Record<string, unknown>,
  who: Parameters<InitiativesWorld["as"]>[0] = "coord",
) {
  const c = await w.as(who);
  const current = (await (await w.as("coord")).get(`${BASE}/${id}`)).json().initiative;
  return c.post(`${BASE}/${id}/transitions`, { version: current.version, ...body });
}

describe("who may call the initiatives' routes", () => {
  it("answers 401 without a session, and writes nothing", async () => {
    const c = w.anonymous();
    expect((await c.get(BASE)).statusCode).toBe(401);
    expect((await c.get(`${BASE}/coverage`)).statusCode).toBe(401);
    const before = await count("initiatives");
    const res = await c.post(BASE, { unitId: w.units.comA.id, year, title: "Không đăng nhập" });
    expect(res.statusCode).toBe(401);
    expect(await count("initiatives")).toBe(before);
  });
});

describe("registering an initiative", () => {
  it("lets a unit register its own, with the component it aims at", async () => {
    const i = await register("officerA", {
      unitId: w.units.comA.id,
      title: "Số hóa hồ sơ một cửa",
      problem: "Hồ sơ giấy thất lạc",
      solution: "Quét và lưu hồ sơ điện tử",
      field: "Cải cách thủ tục hành chính",
      versionCode: "PAR_INDEX-2022",
      componentCode: "PAR3",
      expectedResult: "Giảm thời gian tra cứu",
    });
    expect(i).toMatchObject({
      unitId: w.units.comA.id,
      unitName: "Xã An Phú",
      state: "proposed",
      componentCode: "PAR3",
      version: 1,
    });
    expect(i.componentName).toBeTruthy();
    expect(i.can).toMatchObject({ update: true, delete: true, attach: true, actions: [] });
    expect(i.history.map((h: { action: string }) => h.action)).toEqual(["create"]);
  });

  it("refuses to register for another unit (403 in Vietnamese), writing nothing", async () => {
    const before = await count("initiatives");
    const audits = await count("audit_log");
    const res = await (await w.as("officerA")).post(BASE, {
      unitId: w.units.comB.id,
      year,
      title: "Đăng ký hộ xã khác",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("Xã Bình Minh");
    expect(res.json().error.message).toMatch(/chỉ đăng ký.*đơn vị mình/);
    expect(await count("initiatives")).toBe(before);
    expect(await count("audit_log")).toBe(audits);
    // A viewer registers for nobody; another province's unit is not even found.
    const viewer = await (await w.as("viewer")).post(BASE, { unitId: w.units.comA.id, year, title: "X" });
    expect(viewer.statusCode).toBe(403);
    const foreign = await (await w.as("officerA")).post(BASE, {
      unitId: w.units.otherCom.id,
      year,
      title: "Sang tỉnh khác",
    });
    expect(foreign.statusCode).toBe(404);
    expect(await count("initiatives")).toBe(before);
  });

  it("lets the province's coordinator register for any unit of the province", async () => {
    const i = await register("coord", { unitId: w.units.comB.id, title: "Đăng ký giúp xã Bình Minh" });
    expect(i.unitId).toBe(w.units.comB.id);
  });

  it("refuses bad input with a message naming what is wrong", async () => {
    const c = await w.as("officerA");
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ title: "" }, /Tên sáng kiến không được để trống/],
      [{ year: year + 2 }, new RegExp(`Năm ${year + 2} chưa tới`)],
      [{ year: 1990 }, /Năm phải từ 2000/],
      [{ year: "năm nay" }, /Năm phải là một số/],
      [{ versionCode: "PAR_INDEX-2022" }, /đủ bộ chỉ số và chỉ số thành phần/],
      [{ versionCode: "PAR_INDEX-2022", componentCode: "KHONG-CO" }, /Chỉ số thành phần đã chọn không có/],
      [{ unitId: "khong-phai-ma" }, /Mã định danh không hợp lệ/],
    ];
    const before = await count("initiatives");
    for (const [patch, message] of cases) {
      const res = await c.post(BASE, { unitId: w.units.comA.id, year, title: "Thử", ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.message, JSON.stringify(patch)).toMatch(message);
    }
    expect(await count("initiatives")).toBe(before);
    // Next year is allowed: a unit registers what it plans.
    await register("officerA", { unitId: w.units.comA.id, year: year + 1, title: "Kế hoạch năm sau" });
  });
});

describe("changing and removing an initiative", () => {
  it("changes a proposed one on the version read; a stale version is a conflict", async () => {
    const i = await register("officerA", { unitId: w.units.comA.id, title: "Bản đầu" });
    const c = await w.as("headA");
    const ok = await c.patch(`${BASE}/${i.id}`, { version: 1, title: "Bản sửa", field: "Công vụ" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().initiative).toMatchObject({ title: "Bản sửa", field: "Công vụ", version: 2 });
    const stale = await c.patch(`${BASE}/${i.id}`, { version: 1, title: "Bản cũ" });
    expect(stale.statusCode).toBe(409);
    // Another commune's officer does not see it; the viewer sees it but may not change it.
    expect(
      (await (await w.as("officerB")).patch(`${BASE}/${i.id}`, { version: 2, title: "X" })).statusCode,
    ).toBe(404);
    expect(
      (await (await w.as("viewer")).patch(`${BASE}/${i.id}`, { version: 2, title: "X" })).statusCode,
    ).toBe(403);
    expect((await (await w.as("coordOther")).get(`${BASE}/${i.id}`)).statusCode).toBe(404);
  });

  it("deletes a proposed one; a decided one is kept", async () => {
    const i = await register("officerA", { unitId: w.units.comA.id, title: "Sẽ xóa" });
    const c = await w.as("officerA");
    expect((await c.delete(`${BASE}/${i.id}?version=1`)).statusCode).toBe(204);
    expect((await c.get(`${BASE}/${i.id}`)).statusCode).toBe(404);
    const kept = await register("officerA", { unitId: w.units.comA.id, title: "Đã công nhận" });
    expect((await decide(kept.id, { action: "recognise" })).statusCode).toBe(200);
    const refused = await c.delete(`${BASE}/${kept.id}?version=2`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Được công nhận");
  });
});

describe("the coordinators' decisions", () => {
  let id = "";
  beforeAll(async () => {
    id = (await register("officerA", { unitId: w.units.comA.id, title: "Một cửa liên thông" })).id;
  });

  it("refuses decisions to anyone but the province's coordinators", async () => {
    for (const who of ["officerA", "headA", "viewer"] as const) {
      const res = await decide(id, { action: "recognise" }, who);
      expect(res.statusCode, who).toBe(403);
    }
    expect((await decide(id, { action: "recognise" }, "coordOther")).statusCode).toBe(404);
    expect((await decide(id, { action: "reject" })).statusCode).toBe(400);
    expect((await decide(id, { action: "reject" })).json().error.message).toMatch(/Cần nêu lý do/);
    expect(
      (await decide(id, { action: "replicate", unitIds: [w.units.comB.id], fromDate: `${year}-07-01` }))
        .statusCode,
    ).toBe(409);
  });

  it("recognises it, tells the unit, and leaves only the result open to the unit", async () => {
    const res = await decide(id, { action: "recognise", reason: "Hiệu quả rõ" });
    expect(res.statusCode, res.body).toBe(200);
    const i = res.json().initiative;
    expect(i).toMatchObject({ state: "recognised", decidedOn: provinceToday(), decisionNote: "Hiệu quả rõ" });
    expect(i.can.actions).toEqual(["replicate", "reconsider"]);
    const notices = await w.database.query<{ title: string; mail_state: string }>(
      "select title, mail_state from notifications where unit_id = $1 and kind = 'initiativeRecognised'",
      [w.units.comA.id],
    );
    expect(notices).toContainEqual({
      title: "Sáng kiến được công nhận: Một cửa liên thông",
      mail_state: "pending",
    });
    const unit = await w.as("officerA");
    const result = await unit.patch(`${BASE}/${id}`, {
      version: i.version,
      actualResult: "Giảm 30% thời gian",
    });
    expect(result.statusCode, result.body).toBe(200);
    const title = await unit.patch(`${BASE}/${id}`, { version: i.version + 1, title: "Đổi tên" });
    expect(title.statusCode).toBe(409);
    expect(title.json().error.message).toMatch(/chỉ còn cập nhật được kết quả đạt được/);
  });

  it("replicates it to other units from a day, refusing its own unit, repeats and other provinces", async () => {
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ unitIds: [w.units.comA.id], fromDate: `${year}-07-01` }, /là đơn vị có sáng kiến/],
      [{ unitIds: [w.units.comB.id, w.units.comB.id], fromDate: `${year}-07-01` }, /bị trùng/],
      [{ unitIds: [w.units.otherCom.id], fromDate: `${year}-07-01` }, /không thuộc tỉnh/],
      [{ unitIds: [], fromDate: `${year}-07-01` }, /Hãy chọn các đơn vị/],
      [{ unitIds: [w.units.comB.id] }, /Hãy chọn ngày/],
      [{ unitIds: [w.units.comB.id], fromDate: `${year - 1}-12-31` }, /không được trước năm/],
    ];
    for (const [body, message] of bad) {
      const res = await decide(id, { action: "replicate", ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    expect(await count("initiative_replications")).toBe(0);
    // comB cannot read it yet.
    expect((await (await w.as("officerB")).get(`${BASE}/${id}`)).statusCode).toBe(404);
    const res = await decide(id, {
      action: "replicate",
      unitIds: [w.units.comB.id, w.units.stp.id],
      fromDate: `${year}-07-01`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().initiative.state).toBe("replicated");
    expect(res.json().initiative.replications).toEqual(
      expect.arrayContaining([
        { unitId: w.units.comB.id, unitName: "Xã Bình Minh", fromDate: `${year}-07-01` },
        { unitId: w.units.stp.id, unitName: "Sở Tư pháp", fromDate: `${year}-07-01` },
      ]),
    );
    // The units told to apply it hear it and may read it (in the list too).
    const told = await w.database.query<{ unit_id: string }>(
      "select unit_id from notifications where kind = 'initiativeToApply'",
    );
    expect(told.map((n) => n.unit_id).sort()).toEqual([w.units.comB.id, w.units.stp.id].sort());
    const b = await w.as("officerB");
    expect((await b.get(`${BASE}/${id}`)).statusCode).toBe(200);
    expect(
      (await b.get(`${BASE}?year=${year}`)).json().initiatives.map((i: { id: string }) => i.id),
    ).toContain(id);
    // Again to comB: refused by name.
    const again = await decide(id, {
      action: "replicate",
      unitIds: [w.units.comB.id],
      fromDate: `${year}-08-01`,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain("đã được nhân rộng tại “Xã Bình Minh”");
    const history = (await (await w.as("coord")).get(`${BASE}/${id}`)).json().initiative.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      "create",
      "initiative.recognise",
      "update",
      "initiative.replicate",
    ]);
    expect(history[3]).toMatchObject({
      units: expect.arrayContaining(["Xã Bình Minh"]),
      fromDate: `${year}-07-01`,
    });
  });

  it("rejects with a reason and reconsiders with a reason", async () => {
    const other = await register("officerB", { unitId: w.units.comB.id, title: "Chưa thuyết phục" });
    const rejected = await decide(other.id, { action: "reject", reason: "Chưa có kết quả kiểm chứng" });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().initiative).toMatchObject({
      state: "notRecognised",
      decisionNote: "Chưa có kết quả kiểm chứng",
    });
    expect(rejected.json().initiative.can.actions).toEqual(["reconsider"]);
    // The unit changes nothing of a refused initiative, nor adds evidence.
    const unit = await w.as("officerB");
    expect((await unit.patch(`${BASE}/${other.id}`, { version: 2, actualResult: "X" })).statusCode).toBe(409);
    expect((await unit.upload(`${BASE}/${other.id}/files`, pdf)).statusCode).toBe(409);
    expect((await decide(other.id, { action: "reconsider" })).statusCode).toBe(400);
    const back = await decide(other.id, { action: "reconsider", reason: "Đơn vị bổ sung hồ sơ" });
    expect(back.statusCode).toBe(200);
    expect(back.json().initiative).toMatchObject({ state: "proposed", decidedOn: null });
    const notices = await w.database.query<{ kind: string; body: string }>(
      "select kind, body from notifications where unit_id = $1 and kind like 'initiative%' order by created_at",
      [w.units.comB.id],
    );
    expect(notices.map((n) => n.kind)).toEqual(
      expect.arrayContaining(["initiativeNotRecognised", "initiativeReconsidered"]),
    );
    expect(notices.find((n) => n.kind === "initiativeNotRecognised")?.body).toContain(
      "Chưa có kết quả kiểm chứng",
    );
  });

  it("takes a decision only on the version read", async () => {
    const i = await register("officerA", { unitId: w.units.comA.id, title: "Hai người cùng quyết" });
    const c = await w.as("coord");
    expect(
      (await c.post(`${BASE}/${i.id}/transitions`, { action: "recognise", version: 1 })).statusCode,
    ).toBe(200);
    const late = await c.post(`${BASE}/${i.id}/transitions`, {
      action: "reject",
      version: 1,
      reason: "Muộn",
    });
    expect(late.statusCode).toBe(409);
  });
});

describe("the register's list", () => {
  it("pages with the true total, cut to each reader's scope", async () => {
    const coord = (await (await w.as("coord")).get(`${BASE}?year=${year}&pageSize=2`)).json();
    const all = (await (await w.as("coord")).get(`${BASE}?year=${year}&pageSize=500`)).json();
    expect(coord.initiatives).toHaveLength(2);
    expect(coord.total).toBe(all.initiatives.length);
    expect(coord.totalExact).toBe(true);
    expect(coord.can).toEqual({ register: true, decide: true });
    const viewer = (await (await w.as("viewer")).get(`${BASE}?year=${year}&pageSize=500`)).json();
    expect(viewer.total).toBe(all.total);
    expect(viewer.can).toEqual({ register: false, decide: false });
    const a = (await (await w.as("officerA")).get(`${BASE}?year=${year}&pageSize=500`)).json();
    expect(a.initiatives.every((i: { unitId: string }) => i.unitId === w.units.comA.id)).toBe(true);
    expect(a.total).toBeGreaterThan(0);
    expect(a.total).toBeLessThan(all.total);
    expect((await (await w.as("coordOther")).get(`${BASE}?year=${year}`)).json().total).toBe(0);
  });

  it("filters by state, unit, component and words without diacritics", async () => {
    const c = await w.as("coord");
    const get = async (q: string) => (await c.get(`${BASE}?year=${year}&${q}`)).json();
    expect((await get("state=replicated")).initiatives.map((i: { title: string }) => i.title)).toEqual([
      "Một cửa liên thông",
    ]);
    const byUnit = await get(`unitId=${w.units.comB.id}`);
    expect(byUnit.initiatives.every((i: { unitId: string }) => i.unitId === w.units.comB.id)).toBe(true);
    expect((await get("versionCode=PAR_INDEX-2022&componentCode=PAR3")).total).toBe(1);
    expect((await get("q=so hoa ho so")).initiatives.map((i: { title: string }) => i.title)).toEqual([
      "Số hóa hồ sơ một cửa",
    ]);
    expect((await c.get(`${BASE}?state=daXong`)).statusCode).toBe(400);
    expect((await c.get(`${BASE}?unitId=${w.units.otherCom.id}`)).statusCode).toBe(404);
  });
});

describe("evidence of the result", () => {
  it("takes files and links from the unit and gives them to who may read the initiative", async () => {
    const i = await register("officerA", { unitId: w.units.comA.id, title: "Có minh chứng" });
    const unit = await w.as("officerA");
    const up = await unit.upload(`${BASE}/${i.id}/files`, pdf);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().file;
    expect(file).toMatchObject({ kind: "file", fileName: "ket-qua.pdf", contentType: "application/pdf" });
    const link = await unit.post(`${BASE}/${i.id}/links`, {
      url: "https://xa-an-phu.vn/mo-hinh",
      title: "Bài viết",
    });
    expect(link.statusCode, link.body).toBe(201);
    expect(
      (await unit.upload(`${BASE}/${i.id}/files`, { fileName: "gia.pdf", data: "không phải pdf" }))
        .statusCode,
    ).toBe(400);
    expect((await (await w.as("viewer")).upload(`${BASE}/${i.id}/files`, pdf)).statusCode).toBe(403);
    const download = await (await w.as("coord")).get(`${BASE}/${i.id}/files/${file.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString()).toContain("%PDF-1.4");
    expect((await (await w.as("officerB")).get(`${BASE}/${i.id}/files/${file.id}/download`)).statusCode).toBe(
      404,
    );
    expect(
      (await (await w.as("coordOther")).get(`${BASE}/${i.id}/files/${file.id}/download`)).statusCode,
    ).toBe(404);
    const detail = (await unit.get(`${BASE}/${i.id}`)).json().initiative;
    expect(detail.files.map((f: { kind: string }) => f.kind)).toEqual(["file", "link"]);
    expect((await unit.delete(`${BASE}/${i.id}/files/${file.id}`)).statusCode).toBe(204);
    expect((await unit.get(`${BASE}/${i.id}/files/${file.id}/download`)).statusCode).toBe(404);
  });
});

describe("the yearly count per unit against the minimum", () => {
  type Row = {
    unitName: string;
    unitKind: string;
    counted: number;
    registered: number;
    shortfall: number;
    minimum: number;
  };
  const rowOf = (rows: Row[], name: string) => rows.find((r) => r.unitName === name);

  it("lists every department and commune active this year, with its count and shortfall", async () => {
    // Sở Tư pháp's office registers: it counts for Sở Tư pháp. A refused one counts for nobody.
    await register("officerOffice", { unitId: w.units.stpOffice.id, title: "Văn phòng số" });
    const refused = await register("officerStp", { unitId: w.units.stp.id, title: "Không đạt" });
    expect((await decide(refused.id, { action: "reject", reason: "Trùng sáng kiến cũ" })).statusCode).toBe(
      200,
    );
    const res = await (await w.as("coord")).get(`${BASE}/coverage?year=${year}&pageSize=500`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const names = body.rows.map((r: Row) => r.unitName).sort();
    // Not the central agency, not the office, not the province, not the district merged away in 2025.
    expect(names).toEqual(["Sở Nội vụ", "Sở Tư pháp", "Xã An Phú", "Xã Bình Minh"].sort());
    expect(body.minimums).toEqual({ department: 1, district: 1, commune: 1 });
    expect(rowOf(body.rows, "Sở Tư pháp")).toMatchObject({ registered: 2, counted: 1, shortfall: 0 });
    expect(rowOf(body.rows, "Sở Nội vụ")).toMatchObject({ registered: 0, counted: 0, shortfall: 1 });
    expect(body.rows[0].unitName).toBe("Sở Nội vụ");
    expect(body.summary).toEqual({ units: 4, unitsShort: 1, unitsWithNone: 1 });
    const short = (await (await w.as("coord")).get(`${BASE}/coverage?year=${year}&onlyShort=true`)).json();
    expect(short.rows.map((r: Row) => r.unitName)).toEqual(["Sở Nội vụ"]);
    expect(short.total).toBe(1);
  });

  it("measures against a minimum given in the query or set by a coordinator for the year", async () => {
    const coord = await w.as("coord");
    const what = (await coord.get(`${BASE}/coverage?year=${year}&minimum=5&pageSize=500`)).json();
    expect(what.minimumOverride).toBe(5);
    for (const r of what.rows as Row[]) expect(r.shortfall).toBe(Math.max(0, 5 - r.counted));
    expect(
      (await (await w.as("officerA")).put(`${BASE}/minimums/${year}`, { department: 3 })).statusCode,
    ).toBe(403);
    expect((await coord.put(`${BASE}/minimums/${year + 3}`, { department: 3 })).statusCode).toBe(400);
    expect((await coord.put(`${BASE}/minimums/${year}`, { department: -1 })).statusCode).toBe(400);
    const set = await coord.put(`${BASE}/minimums/${year}`, { department: 3 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      year,
      minimums: { department: 3, district: 1, commune: 1 },
      minimumsSet: true,
    });
    const after = (await coord.get(`${BASE}/coverage?year=${year}&pageSize=500`)).json();
    expect(rowOf(after.rows, "Sở Tư pháp")).toMatchObject({ minimum: 3, counted: 1, shortfall: 2 });
    expect(rowOf(after.rows, "Xã Bình Minh")?.minimum).toBe(1);
    // Another year keeps the default; null takes the default back.
    expect((await coord.get(`${BASE}/coverage?year=${year - 1}`)).json().minimums.department).toBe(1);
    await coord.put(`${BASE}/minimums/${year}`, { department: null });
    expect((await coord.get(`${BASE}/coverage?year=${year}`)).json().minimumsSet).toBe(false);
    const audit = await w.database.query<{ entity: string }>(
      "select entity from audit_log where entity = 'initiativeMinimum'",
    );
    expect(audit).toHaveLength(2);
  });

  it("counts the district in the years it existed", async () => {
    const body = (await (await w.as("coord")).get(`${BASE}/coverage?year=2024&kind=district`)).json();
    expect(body.rows.map((r: Row) => r.unitName)).toEqual(["Huyện Cũ"]);
  });

  it("shows a unit only itself", async () => {
    const body = (await (await w.as("officerA")).get(`${BASE}/coverage?year=${year}`)).json();
    expect(body.rows.map((r: Row) => r.unitName)).toEqual(["Xã An Phú"]);
    expect(body.can.setMinimum).toBe(false);
  });
});

describe("the export for the emulation council", () => {
  it("lists the year's initiatives as an official table, states in words, where replicated", async () => {
    const res = await (await w.as("coord")).get(`/api/follow-up/initiatives.xlsx?year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`sang-kien-cai-cach-hanh-chinh-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [list, coverage] = wb.worksheets;
    expect(String(list.getCell("A1").value)).toBe(
      `DANH SÁCH SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH NĂM ${year} TỈNH SÁNG KIẾN`,
    );
    expect(String(list.getCell("A2").value)).toContain("Hội đồng Thi đua - Khen thưởng");
    const header = list.getRow(3).values as string[];
    expect(header).toEqual(
      expect.arrayContaining([
        "Đơn vị",
        "Tên sáng kiến",
        "Vấn đề cần giải quyết",
        "Giải pháp",
        "Kết quả đạt được",
        "Chỉ số thành phần hướng tới",
        "Trạng thái",
        "Nhân rộng tại",
      ]),
    );
    expectOfficialTable(list, { headerRow: 3, numbers: [1], dates: [12] });
    const text: string[] = [];
    list.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const all = text.join("\n");
    expect(all).toContain("Được nhân rộng");
    expect(all).toContain("Không được công nhận");
    expect(all).toMatch(/Xã Bình Minh \(từ 01\/07\/\d{4}\)/);
    expect(all).toContain("PAR INDEX");
    expect(findCodes(all)).toEqual([]);
    expect(coverage.name).toBe("Số sáng kiến theo đơn vị");
    expect(coverage.rowCount).toBe(3 + 4);
  });

  it("gives an officer only her unit's initiatives", async () => {
    const res = await (await w.as("officerB")).get(`/api/follow-up/initiatives.xlsx?year=${year}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const units = new Set<string>();
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 3) units.add(String(row.getCell(2).value));
    });
    // Her own, and the one replicated to her commune.
    expect([...units].sort()).toEqual(["Xã An Phú", "Xã Bình Minh"]);
  });
});
