import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { rowsOf } from "./db";
import { createStatementNamer, preparingClientClass } from "./prepared-statements";

describe("statement names", () => {
  it("names a text from its second use, always with the same name, and distinct texts apart", () => {
    const nameFor = createStatementNamer();
    const a = "select id from reports where id = $1";
    const b = "select id from report_entries where id = $1";
    expect(nameFor(a)).toBeUndefined();
    const name = nameFor(a);
    expect(name).toMatch(/^chiso_[0-9a-f]{20}$/);
    expect(nameFor(a)).toBe(name);
    nameFor(b);
    expect(nameFor(b)).not.toBe(name);
  });

  it("never names more texts than its bound, whatever texts come", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 300 }),
        fc.integer({ min: 1, max: 20 }),
        (texts, max) => {
          const nameFor = createStatementNamer(max);
          const names = new Set<string>();
          for (const t of [...texts, ...texts]) {
            const n = nameFor(t);
            if (n) names.add(n);
          }
          expect(names.size).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("the preparing client on PostgreSQL", () => {
  it("prepares a repeated parameterised query once and leaves plain and multi-statement texts alone", async () => {
    const Client = preparingClientClass();
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      for (let i = 0; i < 3; i++) {
        const { rows } = await client.query({ text: "select $1::int + 1 as n", values: [i] });
        expect(rows[0].n).toBe(i + 1);
        // pg's own form, text and values apart, is named too.
        expect((await client.query("select $1::text as t", [`x${i}`])).rows[0].t).toBe(`x${i}`);
      }
      await client.query("select 1; select 2");
      await client.query("select 1; select 2");
      const prepared: { rows: Array<{ statement: string }> } = await client.query(
        "select statement from pg_prepared_statements order by statement",
      );
      expect(prepared.rows.map((r) => r.statement)).toEqual([
        "select $1::int + 1 as n",
        "select $1::text as t",
      ]);
      // A failed query under a name leaves the connection usable and the name reusable.
      const bad = { text: "select $1::int / 0 as n", values: [1] };
      for (let i = 0; i < 2; i++) await expect(client.query(bad)).rejects.toThrow(/division by zero/);
      expect((await client.query({ text: "select $1::int + 1 as n", values: [9] })).rows[0].n).toBe(10);
    } finally {
      await client.end();
    }
  });

  it("is what the server's pool uses", async () => {
    const database = await createTestDatabase();
    try {
      // One transaction holds one pooled connection, whose prepared statements it can then see.
      const statements = await database.db.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await tx.execute(sql`select ${i}::int as n`);
        return rowsOf<{ statement: string }>(
          await tx.execute(sql`select statement from pg_prepared_statements`),
        );
      });
      expect(statements.map((r) => r.statement)).toContain("select $1::int as n");
    } finally {
      await database.close();
    }
  });
});
