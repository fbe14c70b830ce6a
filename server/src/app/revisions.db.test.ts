import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import type { Database } from "./db";
import { readRevisions } from "./revisions";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A statement trigger fires even when no row matches: the cheapest way to bump a revision. */
const bumpPlans = "update plans set title = title where false";

describe("revisions in app_revisions", () => {
  it("keeps 16 counters per revision, and the key changes with every committed change", async () => {
    const shards = await database.query<{ name: string; n: number }>(
      "select name, count(*)::int as n from app_revisions group by name order by name",
    );
    expect(shards.map((s) => s.name)).toEqual([
      "follow_up",
      "indices",
      "org_groups",
      "org_units",
      "plans",
      "reports",
      "sessions",
    ]);
    expect(shards.every((s) => s.n === 16)).toBe(true);
    const before = await readRevisions(database.db, ["plans", "reports"]);
    await database.query(bumpPlans);
    const after = await readRevisions(database.db, ["plans", "reports"]);
    expect(after).not.toBe(before);
    const [plansBefore, reportsBefore] = before.split(".").map(Number);
    expect(after).toBe(`${plansBefore + 1}.${reportsBefore}`);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    "lets two connections on different counters bump the same revision without waiting for each other",
    async () => {
      const [{ name }] = await database.query<{ name: string }>("select current_database() as name");
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${name}`;
      // Connections until two land on different counters (their backend ids pick them).
      const clients: pg.Client[] = [];
      const byShard = new Map<number, pg.Client>();
      try {
        while (byShard.size < 2 && clients.length < 40) {
          const client = new pg.Client({ connectionString: url.toString() });
          await client.connect();
          clients.push(client);
          const { rows } = await client.query<{ shard: number }>("select revision_shard() as shard");
          if (!byShard.has(rows[0].shard)) byShard.set(rows[0].shard, client);
        }
        const [first, second] = [...byShard.values()];
        await first.query("begin");
        await first.query(bumpPlans);
        // The first transaction still holds its counter's lock; the second must not need it.
        await second.query("set lock_timeout = '2s'");
        await second.query("begin");
        await expect(second.query(bumpPlans)).resolves.toBeDefined();
        await second.query("commit");
        await first.query("commit");
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
    },
  );
});
