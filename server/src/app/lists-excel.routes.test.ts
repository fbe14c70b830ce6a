/**
 * Excel exports of the lists (users, directory, index targets, audit log): each as the list's own
 * permission decides, with the list's filters, every row, and as officials make a table (app/xlsx.ts).
 * The report list's export is tested with its list (reporting.lists.test.ts).
 *
 * Imports of users and of index targets from a workbook, as the unit list's: a template to fill,
 * a preview with every problem by row and column in Vietnamese and nothing written, then all or
 * nothing; each write audited; only those who may create one by one may import.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { buildProvince } from "../../test/factories";
import { buildTestApp, createClient } from "../../test/http";
import { expectOfficialTable, firstSheet } from "../../test/xlsx-shape";
import { seedDemoProvince } from "../features/demo/demo.seed";
import type { Database } from "./db";

let database: Database;
let app: FastifyInstance;
let ids: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ unitIds: ids } = await seedDemoProvince({ database }));
  app = await buildTestApp(database);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const as = async (username: string) => {
  const c = createClient(app);
  await c.login(username, "ChiSo@2026");
  return c;
};

/** Every text cell of a sheet's column below its header. */
const column = (sheet: Awaited<ReturnType<typeof firstSheet>>, header: number, col: number) => {
  const out: unknown[] = [];
  for (let n = header + 1; n <= sheet.rowCount; n++) out.push(sheet.getRow(n).getCell(col).value);
  return out;
};

describe("list exports", () => {
  it("refuse anyone not signed in (401)", async () => {
    for (const url of [
      "/api/users.xlsx",
      "/api/org-units.xlsx",
      "/api/indices/targets.xlsx",
      "/api/audit.xlsx",
    ])
      expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(401);
  });

  it("refuse a bad filter with a 400 naming it", async () => {
    const admin = await as("admin");
    for (const url of [
      "/api/users.xlsx?role=boss",
      "/api/org-units.xlsx?includeHistorical=maybe",
      "/api/indices/targets.xlsx?year=abc",
      "/api/audit.xlsx?from=31-12-2025",
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message, url).toMatch(/[À-ỹ]/);
    }
  });

  it("users: admins get every account of the filter, heads their unit's; officers 403", async () => {
    const admin = await as("admin");
    const res = await admin.get("/api/users.xlsx?active=true");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    const list = (await admin.get("/api/users?active=true&pageSize=200")).json();
    const sheet = await firstSheet(res.rawPayload);
    expectOfficialTable(sheet, { headerRow: 2, numbers: [1], dates: [9] });
    expect(sheet.rowCount - 2).toBe(list.total);
    expect(column(sheet, 2, 2)).toContain("dieuphoi");
    // Roles by their names, never their codes.
    expect(column(sheet, 2, 5).join(" ")).toMatch(/Quản trị|Điều phối/i);
    expect(column(sheet, 2, 5).join(" ")).not.toMatch(/\b(admin|coordinator|officer)\b/);

    const head = await as("lanhdao");
    const own = await firstSheet((await head.get("/api/users.xlsx")).rawPayload);
    const units = new Set(column(own, 2, 4));
    expect(units.size).toBe(1);
    expect((await (await as("canbo")).get("/api/users.xlsx")).statusCode).toBe(403);
  });

  it("directory: every visible unit with its parent and validity as dates", async () => {
    const c = await as("canbo");
    const res = await c.get("/api/org-units.xlsx?includeHistorical=true");
    expect(res.statusCode).toBe(200);
    const sheet = await firstSheet(res.rawPayload);
    // Historical units have their end dates; the column is checked as Excel dates.
    expectOfficialTable(sheet, { headerRow: 3, numbers: [1, 7], dates: [10] });
    const tree = (await c.get("/api/org-units/tree?includeHistorical=true")).json();
    expect(sheet.rowCount - 3).toBe(tree.nodes.length);
    const names = column(sheet, 3, 2);
    // Parents before their children.
    expect(names.indexOf("Tỉnh Gia Lai")).toBeLessThan(names.indexOf("Phường Quy Nhơn Nam"));
    const now = await firstSheet((await c.get("/api/org-units.xlsx")).rawPayload);
    expect(now.rowCount).toBeLessThan(sheet.rowCount);
  });

  it("targets: the list's rows with numbers as numbers; another province's is 404", async () => {
    const c = await as("dieuphoi");
    const gl = ids.get("gl") as string;
    await c.put("/api/indices/results/PCI/2024/gia-lai", { total: 65, rank: 30, rankOf: 63 });
    const made = await c.post("/api/indices/targets", {
      provinceUnitId: gl,
      year: 2025,
      indexCode: "PCI",
      targetValue: 68.5,
      rankTo: 15,
    });
    expect(made.statusCode, made.body).toBe(201);
    const res = await c.get(`/api/indices/targets.xlsx?provinceUnitId=${gl}&year=2025`);
    expect(res.statusCode).toBe(200);
    const sheet = await firstSheet(res.rawPayload);
    expectOfficialTable(sheet, { headerRow: 2, numbers: [2, 5, 7, 10, 14] });
    const row = sheet.getRow(3);
    expect(row.getCell(3).value).toBe("PCI");
    expect(row.getCell(4).value).toBe("Chỉ số tổng hợp");
    expect(row.getCell(5).value).toBe(68.5);
    expect(row.getCell(14).value).toBeCloseTo(3.5, 10);
    const other = await buildProvince(database.db, { name: "Tỉnh Khánh Hòa", code: "khanh-hoa" });
    expect((await c.get(`/api/indices/targets.xlsx?provinceUnitId=${other.id}`)).statusCode).toBe(404);
  });

  it("audit: filtered like the list, actions and fields by their Vietnamese names; non-admins 403", async () => {
    const admin = await as("admin");
    const list = (await admin.get("/api/audit?entity=indexTarget&pageSize=200")).json();
    expect(list.total).toBeGreaterThan(0);
    const res = await admin.get("/api/audit.xlsx?entity=indexTarget");
    expect(res.statusCode).toBe(200);
    const sheet = await firstSheet(res.rawPayload);
    expectOfficialTable(sheet, { headerRow: 2, numbers: [1], dates: [2] });
    expect(sheet.rowCount - 2).toBe(list.total);
    expect(column(sheet, 2, 5)).toContain("Mục tiêu chỉ số");
    expect(column(sheet, 2, 6)).toContain("Tạo mới");
    const all = column(sheet, 2, 5)
      .concat(column(sheet, 2, 6), column(sheet, 2, 7))
      .join(" | ");
    expect(all).not.toMatch(/indexTarget|\bcreate\b|targetValue|rankTo/);
    expect(all).toMatch(/Giá trị mục tiêu/);
    expect((await (await as("dieuphoi")).get("/api/audit.xlsx")).statusCode).toBe(403);
  });
});

type Client = Awaited<ReturnType<typeof as>>;

/** A workbook as people send it: a title line, the header, then the rows. */
async function workbook(header: string[], rows: Array<Array<string | number | null>>) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Danh sách");
  sheet.addRow(["DANH SÁCH"]);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const send = (c: Client, url: string, data: Uint8Array) =>
  c.upload(url, { fileName: "danh-sach.xlsx", data });
const count = async (sql: string) => Number((await database.query<{ n: number }>(sql))[0].n);

const USER_HEADER = ["STT", "Tên đăng nhập", "Họ và tên", "Đơn vị", "Vai trò", "Thư điện tử"];

describe("users import", () => {
  it("refuses anyone not signed in (401), non-admins (403) and a request without a file (400)", async () => {
    const data = await workbook(USER_HEADER, [
      [1, "a.b", "Nguyễn Văn A", "Sở Nội vụ", "Cán bộ thực hiện", null],
    ]);
    expect((await send(createClient(app), "/api/users/import", data)).statusCode).toBe(401);
    expect((await send(await as("dieuphoi"), "/api/users/import", data)).statusCode).toBe(403);
    expect((await (await as("dieuphoi")).get("/api/users/import-template.xlsx")).statusCode).toBe(403);
    const none = await (await as("admin")).post("/api/users/import", {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/Hãy chọn một tệp/);
  });

  it("lists every problem by row and column and writes nothing, even when asked to commit", async () => {
    const admin = await as("admin");
    const before = await count("select count(*)::int as n from users");
    const data = await workbook(USER_HEADER, [
      [1, "dieuphoi", "Trùng Tên", "Sở Nội vụ", "Cán bộ thực hiện", null],
      [2, "moi.mot", "Nguyễn Văn Một", "Sở Không Có", "Cán bộ thực hiện", null],
      [3, "moi.hai", "Trần Thị Hai", "Sở Nội vụ", "Thủ kho", "khong-phai-thu"],
      [4, "moi.ba", "Lê Văn Ba", "Sở Nội vụ", "Điều phối, theo dõi; Lãnh đạo đơn vị", "ba@gialai.gov.vn"],
    ]);
    const preview = await send(admin, "/api/users/import", data);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.rows.map((r: { username: string }) => r.username)).toEqual(["moi.ba"]);
    expect(body.rows[0].roles.sort()).toEqual(["coordinator", "head"]);
    const messages = body.errors.map((e: { message: string }) => e.message).join("\n");
    expect(messages).toMatch(/Dòng 3, cột "Tên đăng nhập": tên đăng nhập "dieuphoi" đã được dùng/);
    expect(messages).toMatch(/Dòng 4, cột "Đơn vị": không tìm thấy đơn vị "Sở Không Có"/);
    expect(messages).toMatch(/Dòng 5, cột "Vai trò": không nhận ra vai trò "Thủ kho"/);
    expect(messages).toMatch(/Dòng 5, cột "Thư điện tử"/);
    const commit = await send(admin, "/api/users/import?commit=true", data);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.message).toMatch(/chưa ghi tài khoản nào/);
    expect(await count("select count(*)::int as n from users")).toBe(before);
  });

  it("creates every account of a clean file, each with a temporary password shown once, audited", async () => {
    const admin = await as("admin");
    const template = await admin.get("/api/users/import-template.xlsx");
    expect(template.statusCode).toBe(200);
    // The template filled in: its title, note and header stay as they are.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    sheet.addRow([
      "nhap.mot",
      "Phạm Thị Nhập",
      "Phường Quy Nhơn Nam",
      "Cán bộ thực hiện",
      "nhap@gialai.gov.vn",
    ]);
    sheet.addRow(["nhap.hai", "Võ Văn Hai", "Sở Nội vụ", "Lãnh đạo xem báo cáo", null]);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await send(admin, "/api/users/import?commit=true", data);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.created).toBe(2);
    expect(body.rows.map((r: { unitName: string }) => r.unitName)).toEqual([
      "Phường Quy Nhơn Nam",
      "Sở Nội vụ",
    ]);
    const first = body.passwords.find((p: { username: string }) => p.username === "nhap.mot");
    // The temporary password signs in, and must be changed before anything else.
    const c = createClient(app);
    await c.login("nhap.mot", first.password);
    expect((await c.get("/api/users")).statusCode).toBe(403);
    expect((await c.get("/api/me")).json().user.mustChangePassword).toBe(true);
    const audit = (await admin.get("/api/audit?entity=user&pageSize=5")).json();
    expect(
      audit.entries.filter((e: { action: string }) => e.action === "create").length,
    ).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).not.toContain(first.password);
    // A second import of the same file creates nothing: the names are taken.
    const again = await send(admin, "/api/users/import?commit=true", data);
    expect(again.statusCode).toBe(400);
  });
});

const TARGET_HEADER = [
  "Chỉ số",
  "Chỉ số thành phần",
  "Năm",
  "Giá trị mục tiêu",
  "Thứ hạng từ",
  "Thứ hạng đến",
  "Ghi chú",
];

describe("index targets import", () => {
  it("refuses anyone not signed in (401), officers (403) and a request without a file (400)", async () => {
    const data = await workbook(TARGET_HEADER, [["PCI", null, 2026, 70, null, null, null]]);
    expect((await send(createClient(app), "/api/indices/targets/import", data)).statusCode).toBe(401);
    expect((await send(await as("canbo"), "/api/indices/targets/import", data)).statusCode).toBe(403);
    expect((await (await as("dieuphoi")).post("/api/indices/targets/import", {})).statusCode).toBe(400);
    const other = "00000000-0000-4000-8000-000000000000";
    const hidden = await send(
      await as("dieuphoi"),
      `/api/indices/targets/import?provinceUnitId=${other}`,
      data,
    );
    expect(hidden.statusCode).toBe(404);
  });

  it("checks each row with the form's rules and writes nothing when one is wrong", async () => {
    const c = await as("dieuphoi");
    const data = await workbook(TARGET_HEADER, [
      ["PCI", null, 2026, "68,5", null, null, "Tổng hợp"],
      ["XYZ", null, 2026, 70, null, null, null],
      ["PCI", "Chi phí gia nhập thị trường", 2026, null, 20, 10, null],
      ["PAPI", null, 2026, null, null, null, null],
      ["PCI", "Không Có Thành Phần", 2026, "bảy", null, null, null],
    ]);
    const preview = await send(c, "/api/indices/targets/import", data);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ indexName: "PCI", targetValue: 68.5, action: "create" });
    const messages = body.errors.map((e: { message: string }) => e.message).join("\n");
    expect(messages).toMatch(/Dòng 4, cột "Chỉ số": không có chỉ số "XYZ"/);
    expect(messages).toMatch(/Dòng 5.*Thứ hạng 'từ' phải nhỏ hơn hoặc bằng thứ hạng 'đến'/);
    expect(messages).toMatch(/Dòng 6.*Cần ít nhất một mục tiêu/);
    expect(messages).toMatch(/Dòng 7, cột "Giá trị mục tiêu": "bảy" không phải là số/);
    expect(messages).toMatch(/Dòng 7, cột "Chỉ số thành phần": không có chỉ số thành phần/);
    const commit = await send(c, "/api/indices/targets/import?commit=true", data);
    expect(commit.statusCode).toBe(400);
    expect(await count("select count(*)::int as n from index_targets where year = 2026")).toBe(0);
  });

  it("sets the targets of a clean file, then replaces them on a second import; audited", async () => {
    const c = await as("dieuphoi");
    const template = await c.get("/api/indices/targets/import-template.xlsx");
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    sheet.addRow(["PCI", null, 2026, 69.25, 10, 15, null, "Phấn đấu top 15"]);
    sheet.addRow(["PCI", "Gia nhập thị trường", 2026, 7.5, null, null, null, null]);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await send(c, "/api/indices/targets/import?commit=true", data);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0 });
    const list = (await c.get(`/api/indices/targets?provinceUnitId=${ids.get("gl")}&year=2026`)).json();
    expect(list.targets.map((t: { targetValue: number }) => t.targetValue).sort()).toEqual([69.25, 7.5]);
    expect(list.targets.find((t: { componentCode: string | null }) => t.componentCode)?.componentName).toBe(
      "Chi phí gia nhập thị trường",
    );
    const again = await send(c, "/api/indices/targets/import?commit=true", data);
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    expect(await count("select count(*)::int as n from index_targets where year = 2026")).toBe(2);
    const audit = (await (await as("admin")).get("/api/audit?entity=indexTarget&pageSize=10")).json();
    const actions = audit.entries.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === "import.create")).toHaveLength(2);
    expect(actions.filter((a: string) => a === "import.update")).toHaveLength(2);
  });
});
