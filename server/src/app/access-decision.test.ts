import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { buildTestApp } from "../../test/http";
import { registerAccessControl } from "./auth-plugin";
import { testConfig } from "./config";
import type { Database } from "./db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const EXPECTED_PUBLIC = [
  "GET /api/auth/csrf",
  "GET /api/health",
  "GET /api/openapi.json",
  "POST /api/auth/login",
];

describe("access decisions", () => {
  it("refuses to register an API route that does not say who may call it", async () => {
    const app = Fastify();
    registerAccessControl({ app, db: database.db, config: testConfig() });
    expect(() => app.get("/api/forgotten", async () => ({}))).toThrow(/no access decision/);
    await app.close();
  });

  it("only the expected routes are public; every other one answers 401 without a session", async () => {
    const app = await buildTestApp(database);
    const publicRoutes = app.apiRoutes
      .filter((r) => r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(EXPECTED_PUBLIC);
    const guarded = app.apiRoutes.filter((r) => r.access !== "public");
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const url = route.url.replace(/:\w+/g, "00000000-0000-4000-8000-000000000000");
      const res = await app.inject({
        method: route.method as "GET",
        url,
        headers: { cookie: "chiso_csrf=t", "x-csrf-token": "t", "content-type": "application/json" },
        payload: route.method === "GET" || route.method === "DELETE" ? undefined : "{}",
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
    await app.close();
  });
});
