import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit, buildUser } from "../../../../test/factories";
import { buildTestApp, createClient } from "../../../../test/http";
import { setClockForTests } from "../../../app/clock";
import type { Database } from "../../../app/db";
import { planTasks, taskAssignments } from "../plans.table";

// A task turns overdue when its due day has ended in the province, not when the UTC day has.
let database: Database;
let app: FastifyInstance;
let officer: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const province = await buildProvince(db);
  const commune = await buildUnit(db, { kind: "commune", name: "Xã Một", parentId: province.id });
  officer = (await buildUser(db, { unitId: commune.id, roles: ["officer"] })).username;
  const { task } = await buildAssignedPlan(db, { provinceId: province.id, units: [commune] });
  await db.update(planTasks).set({ dueDate: "2026-03-15" }).where(eq(planTasks.id, task.id));
  await db.update(taskAssignments).set({ dueDate: "2026-03-15" }).where(eq(taskAssignments.taskId, task.id));
  app = await buildTestApp(database);
}, 120_000);
afterEach(() => setClockForTests(null));
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("overdue, on the province's clock", () => {
  it("a task due on the 15th is not overdue at 23:30 on the 15th in Hanoi, and is at 00:30 on the 16th", async () => {
    const c = createClient(app);
    await c.login(officer);
    const look = async () => {
      const mine = await c.get("/api/tasks/mine");
      expect(mine.statusCode, mine.body).toBe(200);
      const overdueList = await c.get("/api/tasks?status=overdue");
      expect(overdueList.statusCode, overdueList.body).toBe(200);
      return {
        status: mine.json().items[0].status,
        overdueCount: mine.json().counts.overdue,
        overdueTasks: overdueList.json().total,
      };
    };

    setClockForTests(new Date("2026-03-15T16:30:00Z")); // 23:30 on 15/03 in Hanoi
    expect(await look()).toEqual({ status: "notStarted", overdueCount: 0, overdueTasks: 0 });

    setClockForTests(new Date("2026-03-15T17:30:00Z")); // 00:30 on 16/03 in Hanoi, still 15/03 in UTC
    expect(await look()).toEqual({ status: "overdue", overdueCount: 1, overdueTasks: 1 });
  });
});
