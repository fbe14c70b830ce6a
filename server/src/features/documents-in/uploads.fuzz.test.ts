/**
 * Fuzz suite of the upload routes: binary mutations of real Word, Excel and PDF files must answer
 * 200 or a Vietnamese 400 (or 413), never a 500, a hang or a crash. Bounded and deterministic:
 * 450 cases in all (75 per route), fixed seeds. Zip bombs built here get a 400 naming the size.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { publishedPath, readBytes } from "../../../test/fixtures";
import { buildTestApp, createClient } from "../../../test/http";
import { buildPlanPdf } from "../../../test/pdf";
import { excelBomb, wordBomb } from "../../../test/zip";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";

// A hang is a case still unanswered after the pool's own time limit and a margin.
process.env.PARSE_TIMEOUT_S = "10";
const CASE_TIMEOUT_MS = 20_000;
const RUNS_PER_ROUTE = 75;

let database: Database;
let app: FastifyInstance;
const clients = new Map<string, ReturnType<typeof createClient>>();
async function as(username: string) {
  const known = clients.get(username);
  if (known) return known;
  const c = createClient(app);
  await c.login(username, "ChiSo@2026");
  clients.set(username, c);
  return c;
}

const seeds: Record<"docx" | "xlsx" | "pdf" | "published", Uint8Array> = {} as never;
let draftPlanId = "";

async function wordSeed(): Promise<Uint8Array> {
  const cell = (text: string) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "KẾ HOẠCH Cải thiện chỉ số PCI năm 2026", alignment: AlignmentType.CENTER }),
          new Table({
            rows: [
              new TableRow({ children: ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"].map(cell) }),
              new TableRow({
                children: [
                  "1",
                  "Rà soát thủ tục hành chính",
                  "Sở Tư pháp",
                  "Các sở, ban, ngành",
                  "Quý III/2026",
                ].map(cell),
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function excelSeed(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Nhiệm vụ");
  ws.addRow(["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời gian hoàn thành"]);
  ws.addRow(["I", "NHÓM NHIỆM VỤ CHUNG"]);
  ws.addRow(["1", "Rà soát thủ tục", "Sở Nội vụ", "Các sở, ban, ngành", "Báo cáo", "Quý III/2026"]);
  ws.addRow(["2", "Đối thoại doanh nghiệp", "", "", "Hội nghị", "Trước ngày 15/6/2026"]);
  ws.mergeCells("C3:C4");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoProvince({ database });
  // Hundreds of uploads from one account: the per-account upload limit is tested in upload-limit.test.ts.
  app = await buildTestApp(database, { uploadRateLimit: 100_000 });
  seeds.docx = await wordSeed();
  seeds.xlsx = await excelSeed();
  seeds.pdf = new Uint8Array(buildPlanPdf({ pages: 1 }));
  seeds.published = readBytes(publishedPath("PCI_2015.xlsx"));
  const c = await as("dieuphoi");
  const me = (await c.get("/api/me")).json();
  const unitId = me.user?.unit?.id ?? me.unit?.id;
  draftPlanId = (await c.post("/api/plans", { ownerUnitId: unitId, title: "Kế hoạch thử nhập bảng" })).json()
    .plan.id;
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Mutation =
  | { op: "set"; at: number; byte: number }
  | { op: "insert"; at: number; bytes: number[] }
  | { op: "delete"; at: number; length: number }
  | { op: "truncate"; at: number };

// Positions are fractions of the length; a third of them fall in the last 2 %, where a zip keeps
// its directory and a PDF its cross-reference table.
const position = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0.98, max: 1, noNaN: true }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("set" as const), at: position, byte: fc.nat(255) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("insert" as const),
      at: position,
      bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 16 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("delete" as const),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at: position }) },
);

function mutate(data: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = Buffer.from(data);
  for (const m of mutations) {
    const at = Math.min(out.length, Math.floor(m.at * out.length));
    if (m.op === "set" && at < out.length) out[at] = m.byte;
    else if (m.op === "insert")
      out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
    else if (m.op === "delete") out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
    else if (m.op === "truncate") out = out.subarray(0, Math.max(1, at));
  }
  return new Uint8Array(out);
}

interface Route {
  name: string;
  user: string;
  url: () => string;
  seeds: Array<{ seed: keyof typeof seeds; fileName: string }>;
}

const ROUTES: Route[] = [
  {
    name: "plan import extract",
    user: "dieuphoi",
    url: () => "/api/plan-import/extract",
    seeds: [
      { seed: "docx", fileName: "ke-hoach.docx" },
      { seed: "pdf", fileName: "ke-hoach.pdf" },
      { seed: "xlsx", fileName: "ke-hoach.xlsx" },
    ],
  },
  {
    name: "task import",
    user: "dieuphoi",
    url: () => `/api/plans/${draftPlanId}/tasks/import`,
    seeds: [
      { seed: "xlsx", fileName: "nhiem-vu.xlsx" },
      { seed: "published", fileName: "nhiem-vu.xlsx" },
    ],
  },
  {
    name: "results import preview",
    user: "dieuphoi",
    url: () => "/api/indices/results/import",
    seeds: [
      { seed: "published", fileName: "PCI_2015.xlsx" },
      { seed: "xlsx", fileName: "ket-qua.xlsx" },
    ],
  },
  {
    name: "unit list import preview",
    user: "admin",
    url: () => "/api/org-units/import?commit=false",
    seeds: [
      { seed: "xlsx", fileName: "don-vi.xlsx" },
      { seed: "published", fileName: "don-vi.xlsx" },
    ],
  },
  {
    name: "users import preview",
    user: "admin",
    url: () => "/api/users/import?commit=false",
    seeds: [
      { seed: "xlsx", fileName: "nguoi-dung.xlsx" },
      { seed: "published", fileName: "nguoi-dung.xlsx" },
    ],
  },
  {
    name: "index targets import preview",
    user: "dieuphoi",
    url: () => "/api/indices/targets/import?commit=false",
    seeds: [
      { seed: "xlsx", fileName: "muc-tieu.xlsx" },
      { seed: "published", fileName: "muc-tieu.xlsx" },
    ],
  },
];

describe("upload routes under binary mutations", () => {
  ROUTES.forEach((route, index) => {
    it(`${route.name}: ${RUNS_PER_ROUTE} mutated files answer 200, 400 or 413 in time`, async () => {
      const c = await as(route.user);
      // The unmutated seeds are read (a broken reader would make every case a 400).
      const plain = await c.upload(route.url(), {
        fileName: route.seeds[0].fileName,
        data: seeds[route.seeds[0].seed],
      });
      expect(plain.statusCode, plain.body.slice(0, 300)).toBe(200);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(route.seeds.length - 1),
          fc.array(mutation, { minLength: 1, maxLength: 8 }),
          async (which, mutations) => {
            const { seed, fileName } = route.seeds[which];
            const data = mutate(seeds[seed], mutations);
            let timer: NodeJS.Timeout | undefined;
            const res = await Promise.race([
              c.upload(route.url(), { fileName, data }),
              new Promise<never>((_, reject) => {
                timer = setTimeout(
                  () => reject(new Error(`no answer in ${CASE_TIMEOUT_MS} ms`)),
                  CASE_TIMEOUT_MS,
                );
              }),
            ]).finally(() => clearTimeout(timer));
            expect([200, 400, 413], res.body.slice(0, 300)).toContain(res.statusCode);
            if (res.statusCode !== 200) expect(res.json().error.message).toMatch(/[ạảãáàệếềểễộốồổỗơưđ]/i);
          },
        ),
        { numRuns: RUNS_PER_ROUTE, seed: 22_000 + index, endOnFailure: true },
      );
    }, 300_000);
  });

  it("zip bombs (300 MB expanded from under 1 MB) are refused with the sizes named, on every route", async () => {
    const word = await wordBomb(300 * 1024 * 1024);
    const excel = await excelBomb(300 * 1024 * 1024);
    const planner = await as("dieuphoi");
    const a = await planner.upload("/api/plan-import/extract", { fileName: "bom.docx", data: word });
    expect(a.statusCode).toBe(400);
    expect(a.json().error.message).toBe("Tệp quá lớn sau khi giải nén (300 MB, tối đa 100 MB).");
    const b = await planner.upload(`/api/plans/${draftPlanId}/tasks/import`, {
      fileName: "bom.xlsx",
      data: excel,
    });
    expect(b.statusCode).toBe(400);
    expect(b.json().error.message).toMatch(/sau khi giải nén/);
    const r = await planner.upload("/api/indices/results/import", { fileName: "bom.xlsx", data: excel });
    expect(r.statusCode).toBeLessThan(500);
    expect(r.body).toMatch(/sau khi giải nén/);
    const admin = await as("admin");
    const u = await admin.upload("/api/org-units/import?commit=false", { fileName: "bom.xlsx", data: excel });
    expect(u.statusCode).toBeLessThan(500);
    expect(u.body).toMatch(/sau khi giải nén/);
    const p = await admin.upload("/api/users/import?commit=false", { fileName: "bom.xlsx", data: excel });
    expect(p.statusCode).toBeLessThan(500);
    expect(p.body).toMatch(/sau khi giải nén/);
    const t = await planner.upload("/api/indices/targets/import?commit=false", {
      fileName: "bom.xlsx",
      data: excel,
    });
    expect(t.statusCode).toBeLessThan(500);
    expect(t.body).toMatch(/sau khi giải nén/);
  }, 60_000);
});
