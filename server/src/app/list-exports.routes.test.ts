/**
 * Excel exports of the lists (users, directory, index targets, audit log): each as the list's own
 * permission decides, with the list's filters, every row, and as officials make a table (app/xlsx.ts).
 * The report list's export is tested with its list (reporting.lists.test.ts).
 */
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
