import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";

/**
 * Writes made as another server process makes them: straight to the database, so this process's
 * code never evicts anything. Only the revisions keep its session cache honest.
 */
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function signedIn(roles: Array<"officer" | "head"> = ["officer"]) {
  const unit = await buildUnit(database.db, { name: "Sở Tư pháp" });
  const user = await buildUser(database.db, { unitId: unit.id, roles });
  const client = createClient(app);
  await client.login(user.username);
  // A first request fills the cache, as the page's burst of requests would.
  expect((await client.get("/api/me")).statusCode).toBe(200);
  return { client, user, unit };
}

describe("the session cache with writes from another process", () => {
  it("refuses a session ended elsewhere at the next request", async () => {
    const { client, user } = await signedIn();
    await database.query("delete from sessions where user_id = $1", [user.id]);
    const res = await client.get("/api/me");
    expect(res.statusCode).toBe(401);
  });

  it("refuses an account disabled elsewhere at the next request", async () => {
    const { client, user } = await signedIn();
    await database.query("update users set active = false where id = $1", [user.id]);
    expect((await client.get("/api/me")).statusCode).toBe(401);
  });

  it("sees a role and a unit's name changed elsewhere at the next request", async () => {
    const { client, user, unit } = await signedIn(["officer"]);
    await database.query("update users set roles = '{head}' where id = $1", [user.id]);
    await database.query("update org_units set name = 'Sở Tư pháp tỉnh' where id = $1", [unit.id]);
    const me = await client.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles).toEqual(["head"]);
    expect(me.json().unit.name).toBe("Sở Tư pháp tỉnh");
  });

  it("keeps serving other sessions from memory when someone logs in or is merely recorded logging in", async () => {
    const { client, user } = await signedIn();
    const [before] = await database.query<{ r: string }>(
      "select sum(revision)::text as r from app_revisions where name = 'sessions'",
    );
    const other = await buildUser(database.db);
    await createClient(app).login(other.username);
    await database.query("update users set last_login_at = now(), failed_logins = 0 where id = $1", [
      user.id,
    ]);
    const [after] = await database.query<{ r: string }>(
      "select sum(revision)::text as r from app_revisions where name = 'sessions'",
    );
    // A login bumps nothing, so it does not make every process read every session again.
    expect(after.r).toBe(before.r);
    expect((await client.get("/api/me")).statusCode).toBe(200);
  });
});
