/**
 * Honest lists outside reporting (reporting.lists.test.ts has reporting's): tasks, my unit's tasks,
 * users and the audit log page on the server with their true total, and pages neither overlap nor skip.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { buildProvince, buildUnit, buildUser } from "../../test/factories";
import { createClient } from "../../test/http";
import { plans, planTasks, taskAssignments } from "../features/plans/plans.table";
import { buildApp } from "./build-app";
import { testConfig } from "./config";
import type { Database } from "./db";

let database: Database;
let app: FastifyInstance;
let admin: ReturnType<typeof createClient>;
let officer: ReturnType<typeof createClient>;
let unitId: string;
const TASKS = 7;
const USERS = 7;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  app = await buildApp({ database, config: testConfig() });
  const province = await buildProvince(db);
  const unit = await buildUnit(db, { kind: "commune", name: "Xã Thử", parentId: province.id });
  unitId = unit.id;
  // Users share a display name: the id must still order them.
  for (let i = 0; i < USERS - 1; i++) await buildUser(db, { unitId, displayName: "Nguyễn Văn Trùng" });
  const officerUser = await buildUser(db, { unitId, roles: ["officer"] });
  const adminUser = await buildUser(db, { unitId: province.id, roles: ["admin"] });
  const [plan] = await db
    .insert(plans)
    .values({ provinceId: province.id, ownerUnitId: province.id, title: "Kế hoạch", status: "issued" })
    .returning();
  for (let i = 0; i < TASKS; i++) {
    const [task] = await db
      .insert(planTasks)
      .values({
        planId: plan.id,
        provinceId: province.id,
        number: String(i + 1),
        sortOrder: i,
        content: `Nhiệm vụ ${i + 1}`,
        deadline: { kind: "unknown", text: "" },
        // Every task due the same day: the sort must still be total.
        dueDate: "2099-06-30",
      })
      .returning();
    await db.insert(taskAssignments).values({
      taskId: task.id,
      planId: plan.id,
      provinceId: province.id,
      unitId,
      unitPath: unit.path,
      role: "lead",
      dueDate: "2099-06-30",
    });
  }
  admin = createClient(app);
  await admin.login(adminUser.username);
  officer = createClient(app);
  await officer.login(officerUser.username);
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
});

/** Every page of a list: sizes, the same total on each page, no row twice. */
async function readAllPages(
  client: ReturnType<typeof createClient>,
  url: string,
  pageSize: number,
  rowsOf: (body: Record<string, unknown>) => Array<{ id: string }>,
) {
  const total: number = (await client.get(`${url}&page=1&pageSize=${pageSize}`)).json().total;
  const pages = Math.ceil(total / pageSize);
  expect(pages).toBeGreaterThan(1);
  const ids: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const res = await client.get(`${url}&page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(total);
    const rows = rowsOf(res.json());
    expect(rows).toHaveLength(page < pages ? pageSize : total - pageSize * (pages - 1));
    ids.push(...rows.map((r) => r.id));
  }
  expect(new Set(ids).size).toBe(total);
  return total;
}

describe("lists page with their true total", () => {
  it("tasks", async () => {
    const total = await readAllPages(
      admin,
      "/api/tasks?sort=due",
      3,
      (b) => b.tasks as Array<{ id: string }>,
    );
    expect(total).toBe(TASKS);
  });

  it("my unit's tasks", async () => {
    const total = await readAllPages(officer, "/api/tasks/mine?sort=due", 3, (b) =>
      (b.items as Array<{ assignmentId: string }>).map((x) => ({ id: x.assignmentId })),
    );
    expect(total).toBe(TASKS);
  });

  it("users", async () => {
    const total = await readAllPages(
      admin,
      `/api/users?unitId=${unitId}&sort=displayName`,
      3,
      (b) => b.users as Array<{ id: string }>,
    );
    expect(total).toBe(USERS);
  });

  it("audit records", async () => {
    const total = await readAllPages(
      admin,
      "/api/audit?entity=user",
      3,
      (b) => b.entries as Array<{ id: string }>,
    );
    // One record per account created (the admin's too).
    expect(total).toBe(USERS + 1);
  });
});

describe("paging is validated and needs a session", () => {
  const urls = ["/api/tasks?", "/api/tasks/mine?", "/api/users?", "/api/audit?"];

  it.each([
    ["pageSize=0", "pageSize"],
    ["page=-1", "page"],
    ["pageSize=100000", "pageSize"],
  ])("refuses %s with a Vietnamese message", async (query, field) => {
    for (const url of urls) {
      const res = await admin.get(`${url}${query}`);
      expect(res.statusCode, `${url}${query}`).toBe(400);
      const { error } = res.json();
      expect(error.message).toContain(field);
      expect(error.message).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựđ]/i);
    }
  });

  it("answers 401 without a session", async () => {
    for (const url of urls) expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(401);
  });
});
