import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoProvince({ database });
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const csv = [
  "Danh sách đơn vị thuộc Sở Nội vụ",
  "",
  "Tên đơn vị;Loại;Đơn vị cấp trên;Tên viết tắt;Tên gọi khác",
  "Phòng Lưu trữ số;Đơn vị thuộc sở;Sở Nội vụ;CCVC;",
  "Tổ Cải cách hành chính số;Đơn vị thuộc sở;Phòng Lưu trữ số;;Tổ CCHC số",
].join("\n");

const admin = async () => {
  const c = createClient(app);
  await c.login("admin", "ChiSo@2026");
  return c;
};

describe("unit list import", () => {
  it("previews without writing, then creates the rows, parents resolved from the file and the tree", async () => {
    const c = await admin();
    const preview = await c.upload("/api/org-units/import?commit=false", {
      fileName: "don-vi.csv",
      data: csv,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().errors).toEqual([]);
    expect(preview.json().rows.map((r: { name: string; action: string }) => [r.name, r.action])).toEqual([
      ["Phòng Lưu trữ số", "create"],
      ["Tổ Cải cách hành chính số", "create"],
    ]);
    expect(
      (await c.get(`/api/org-units?q=${encodeURIComponent("to cai cach hanh chinh so")}`)).json().orgUnits,
    ).toEqual([]);

    const done = await c.upload("/api/org-units/import?commit=true", { fileName: "don-vi.csv", data: csv });
    expect(done.statusCode).toBe(200);
    expect(done.json().created).toBe(2);
    const found = (await c.get(`/api/org-units?q=${encodeURIComponent("to cai cach hanh chinh so")}`)).json()
      .orgUnits[0];
    const detail = (await c.get(`/api/org-units/${found.id}`)).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual([
      "Tỉnh Gia Lai",
      "Sở Nội vụ",
      "Phòng Lưu trữ số",
    ]);

    const again = await c.upload("/api/org-units/import?commit=false", { fileName: "don-vi.csv", data: csv });
    expect(again.json().rows.every((r: { action: string }) => r.action === "update")).toBe(true);
  });

  it("names the row and column of each error and writes nothing", async () => {
    const c = await admin();
    const bad =
      "Tên đơn vị,Loại,Đơn vị cấp trên\nPhòng Mới,Đơn vị thuộc sở,Sở Không Có\nPhòng Khác,Loại lạ,Sở Nội vụ\n";
    const preview = (
      await c.upload("/api/org-units/import?commit=false", { fileName: "x.csv", data: bad })
    ).json();
    expect(preview.errors.map((e: { message: string }) => e.message).join("\n")).toMatch(/Sở Không Có/);
    expect(preview.errors.some((e: { row: number }) => e.row === 3)).toBe(true);
    const commit = await c.upload("/api/org-units/import?commit=true", { fileName: "x.csv", data: bad });
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.message).toMatch(/chưa ghi dữ liệu nào/);
    expect((await c.get(`/api/org-units?q=${encodeURIComponent("Phòng Mới")}`)).json().orgUnits).toEqual([]);
  });

  it("refuses a wrong file type, a missing file, a non-admin and an anonymous caller", async () => {
    const c = await admin();
    const exe = await c.upload("/api/org-units/import", { fileName: "virus.exe", data: "MZ" });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toMatch(/không đúng loại/);
    const fake = await c.upload("/api/org-units/import", { fileName: "gia.xlsx", data: "không phải xlsx" });
    expect(fake.json().errors[0].message).toMatch(/không phải bảng tính/);
    const none = await c.post("/api/org-units/import", {});
    expect(none.statusCode).toBe(400);
    const officer = createClient(app);
    await officer.login("canbo", "ChiSo@2026");
    expect(
      (await officer.upload("/api/org-units/import", { fileName: "don-vi.csv", data: csv })).statusCode,
    ).toBe(403);
    expect(
      (await createClient(app).upload("/api/org-units/import", { fileName: "don-vi.csv", data: csv }))
        .statusCode,
    ).toBe(401);
  });
});
