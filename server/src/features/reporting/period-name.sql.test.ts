import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adHocPeriod, type Period, parsePeriodKey } from "../../../../core/src/reporting/periods";
import { periodName } from "../../../../core/src/words/periods";
import { createTestDatabase } from "../../../test/database";
import { type Database, rowsOf } from "../../app/db";
import { periodNameSql } from "./period-name.sql";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe("the period name in SQL", () => {
  it("names every kind of period as core does", async () => {
    const periods: Period[] = [
      ...["2026-M01", "2026-M09", "2026-M12", "2026-Q1", "2026-Q4", "2026-H1", "2026-H2", "2026-Y"].map(
        (k) => parsePeriodKey(k) as Period,
      ),
      adHocPeriod({ start: "2026-05-01", due: "2026-05-20" }),
    ];
    for (const p of periods) {
      const [row] = rowsOf<{ name: string }>(
        await database.db.execute(
          sql`select ${periodNameSql({ key: sql`${p.key}::text`, start: sql`${p.start}::date`, end: sql`${p.end}::date` })} as name`,
        ),
      );
      expect(row?.name, p.key).toBe(periodName(p));
    }
  });
});
