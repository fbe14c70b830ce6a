import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workStatus } from "../../../../../core/src/plans/status";
import { addDays } from "../../../../../core/src/reporting/periods";
import { createTestDatabase } from "../../../../test/database";
import type { Database } from "../../../app/db";
import { rowsOf } from "../../../app/db";
import { workStatusSql } from "./status.sql";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const BASE = "2026-01-01";
const day = fc.integer({ min: 0, max: 90 }).map((n) => addDays(BASE, n));
const facts = fc.record({
  due: fc.option(day, { nil: null }),
  completedAt: fc.option(day, { nil: null }),
  progress: fc.integer({ min: 0, max: 100 }),
  recurring: fc.boolean(),
  today: day,
  periodEnd: fc.option(day, { nil: null }),
});

describe("the status rule in SQL", () => {
  it("gives core's class for every combination of due, completion, progress, period and today", async () => {
    const samples = fc.sample(facts, { numRuns: 400, seed: 13 });
    // Edges on purpose: due on today, on the period's end, completion on the due day.
    samples.push(
      { due: BASE, completedAt: null, progress: 0, recurring: false, today: BASE, periodEnd: null },
      { due: BASE, completedAt: BASE, progress: 100, recurring: false, today: BASE, periodEnd: BASE },
      {
        due: BASE,
        completedAt: null,
        progress: 10,
        recurring: false,
        today: addDays(BASE, 1),
        periodEnd: BASE,
      },
      {
        due: null,
        completedAt: null,
        progress: 0,
        recurring: true,
        today: addDays(BASE, 2),
        periodEnd: BASE,
      },
    );
    for (const f of samples) {
      const expression = workStatusSql({
        due: sql`${f.due}::date`,
        completedAt: sql`${f.completedAt}::date`,
        progress: sql`${f.progress}::int`,
        today: f.today,
        period: f.periodEnd
          ? { end: sql`${f.periodEnd}::date`, recurring: sql`${f.recurring}::boolean` }
          : undefined,
      });
      const result = await database.db.execute(sql`select ${expression} as status`);
      const inSql = rowsOf<{ status: string }>(result)[0].status;
      const inCore = workStatus({ ...f, recurring: f.periodEnd ? f.recurring : false });
      expect({ facts: f, status: inSql }).toEqual({ facts: f, status: inCore });
    }
  });
});
