import fs from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { planDocumentPath } from "../../../test/fixtures";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";

const SEED = planDocumentPath("003_384f955878bb2b4b.txt");
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

const as = async (username: string) => {
  const c = createClient(app);
  await c.login(username, "ChiSo@2026");
  return c;
};

describe("plan import routes", () => {
  it("extracts seed 003 uploaded as a text file: number, tasks, resolved leads", async () => {
    const c = await as("dieuphoi");
    const res = await c.upload("/api/plan-import/extract", {
      fileName: "ke-hoach-107.txt",
      data: fs.readFileSync(SEED),
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.metadata.number).toBe("107/KH-UBND");
    expect(plan.tasks.length).toBeGreaterThan(150);
    const leads = plan.tasks.flatMap((t: { leads: Array<{ unit: string | null }> }) => t.leads);
    expect(leads.filter((l: { unit: string | null }) => l.unit).length).toBeGreaterThan(leads.length / 2);
    expect(plan.tasks[0].deadline).toHaveProperty("understood");
  });

  it("extracts pasted tab-separated text", async () => {
    const c = await as("dieuphoi");
    const text = [
      "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
      "1\tRà soát thủ tục hành chính\tSở Tư pháp\tCác sở, ban, ngành\tQuý III/2023",
      "2\tTổ chức đối thoại doanh nghiệp\tSở Tài chính\tHiệp hội Doanh nghiệp tỉnh\tTrước ngày 15/6/2023",
    ].join("\n");
    const res = await c.post("/api/plan-import/extract-text", { text });
    expect(res.statusCode).toBe(200);
    const tasks = res.json().tasks;
    expect(tasks).toHaveLength(2);
    expect(tasks[0].leads[0].unit).toBe("Sở Tư pháp");
    expect(tasks[0].coordinators[0].group).toBe(true);
    expect(tasks[1].deadline.due).toBe("2023-06-15");
    expect(res.json().document.text).toContain("Rà soát thủ tục hành chính | Sở Tư pháp");
  });

  it("answers 400 for an empty text, a wrong file type and a corrupt document; 401 signed out; 403 to a viewer", async () => {
    const c = await as("dieuphoi");
    expect((await c.post("/api/plan-import/extract-text", { text: "" })).statusCode).toBe(400);
    const exe = await c.upload("/api/plan-import/extract", { fileName: "x.exe", data: "MZ" });
    expect(exe.statusCode).toBe(400);
    const corrupt = await c.upload("/api/plan-import/extract", {
      fileName: "ke-hoach.docx",
      data: "PK\u0003\u0004 hỏng",
    });
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json().error.message).toMatch(/[a-zà-ỹ]/);
    expect((await createClient(app).post("/api/plan-import/extract-text", { text: "x" })).statusCode).toBe(
      401,
    );
    const viewer = await as("xem");
    expect((await viewer.post("/api/plan-import/extract-text", { text: "Kế hoạch" })).statusCode).toBe(403);
  });
});

describe("upload limit per account", () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await buildTestApp(database, { uploadRateLimit: 2 });
  });
  afterAll(() => limited.close());

  it("refuses a third document within the minute with a Vietnamese 429, for that account only", async () => {
    const client = async (username: string) => {
      const c = createClient(limited);
      await c.login(username, "ChiSo@2026");
      return c;
    };
    const coordinator = await client("dieuphoi");
    const text = "KẾ HOẠCH\n1. Rà soát thủ tục hành chính";
    const file = { fileName: "k.txt", data: Buffer.from(text) };
    expect((await coordinator.upload("/api/plan-import/extract", file)).statusCode).toBe(200);
    expect((await coordinator.upload("/api/plan-import/extract", file)).statusCode).toBe(200);
    const third = await coordinator.upload("/api/plan-import/extract", file);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toBe("Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.");
    // Another account on the same address is not held back by the first one's uploads.
    const officer = await client("canbo");
    expect((await officer.upload("/api/plan-import/extract", file)).statusCode).toBe(200);
  });
});
