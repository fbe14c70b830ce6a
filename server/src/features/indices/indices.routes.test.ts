import fs from "node:fs";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildProvince } from "../../../test/factories";
import { publicFixturePath, publishedPath } from "../../../test/fixtures";
import { buildTestApp, createClient } from "../../../test/http";
import { papiYear } from "../../../test/index-workbooks";
import { expectOfficialTable, firstSheet } from "../../../test/xlsx-shape";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";
import { importResultsFromCli } from "./indices.cli";

const file = (fileName: string) => fs.readFileSync(publishedPath(fileName));

let database: Database;
let app: FastifyInstance;
let ids: Map<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ unitIds: ids } = await seedDemoProvince({ database }));
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const as = async (username: string) => {
  const c = createClient(app);
  await c.login(username, "ChiSo@2026");
  return c;
};
type Client = Awaited<ReturnType<typeof as>>;

function upload(c: Client, url: string, name: string, data: Uint8Array | Buffer) {
  const boundary = `----chiso${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request("POST", url, payload, { "content-type": `multipart/form-data; boundary=${boundary}` });
}

const countResults = async () =>
  Number((await database.query<{ n: string }>("select count(*)::int as n from index_results"))[0].n);

describe("catalog and permissions", () => {
  it("seeds the definitions, versions and 63 + 34 provinces idempotently", async () => {
    const c = await as("canbo");
    const res = await c.get("/api/indices");
    expect(res.statusCode).toBe(200);
    const pci = res.json().indices.find((i: { code: string }) => i.code === "PCI");
    expect(pci.versions.map((v: { code: string }) => v.code)).toEqual([
      "PCI-2006",
      "PCI-2009",
      "PCI-2013",
      "PCI-2022",
    ]);
    expect(res.json().can).toEqual({ editDefinitions: false, manageResults: false, editCustom: false });
    const provinces = (await c.get("/api/indices/provinces")).json();
    const eras = provinces.provinces.map((p: { era: string }) => p.era);
    expect(eras.filter((e: string) => e !== "current")).toHaveLength(63);
    expect(eras.filter((e: string) => e !== "pre2025")).toHaveLength(34);
    expect(provinces.mine).toBe("gia-lai");
    const gl = provinces.provinces.find((p: { code: string }) => p.code === "gia-lai");
    expect(gl.predecessors.sort()).toEqual(["binh-dinh", "gia-lai"]);
  });

  it("answers 401 without a session on every kind of route", async () => {
    const anonymous = createClient(app);
    for (const [method, url] of [
      ["GET", "/api/indices"],
      ["GET", "/api/indices/provinces/gia-lai/profile"],
      ["POST", "/api/indices/results/import"],
      ["POST", "/api/indices/provinces/gia-lai/what-if"],
      ["PUT", "/api/indices/results/PCI/2022/ha-noi"],
      ["GET", "/api/indices/targets"],
    ] as const) {
      expect((await anonymous.request(method, url, method === "GET" ? undefined : {})).statusCode, url).toBe(
        401,
      );
    }
  });

  it("refuses an officer's import (403) and an unknown province (404), bad codes (400)", async () => {
    const c = await as("canbo");
    const res = await upload(
      c,
      "/api/indices/results/import",
      "x.csv",
      Buffer.from("Tỉnh;PCI 2020\nHà Nội;60\n"),
    );
    expect(res.statusCode).toBe(403);
    expect((await c.get("/api/indices/provinces/atlantis/profile")).statusCode).toBe(404);
    const bad = await c.get("/api/indices/provinces/gia-lai/components?index=pci&year=2016");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Mã chỉ số không hợp lệ/);
  });
});

describe("import of the published workbooks", () => {
  it("previews PCI_2016.xlsx without writing, then stores it: totals and ranks as published", async () => {
    const c = await as("dieuphoi");
    const before = await countResults();
    const preview = await upload(c, "/api/indices/results/import", "PCI_2016.xlsx", file("PCI_2016.xlsx"));
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.committed).toBe(false);
    expect(body.errorCount).toBe(0);
    const r2016 = body.results.find((r: { year: number }) => r.year === 2016);
    expect([r2016.provinceCount, r2016.matched, r2016.unmatched, r2016.replaces]).toEqual([
      63,
      63,
      [],
      false,
    ]);
    expect(await countResults()).toBe(before);

    const done = await upload(
      c,
      "/api/indices/results/import?commit=true",
      "PCI_2016.xlsx",
      file("PCI_2016.xlsx"),
    );
    expect(done.statusCode).toBe(200);
    expect(done.json().committed).toBe(true);
    const table = (await c.get("/api/indices/results/PCI/2016")).json().results;
    expect(table).toHaveLength(63);
    for (const p of r2016.provinces) {
      const stored = table.find((t: { provinceCode: string }) => t.provinceCode === p.provinceCode);
      expect(stored.total).toBe(p.publishedTotal);
      expect(stored.rank).toBe(p.publishedRank);
      expect(stored.rankOf).toBe(63);
      expect(stored.rankComputed).toBe(false);
      expect(Math.abs(stored.difference)).toBeLessThan(0.01);
    }
    const audit = await (await as("admin")).get("/api/audit?entity=indexResults&entityId=PCI:2016");
    expect(audit.json().entries[0].action).toBe("import");
  });

  it("re-import of the same index-year needs replace=true (409 in Vietnamese otherwise)", async () => {
    const c = await as("dieuphoi");
    const again = await upload(
      c,
      "/api/indices/results/import?commit=true",
      "PCI_2016.xlsx",
      file("PCI_2016.xlsx"),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(
      /^Đã có kết quả .*PCI năm 2016 \(63 tỉnh\).*Hãy xác nhận thay thế/,
    );
    const preview = await upload(c, "/api/indices/results/import", "PCI_2016.xlsx", file("PCI_2016.xlsx"));
    expect(preview.json().results.every((r: { replaces: boolean }) => r.replaces)).toBe(true);
    const replaced = await upload(
      c,
      "/api/indices/results/import?commit=true&replace=true",
      "PCI_2016.xlsx",
      file("PCI_2016.xlsx"),
    );
    expect(replaced.statusCode).toBe(200);
    expect((await c.get("/api/indices/results/PCI/2016")).json().results).toHaveLength(63);
  });

  it("bad files get precise messages and write nothing", async () => {
    const c = await as("dieuphoi");
    const before = await countResults();
    const png = await upload(
      c,
      "/api/indices/results/import?commit=true",
      "a.xlsx",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
    );
    expect(png.statusCode).toBe(400);
    expect(png.json().error.message).toMatch(/không phải XLSX hoặc CSV/);
    const empty = await upload(c, "/api/indices/results/import", "a.csv", new Uint8Array());
    expect(empty.json().errors[0].message).toMatch(/rỗng/);
    const pdf = await upload(c, "/api/indices/results/import", "a.pdf", Buffer.from("%PDF-1.4"));
    expect(pdf.statusCode).toBe(400);
    const csv = [
      "Bảng xếp hạng PCI 2017",
      "STT;Tỉnh, thành phố;Tính minh bạch;Điểm PCI;Xếp hạng",
      "1;Đà Nẵng;abc;68,34;1",
      "2;Hà Nội;6;60,1;2",
      "3;Cần Thơ;6,5;60;3",
      "4;TT-Huế;6,2;59;4",
    ].join("\n");
    const text = await upload(c, "/api/indices/results/import", "pci.csv", Buffer.from(csv));
    const err = text.json().results[0].errors[0];
    expect([err.sheet, err.row, err.column]).toEqual(["pci.csv", 3, "C"]);
    expect(err.message).toMatch(/“abc” không phải là số/);
    const commit = await upload(c, "/api/indices/results/import?commit=true", "pci.csv", Buffer.from(csv));
    expect(commit.statusCode).toBe(400);
    // The number cell, and the nine sub-indices a one-sub-index table leaves empty.
    expect(commit.json().error.message).toMatch(/còn 2 lỗi/);
    expect(commit.json().error.details.errors.map((e: { message: string }) => e.message)).toContainEqual(
      expect.stringMatching(
        /^Thiếu 9 chỉ số thành phần của PCI 2017: “Chi phí gia nhập thị trường”, “Tiếp cận đất đai”/,
      ),
    );
    expect(await countResults()).toBe(before);
  });

  it("a workbook missing a dimension: the preview names it and the commit is refused, nothing written", async () => {
    const c = await as("dieuphoi");
    const before = await countResults();
    const data = await papiYear(2014, { dropDimension: 4 });
    const preview = (await upload(c, "/api/indices/results/import", "PAPI_2014.xlsx", data)).json();
    expect(preview.errorCount).toBe(1);
    expect(preview.results[0].errors[0].message).toMatch(
      /^Thiếu chỉ số nội dung “Kiểm soát tham nhũng trong khu vực công” của PAPI 2014/,
    );
    const commit = await upload(c, "/api/indices/results/import?commit=true", "PAPI_2014.xlsx", data);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.message).toMatch(/còn 1 lỗi/);
    expect(await countResults()).toBe(before);
  });

  it("imports through the CLI function: the documented JSON, then stores (replacing)", async () => {
    const path = publishedPath("PCI_2015.xlsx");
    const dry = await importResultsFromCli({ db: database.db, file: path, dryRun: true });
    expect(dry.stored).toEqual([]);
    const doc = dry.document as { results: Array<Record<string, unknown>>; errors: unknown[] };
    expect(doc.results.map((r) => r.year)).toEqual([2013, 2015]);
    const pci2015 = doc.results[1] as {
      version: string;
      provinces: Array<{
        input: string;
        province: string;
        publishedTotal: number;
        publishedRank: number;
        computedTotal: number;
        components: unknown[];
      }>;
    };
    expect(pci2015.version).toBe("PCI-2013");
    expect(Object.keys(pci2015.provinces[0])).toEqual([
      "input",
      "province",
      "publishedTotal",
      "publishedRank",
      "computedTotal",
      "components",
    ]);
    const single = await importResultsFromCli({
      db: database.db,
      file: publicFixturePath("papi_subdimensions_2011_2024/2016.csv"),
      dryRun: true,
    });
    expect(Object.keys(single.document)).toEqual(["index", "year", "version", "provinces", "errors"]);
    expect(single.document).toMatchObject({ index: "PAPI", year: 2016, version: "PAPI-2016", errors: [] });
    const stored = await importResultsFromCli({ db: database.db, file: path, dryRun: false });
    expect(stored.stored.map((s) => [s.index, s.year, s.provinces])).toEqual([
      ["PCI", 2013, 63],
      ["PCI", 2015, 63],
    ]);
    const papi = await importResultsFromCli({
      db: database.db,
      file: publishedPath("PAPI_2011-2016.xlsx"),
      dryRun: false,
    });
    expect(papi.stored).toHaveLength(6);
  });
});

describe("analysis on stored data", () => {
  it("profile: every index over the years with denominators and changes, predecessors side by side", async () => {
    const c = await as("canbo");
    const res = await c.get("/api/indices/provinces/gia-lai/profile");
    expect(res.statusCode).toBe(200);
    const { series } = res.json();
    expect(series.map((s: { provinceCode: string; role: string }) => [s.provinceCode, s.role])).toEqual([
      ["gia-lai", "self"],
      ["binh-dinh", "predecessor"],
    ]);
    const pci = series[1].indices.find((i: { indexCode: string }) => i.indexCode === "PCI");
    const [p2013, p2015, p2016] = pci.points;
    expect([p2013.year, p2015.year, p2016.year]).toEqual([2013, 2015, 2016]);
    expect(p2016.rankText).toMatch(/^\d+\/63$/);
    expect(p2016.previousYear).toBe(2015);
    expect(p2016.placesChange).toBe(p2015.rank - p2016.rank);
    expect(p2016.scoreChange).toBeCloseTo(p2016.score - p2015.score, 10);
    const papi = series[0].indices.find((i: { indexCode: string }) => i.indexCode === "PAPI");
    expect(papi.points).toHaveLength(6);
    const xlsx = await c.get("/api/indices/provinces/gia-lai/profile.xlsx");
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.worksheets[0].rowCount).toBeGreaterThan(10);
    // Year, score and changes are numbers (the year without a thousands separator).
    const sheet = await firstSheet(xlsx.rawPayload);
    expectOfficialTable(sheet, { headerRow: 2, numbers: [3, 4, 7, 8] });
    expect(sheet.getRow(3).getCell(3).numFmt).toBe("0");
  });

  it("component table: changes, peers, national median, weakest first", async () => {
    const c = await as("canbo");
    const res = await c.get(
      "/api/indices/provinces/da-nang/components?index=PCI&year=2016&peers=ha-noi,khanh-hoa",
    );
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.previousYear).toBe(2015);
    expect(t.rows).toHaveLength(10);
    expect(
      t.rows.slice(0, 3).every((r: { weakest: boolean; falling: boolean }) => r.weakest || r.falling),
    ).toBe(true);
    const land = t.rows.find((r: { code: string }) => r.code === "LAND");
    expect(land.rankText).toMatch(/\/63$/);
    expect(land.rankComputed).toBe(true);
    expect(land.valueChange).toBeCloseTo(land.value - land.previousValue, 10);
    expect(Object.keys(land.peers)).toEqual(["ha-noi", "khanh-hoa"]);
    expect(land.nationalMedian).toBeGreaterThan(0);
    expect(t.peers.map((p: { name: string }) => p.name)).toEqual(["Hà Nội", "Khánh Hòa"]);
    expect((await c.get("/api/indices/provinces/da-nang/components?index=PCI&year=2030")).statusCode).toBe(
      404,
    );
    const xlsx = await c.get("/api/indices/provinces/da-nang/components.xlsx?index=PCI&year=2016");
    expect(xlsx.statusCode).toBe(200);
    const sheet = await firstSheet(xlsx.rawPayload);
    expectOfficialTable(sheet, { headerRow: 2, numbers: [4, 5, 7, 8] });
    const landRow = sheet.getRows(3, sheet.rowCount - 2)?.find((r) => r.getCell(1).value === land.number);
    expect(landRow?.getCell(5).value).toBeCloseTo(land.value, 10);
    expect(landRow?.getCell(5).numFmt).toBe("#,##0.00");
  });

  it("what-if on stored PCI 2016: land +0.5 and informal charges +0.3 → +0.55 points and the rank among the others", async () => {
    const c = await as("canbo");
    const table = (await c.get("/api/indices/results/PCI/2016")).json().results as Array<{
      provinceCode: string;
      total: number;
    }>;
    const target = table[20];
    const res = await c.post(`/api/indices/provinces/${target.provinceCode}/what-if`, {
      index: "PCI",
      year: 2016,
      changes: [
        { code: "LAND", delta: 0.5 },
        { code: "INFORMAL", delta: 0.3 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const w = res.json();
    expect(w.totalChange).toBeCloseTo(0.5 * 0.5 + 0.3 * 1, 10); // 2013-21 weights: land 5%, informal 10%
    const others = table.filter((t) => t.provinceCode !== target.provinceCode).map((t) => t.total);
    expect(w.newRank).toBe(
      others.filter((o) => Math.round(o * 100) > Math.round(w.newTotal * 100)).length + 1,
    );
    expect(w.outOf).toBe(63);
    expect(w.placesChange).toBe(w.baseRank - w.newRank);
    const bad = await c.post(`/api/indices/provinces/${target.provinceCode}/what-if`, {
      index: "PCI",
      year: 2016,
      changes: [{ code: "LAND", value: 12 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Tiếp cận đất đai/);
  });

  it("weights and heatmap", async () => {
    const c = await as("canbo");
    const w = (await c.get("/api/indices/PCI/weights?year=2016")).json();
    const transparency = w.rows.find((r: { code: string }) => r.code === "TRANSPARENCY");
    expect(transparency.worth).toBeCloseTo(2, 10);
    expect(transparency.statement).toBe("+1 điểm Tính minh bạch → +2 điểm PCI");
    const h = (await c.get("/api/indices/provinces/binh-dinh/heatmap?index=PCI")).json();
    expect(h.years).toEqual([2013, 2015, 2016]);
    expect(h.rows).toHaveLength(10);
    expect(h.rows[0].cells[1].performance).toBeGreaterThan(0);
  });
});

describe("manual entry and polarity", () => {
  const indicators = (informal: number, time: number) => [
    { code: "INFORMAL.5", value: informal },
    { code: "TIME.5", value: time },
  ];

  it("stores a hand-entered result; a value out of range names the component (400); officers get 403", async () => {
    const c = await as("dieuphoi");
    const bad = await c.put("/api/indices/results/PCI/2022/ninh-thuan", {
      total: 60,
      components: [{ code: "INFORMAL.5", value: 130 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/INFORMAL|chi phí không chính thức|nằm ngoài khoảng/i);
    expect(bad.json().error.message).toMatch(/0–100/);
    const officer = await as("canbo");
    expect((await officer.put("/api/indices/results/PCI/2022/ninh-thuan", { total: 60 })).statusCode).toBe(
      403,
    );
    const ok22 = await c.put("/api/indices/results/PCI/2022/ninh-thuan", {
      total: 63.1,
      rank: 40,
      rankOf: 63,
      components: indicators(10, 70),
    });
    expect(ok22.statusCode).toBe(200);
    expect(ok22.json().result.rankText).toBe("40/63");
    await c.put("/api/indices/results/PCI/2023/ninh-thuan", {
      total: 64.2,
      rank: 30,
      rankOf: 63,
      components: indicators(15, 80),
    });
    await c.put("/api/indices/results/PCI/2023/khanh-hoa", {
      total: 66.52,
      rank: 34,
      rankOf: 63,
      components: indicators(9, 60),
    });
  });

  it("component table respects polarity: more firms paying informal charges is a fall", async () => {
    const c = await as("canbo");
    const t = (await c.get("/api/indices/provinces/ninh-thuan/components?index=PCI&year=2023")).json();
    const rows = t.rows.filter((r: { value: number | null }) => r.value !== null);
    const informal = rows.find((r: { code: string }) => r.code === "INFORMAL.5");
    const time = rows.find((r: { code: string }) => r.code === "TIME.5");
    expect(informal.polarity).toBe("lowerIsBetter");
    expect([informal.valueChange, informal.direction, informal.falling]).toEqual([5, "worse", true]);
    expect([time.valueChange, time.direction, time.falling]).toEqual([10, "better", false]);
    // Ranked among the two provinces with 2023 values: Khánh Hòa's 9% beats Ninh Thuận's 15%.
    expect(informal.rank).toBe(2);
    expect(t.rows.findIndex((r: { code: string }) => r.code === "INFORMAL.5")).toBeLessThan(
      t.rows.findIndex((r: { code: string }) => r.code === "TIME.5"),
    );
    expect(t.total.placesChange).toBe(10);
  });
});

describe("targets", () => {
  it("a coordinator sets a target with baseline and gap; officers read it but cannot write", async () => {
    const c = await as("dieuphoi");
    const gl = ids.get("gl") as string;
    await c.put("/api/indices/results/PCI/2024/gia-lai", { total: 65, rank: 30, rankOf: 63 });
    const res = await c.post("/api/indices/targets", {
      provinceUnitId: gl,
      year: 2025,
      indexCode: "PCI",
      targetValue: 68.5,
      rankFrom: 10,
      rankTo: 15,
    });
    expect(res.statusCode).toBe(201);
    const t = res.json().target;
    expect(t.provinceCode).toBe("gia-lai");
    expect(t.baseline).toMatchObject({ year: 2024, value: 65, rank: 30, rankText: "30/63" });
    expect(t.gap.value).toBeCloseTo(3.5, 10);
    expect(t.gap.places).toBe(15);
    expect(t.can).toEqual({ update: true, delete: true });
    const dup = await c.post("/api/indices/targets", {
      provinceUnitId: gl,
      year: 2025,
      indexCode: "PCI",
      rankTo: 20,
    });
    expect(dup.statusCode).toBe(409);
    const empty = await c.post("/api/indices/targets", { provinceUnitId: gl, year: 2025, indexCode: "PAPI" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/Cần ít nhất một mục tiêu/);

    const officer = await as("canbo");
    const list = (await officer.get(`/api/indices/targets?provinceUnitId=${gl}`)).json();
    expect(list.targets).toHaveLength(1);
    expect(list.targets[0].can.update).toBe(false);
    expect(list.can.create).toBe(false);
    expect((await officer.patch(`/api/indices/targets/${t.id}`, { rankTo: 12 })).statusCode).toBe(403);
    expect(
      (
        await officer.post("/api/indices/targets", {
          provinceUnitId: gl,
          year: 2025,
          indexCode: "PAPI",
          rankTo: 10,
        })
      ).statusCode,
    ).toBe(403);

    const other = await buildProvince(database.db, { name: "Tỉnh Khánh Hòa", code: "khanh-hoa" });
    expect(
      (
        await c.post("/api/indices/targets", {
          provinceUnitId: other.id,
          year: 2025,
          indexCode: "PCI",
          rankTo: 10,
        })
      ).statusCode,
    ).toBe(404);
    expect((await officer.get(`/api/indices/targets?provinceUnitId=${other.id}`)).statusCode).toBe(404);

    const patched = await c.patch(`/api/indices/targets/${t.id}`, { rankTo: 12 });
    expect(patched.json().target.gap.places).toBe(18);
    expect((await c.delete(`/api/indices/targets/${t.id}`)).statusCode).toBe(200);
    const audit = await (await as("admin")).get(`/api/audit?entity=indexTarget&entityId=${t.id}`);
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual([
      "delete",
      "update",
      "create",
    ]);
  });
});

describe("definitions", () => {
  it("an edit of a version with results creates a new revision; without results edits in place; officers 403", async () => {
    const admin = await as("admin");
    await admin.put("/api/indices/results/PGI/2023/quang-ninh", { total: 26 });
    const v = (await admin.get("/api/indices/versions/PGI-2022")).json().version;
    expect(v.hasResults).toBe(true);
    const input = {
      validFromYear: v.validFromYear,
      validToYear: v.validToYear,
      scaleMax: v.scaleMax,
      totalRule: v.totalRule,
      components: v.components.map((c: Record<string, unknown>) => ({
        ...c,
        nameEn: `${c.nameEn} (edited)`,
      })),
    };
    const revised = await admin.put("/api/indices/versions/PGI-2022", input);
    expect(revised.statusCode).toBe(200);
    expect(revised.json().created).toBe(true);
    expect(revised.json().version.code).toBe("PGI-2022.r2");
    const inPlace = await admin.put("/api/indices/versions/PGI-2022.r2", input);
    expect(inPlace.json().created).toBe(false);
    const cycle = await admin.put("/api/indices/versions/PGI-2022.r2", {
      ...input,
      components: [{ code: "A", parentCode: "A", nameVi: "Vòng", max: 10 }],
    });
    expect(cycle.statusCode).toBe(400);
    const officer = await as("canbo");
    expect((await officer.put("/api/indices/versions/PGI-2022", input)).statusCode).toBe(403);
    const ddci = await admin.post("/api/indices", {
      code: "DDCI_GL",
      nameVi: "Chỉ số năng lực cạnh tranh cấp sở, ngành Gia Lai",
      version: {
        validFromYear: 2024,
        scaleMax: 100,
        totalRule: { aggregation: "weightedMean", multiplier: 10 },
        components: [
          { code: "C1", nameVi: "Tính minh bạch", max: 10, weight: 60 },
          { code: "C2", nameVi: "Chi phí thời gian", max: 10, weight: 40 },
        ],
      },
    });
    expect(ddci.statusCode).toBe(201);
    expect(ddci.json().version.code).toBe("DDCI_GL-2024");
  });
});
