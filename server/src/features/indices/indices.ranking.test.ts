import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildTestApp, createClient } from "../../../test/http";
import { expectOfficialTable } from "../../../test/xlsx-shape";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";

let database: Database;
let app: FastifyInstance;

const as = async (username: string) => {
  const c = createClient(app);
  await c.login(username, "ChiSo@2026");
  return c;
};

// PAPI changed method in 2018 (60 → 80 points); 2019 is a new revision on the same 80-point scale.
// PGI names no groups: its bands are quartiles. Ranks are left to the server (derived among those scored).
const PAPI: Record<number, Record<string, number>> = {
  2017: { "binh-dinh": 37.5, "gia-lai": 34.2, "kon-tum": 35.9 },
  2018: { "binh-dinh": 44.1, "gia-lai": 45.3, "kon-tum": 40.2 },
  2019: { "binh-dinh": 46.0, "gia-lai": 44.0, "kon-tum": 41.5 },
};
const PGI_2023: Record<string, number> = {
  "ha-noi": 30,
  "da-nang": 28,
  "binh-dinh": 20,
  "gia-lai": 18,
  "kon-tum": 14,
  "khanh-hoa": 22,
  "quang-ninh": 26,
  "dak-lak": 16,
};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoProvince({ database });
  app = await buildTestApp(database);
  const c = await as("dieuphoi");
  for (const [year, scores] of Object.entries(PAPI))
    for (const [province, total] of Object.entries(scores)) {
      const res = await c.put(`/api/indices/results/PAPI/${year}/${province}`, { total });
      expect(res.statusCode, res.body).toBe(200);
    }
  for (const [province, total] of Object.entries(PGI_2023)) {
    const res = await c.put(`/api/indices/results/PGI/2023/${province}`, { total });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Row = {
  provinceCode: string;
  rank: number | null;
  rankOf: number | null;
  rankText: string | null;
  score: number | null;
  band: string | null;
  bandComputed: boolean;
  previousScore: number | null;
  previousRank: number | null;
  scoreChange: number | null;
  placesChange: number | null;
  region: string;
};

describe("the years a province has results for", () => {
  it("lists each index's years of that province only, with the latest", async () => {
    const c = await as("canbo");
    const res = await c.get("/api/indices/provinces/kon-tum/years");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      province: "kon-tum",
      indices: [
        { indexCode: "PAPI", years: [2017, 2018, 2019], latest: 2019 },
        { indexCode: "PGI", years: [2023], latest: 2023 },
      ],
    });
    // A province with no result at all gets an empty list, not an error.
    const none = await c.get("/api/indices/provinces/ca-mau/years");
    expect(none.statusCode).toBe(200);
    expect(none.json().indices).toEqual([]);
    expect((await c.get("/api/indices/provinces/atlantis/years")).statusCode).toBe(404);
  });
});

describe("ranking of every province", () => {
  it("ranks with the denominator and measures change from the previous year of the same method", async () => {
    const c = await as("canbo");
    const res = await c.get("/api/indices/PAPI/ranking?year=2019");
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ year: 2019, previousYear: 2018, methodBreak: null, ranked: 3, total: 3 });
    expect(r.scaleMax).toBe(80);
    const rows: Row[] = r.rows;
    expect(rows.map((x) => [x.provinceCode, x.rankText])).toEqual([
      ["binh-dinh", "1/3"],
      ["gia-lai", "2/3"],
      ["kon-tum", "3/3"],
    ]);
    const gl = rows.find((x) => x.provinceCode === "gia-lai") as Row;
    // Gia Lai was first in 2018 (45.3) and is second in 2019 (44.0): one place lost, 1.3 points.
    expect(gl.previousRank).toBe(1);
    expect(gl.placesChange).toBe(-1);
    expect(gl.scoreChange).toBeCloseTo(-1.3, 10);
    // PAPI's groups are its quartile tiers, derived since none was published.
    expect(rows[0]?.band).toBe("Nhóm cao nhất");
    expect(rows[0]?.bandComputed).toBe(true);
    expect(r.bandSource).toBe("published");
  });

  it("gives no change across the 2018 method change, and says why", async () => {
    const c = await as("canbo");
    const r = (await c.get("/api/indices/PAPI/ranking?year=2018")).json();
    expect(r.previousYear).toBeNull();
    expect(r.methodBreak).toEqual({ previousYear: 2017, fromScaleMax: 60, toScaleMax: 80 });
    for (const row of r.rows as Row[]) {
      expect(row.scoreChange).toBeNull();
      expect(row.placesChange).toBeNull();
      expect(row.previousScore).toBeNull();
    }
    // The profile draws the same line: the 2018 point has no change and says the method changed.
    const profile = (await c.get("/api/indices/provinces/kon-tum/profile")).json();
    const papi = profile.series[0].indices.find((i: { indexCode: string }) => i.indexCode === "PAPI");
    const [p17, p18, p19] = papi.points;
    expect([p17.methodBreak, p18.methodBreak, p19.methodBreak]).toEqual([false, true, false]);
    expect(p18.scoreChange).toBeNull();
    expect(p18.previousYear).toBeNull();
    expect(p19.previousYear).toBe(2018);
    expect(p19.scoreChange).toBeCloseTo(41.5 - 40.2, 10);
  });

  it("names quartiles plainly where the index has no groups; filters a region keeping the national denominator", async () => {
    const c = await as("canbo");
    const all = (await c.get("/api/indices/PGI/ranking?year=2023")).json();
    expect(all.bandSource).toBe("quartile");
    expect(all.total).toBe(8);
    const band = (code: string) => (all.rows as Row[]).find((x) => x.provinceCode === code)?.band;
    expect(band("ha-noi")).toBe("Nhóm 25% cao nhất");
    expect(band("kon-tum")).toBe("Nhóm 25% thấp nhất");
    expect(all.regions).toContain("Tây Nguyên");

    const west = (
      await c.get(`/api/indices/PGI/ranking?year=2023&region=${encodeURIComponent("Tây Nguyên")}`)
    ).json();
    expect(west.region).toBe("Tây Nguyên");
    expect(west.total).toBe(3);
    expect((west.rows as Row[]).map((x) => [x.provinceCode, x.rankText])).toEqual([
      ["gia-lai", "6/8"],
      ["dak-lak", "7/8"],
      ["kon-tum", "8/8"],
    ]);
    expect(west.rows.every((x: Row) => x.region === "Tây Nguyên")).toBe(true);
  });

  it("sorts as asked, nulls last; refuses a bad sort and a year without results in Vietnamese", async () => {
    const c = await as("canbo");
    const byScore = (await c.get("/api/indices/PGI/ranking?year=2023&sort=score&order=asc")).json();
    expect((byScore.rows as Row[]).map((x) => x.score)).toEqual([14, 16, 18, 20, 22, 26, 28, 30]);
    const byChange = (await c.get("/api/indices/PAPI/ranking?year=2019&sort=placesChange&order=desc")).json();
    expect((byChange.rows as Row[]).map((x) => x.placesChange)).toEqual([1, 0, -1]);
    const bad = await c.get("/api/indices/PGI/ranking?year=2023&sort=banana");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/sắp xếp/);
    const missing = await c.get("/api/indices/PGI/ranking?year=2015");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/Chưa có kết quả .* năm 2015/);
  });

  it("exports the same table to Excel: numbers with formats, frozen header, autofilter", async () => {
    const c = await as("canbo");
    const res = await c.get(`/api/indices/PAPI/ranking.xlsx?year=2019&sort=name`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/xep-hang-papi-2019\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const header = sheet.getRow(3).values as unknown[];
    expect(header).toContain("Tỉnh, thành phố");
    expectOfficialTable(sheet, { headerRow: 3, numbers: [1, 2, 5, 7, 8, 9, 10] });
    // Sorted by name as asked: Bình Định, Gia Lai, Kon Tum.
    const first = sheet.getRow(4);
    expect(first.getCell(3).value).toBe("Bình Định");
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(3);
    expect(first.getCell(5).value).toBe(46);
    expect(first.getCell(5).numFmt).toBe("#,##0.00");
    const glChange = sheet.getRow(5).getCell(8);
    expect(typeof glChange.value).toBe("number");
    expect(glChange.value as number).toBeCloseTo(-1.3, 10);
    expect(glChange.numFmt).toBe("+#,##0.00;-#,##0.00;0.00");
    expect(sheet.getRow(5).getCell(10).value).toBe(-1);
  });
});
