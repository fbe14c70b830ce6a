import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planProgress } from "../../../../core/src/plans/rollup";
import { createTestDatabase } from "../../../test/database";
import { buildAssignedPlan, buildProvince } from "../../../test/factories";
import type { Database } from "../../app/db";
import { createPlansRepository } from "./plans.repository";

let database: Database;
let planId: string;
let provinceId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const province = await buildProvince(database.db);
  provinceId = province.id;
  ({
    plan: { id: planId },
  } = await buildAssignedPlan(database.db, { provinceId, units: [] }));
}, 120_000);
afterAll(() => database?.close());

/** The plan's tasks become exactly these: live tasks with their progress, and removed ones or sections. */
async function setTasks(tasks: Array<{ progress: number; removed: boolean; section: boolean }>) {
  await database.query("delete from plan_tasks where plan_id = $1", [planId]);
  for (const [i, t] of tasks.entries())
    await database.query(
      `insert into plan_tasks (plan_id, province_id, kind, content, deadline, progress, sort_order, removed_at)
       values ($1, $2, $3, $4, '{"kind":"unknown","text":""}', $5, $6, case when $7 then now() end)`,
      [planId, provinceId, t.section ? "section" : "task", `Nhiệm vụ ${i}`, t.progress, i, t.removed],
    );
}

describe("a plan's progress in SQL", () => {
  it("is core's planProgress of its live tasks, in the plan's detail figures and in the plan list", async () => {
    const task = fc.record({
      progress: fc.integer({ min: 0, max: 100 }),
      removed: fc.boolean(),
      section: fc.boolean(),
    });
    const samples = fc.sample(fc.array(task, { minLength: 0, maxLength: 9 }), { numRuns: 40, seed: 22 });
    // Halves on purpose: 0.5 rounds up in core (Math.round) and must in SQL too.
    samples.push([
      { progress: 1, removed: false, section: false },
      { progress: 0, removed: false, section: false },
    ]);
    const repo = createPlansRepository(database.db);
    for (const sample of samples) {
      await setTasks(sample);
      const live = sample.filter((t) => !t.removed && !t.section);
      const expected = { taskCount: live.length, progress: planProgress(live.map((t) => t.progress)) };
      expect({ sample, figures: await repo.taskFigures(planId) }).toEqual({ sample, figures: expected });
      const { rows } = await repo.list({ scope: { kind: "all" }, limit: 50, offset: 0 });
      const listed = rows.find((r) => r.id === planId);
      expect({ sample, listed: { taskCount: listed?.taskCount, progress: listed?.progress } }).toEqual({
        sample,
        listed: expected,
      });
    }
  }, 120_000);
});
