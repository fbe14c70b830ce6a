import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { bootstrapAdminFromEnv } from "./bootstrap";
import { testConfig } from "./config";
import type { Database } from "./db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the first administrator from CHISO_ADMIN_USERNAME / CHISO_ADMIN_PASSWORD", () => {
  it("refuses a guessable password with a clear message and creates nobody", async () => {
    for (const password of ["admin12345", "1234567890", "quantri-2026"]) {
      const config = testConfig({ bootstrapAdmin: { username: "quantri", password } });
      await expect(bootstrapAdminFromEnv({ database, config }), password).rejects.toThrow(
        /CHISO_ADMIN_PASSWORD không được chấp nhận/,
      );
    }
    const [{ n }] = await database.query<{ n: number }>("select count(*)::int as n from users");
    expect(n).toBe(0);
  });

  it("creates the administrator with an acceptable password", async () => {
    const config = testConfig({ bootstrapAdmin: { username: "quantri", password: "doi-thong-hai-mo-2026" } });
    const admin = await bootstrapAdminFromEnv({ database, config });
    expect(admin?.roles).toEqual(["admin"]);
  });
});
