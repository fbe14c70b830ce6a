import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FOLLOW_UP_STATES,
  type FollowUpState,
  followUpStatus,
  ITEM_STATUS_FILTERS,
  passesStatusFilter,
} from "../../../../../core/src/follow-up/items";
import { ASSIGNMENT_STATUSES } from "../../../../../core/src/plans/status";
import { addDays } from "../../../../../core/src/reporting/periods";
import { createTestDatabase } from "../../../../test/database";
import type { Database } from "../../../app/db";
import { rowsOf } from "../../../app/db";
import { itemStatusCondition, itemStatusSql } from "./follow-up-status.sql";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const BASE = "2026-01-01";
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays(BASE, n));
const facts = fc.record({
  state: fc.constantFrom(...FOLLOW_UP_STATES),
  dueDate: fc.option(day, { nil: null }),
  doneOn: fc.option(day, { nil: null }),
});
type Facts = { state: FollowUpState; dueDate: string | null; doneOn: string | null };

/** The generated facts as rows of a real table, judged on `today` by the SQL and by core. */
async function judge(rows: Facts[], today: string) {
  const values = sql.join(
    rows.map((r, n) => sql`(${n}::int, ${r.state}::text, ${r.dueDate}::date, ${r.doneOn}::date)`),
    sql`, `,
  );
  const from = sql`from (values ${values}) as i(n, state, due_date, done_on)`;
  const classes = rowsOf<{ n: number; status: string | null }>(
    await database.db.execute(sql`select n, ${itemStatusSql(today)} as status ${from} order by n`),
  );
  const matching: Record<string, number[]> = {};
  for (const status of ITEM_STATUS_FILTERS)
    matching[status] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select n ${from} where ${itemStatusCondition(status, today)} order by n`),
    ).map((r) => r.n);
  return { classes, matching };
}

describe("the follow-up status rule in SQL", () => {
  it("gives core's class for every generated item, and each class filter finds exactly its items", async () => {
    for (const [seed, today] of [
      [17, addDays(BASE, 20)],
      [23, addDays(BASE, 45)],
      [29, BASE],
    ] as const) {
      const rows: Facts[] = fc.sample(facts, { numRuns: 500, seed });
      // Edges on purpose: due today, done on the due day, accepted without a report day, no deadline.
      rows.push(
        { state: "open", dueDate: today, doneOn: null },
        { state: "accepted", dueDate: today, doneOn: today },
        { state: "accepted", dueDate: addDays(today, -1), doneOn: today },
        { state: "accepted", dueDate: addDays(today, -1), doneOn: null },
        { state: "reported", dueDate: addDays(today, -1), doneOn: null },
        { state: "closed", dueDate: addDays(today, -9), doneOn: null },
        { state: "received", dueDate: null, doneOn: null },
      );
      const { classes, matching } = await judge(rows, today);
      const inCore = rows.map((r) => followUpStatus({ ...r, today }));
      expect(classes.map((c) => ({ facts: rows[c.n], status: c.status }))).toEqual(
        rows.map((r, n) => ({ facts: r, status: inCore[n] })),
      );
      // Each filter, "unfinished" (every class not finished yet) included.
      for (const status of ITEM_STATUS_FILTERS)
        expect({ status, rows: matching[status] }).toEqual({
          status,
          rows: inCore.flatMap((s, n) => (passesStatusFilter(s, status) ? [n] : [])),
        });
      // Every class occurs: the sample tries each branch of the rule.
      for (const status of ASSIGNMENT_STATUSES) if (today !== BASE) expect(inCore, status).toContain(status);
    }
  });
});
