import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskProgress } from "../../../../../core/src/plans/rollup";
import { createTestDatabase } from "../../../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit } from "../../../../test/factories";
import type { Database } from "../../../app/db";
import { rollUp } from "./progress";

let database: Database;
let taskId: string;
let units: Array<{ id: string; path: string }>;
beforeAll(async () => {
  database = await createTestDatabase();
  const province = await buildProvince(database.db);
  units = [];
  for (let i = 0; i < 6; i++)
    units.push(await buildUnit(database.db, { kind: "commune", name: `Xã ${i}`, parentId: province.id }));
  const { task } = await buildAssignedPlan(database.db, { provinceId: province.id, units });
  taskId = task.id;
}, 120_000);
afterAll(() => database?.close());

describe("a task's progress rolled up in SQL", () => {
  it("is core's taskProgress of its open assignments, whatever their roles, progress and endings", async () => {
    const assignment = fc.record({
      role: fc.constantFrom("lead", "coordinating", "requested"),
      progress: fc.integer({ min: 0, max: 100 }),
      ended: fc.boolean(),
    });
    const samples = fc.sample(fc.array(assignment, { minLength: 6, maxLength: 6 }), {
      numRuns: 60,
      seed: 13,
    });
    // Halves on purpose: 0.5 rounds up in core (Math.round) and must in SQL too.
    samples.push(units.map((_, i) => ({ role: "lead" as const, progress: i < 2 ? 1 : 0, ended: i >= 2 })));
    for (const sample of samples) {
      for (const [i, a] of sample.entries())
        await database.query(
          `update task_assignments set role = $1, progress = $2, ended_at = case when $3 then now() end
           where task_id = $4 and unit_id = $5`,
          [a.role, a.progress, a.ended, taskId, units[i].id],
        );
      const progressNow = async () =>
        (
          await database.query<{ progress: number }>("select progress from plan_tasks where id = $1", [
            taskId,
          ])
        )[0].progress;
      const open = sample.filter((a) => !a.ended);
      // The fast path: the trigger's running sums, after row-by-row updates in any order.
      const byTrigger = await progressNow();
      // The slow path: everything recomputed from the rows, from a task row made wrong on purpose.
      await database.query(
        `update plan_tasks set progress = -1, open_assignments = 99, open_progress_sum = 7,
           lead_assignments = 3, lead_progress_sum = 1 where id = $1`,
        [taskId],
      );
      await database.db.transaction((tx) => rollUp(tx, taskId));
      const recomputed = await progressNow();
      // A task with no open assignment keeps its last figure.
      const expected = open.length ? taskProgress(open) : undefined;
      if (expected !== undefined) expect({ sample, byTrigger }).toEqual({ sample, byTrigger: expected });
      expect({ sample, recomputed }).toEqual({ sample, recomputed: expected ?? -1 });
    }
  }, 120_000);
});
