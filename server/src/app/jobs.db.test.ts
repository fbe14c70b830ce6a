import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { listProvincesCached } from "../features/indices/indices.versions";
import type { Database } from "./db";
import { runHourlyJobs } from "./jobs";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const log = { warn: () => {} };

describe("the jobs across processes", () => {
  it("runs the hourly work under the jobs' lock and lets it go after, on either database", async () => {
    expect(await runHourlyJobs({ database, mailer: null, log })).toEqual({
      opened: 0,
      reminders: 0,
      followUp: 0,
      digests: 0,
    });
    // Released: the next run (here or in another process) takes it again.
    expect(await runHourlyJobs({ database, mailer: null, log })).not.toBeNull();
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    "skips a run while another process holds the jobs' lock, and runs once it is let go",
    async () => {
      const [{ name }] = await database.query<{ name: string }>("select current_database() as name");
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${name}`;
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      try {
        // What another server process's run holds while it works (db.ts: space "CHIS", jobs = 3).
        await other.query("select pg_advisory_lock($1, $2)", [0x43484953, 3]);
        expect(await runHourlyJobs({ database, mailer: null, log })).toBeNull();
        await other.query("select pg_advisory_unlock($1, $2)", [0x43484953, 3]);
        expect(await runHourlyJobs({ database, mailer: null, log })).not.toBeNull();
      } finally {
        await other.end();
      }
    },
  );
});

describe("the indices' catalog kept in memory", () => {
  it("sees a province added by another process at once", async () => {
    const before = await listProvincesCached(database.db);
    // Straight to the database, as another process would write it: nothing here is told.
    await database.query(
      "insert into index_provinces (code, name, name_en, era) values ('ZZ', 'Tỉnh Thử', 'Test Province', 'current')",
    );
    const after = await listProvincesCached(database.db);
    expect(after.length).toBe(before.length + 1);
    expect(after.some((p) => p.code === "ZZ")).toBe(true);
  });
});
