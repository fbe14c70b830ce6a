import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";

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

describe("login and sessions", () => {
  it("logs in with the right password, sets an HttpOnly session cookie and answers /api/me", async () => {
    const unit = await buildUnit(database.db, { name: "Sở Nội vụ" });
    const user = await buildUser(database.db, { unitId: unit.id, roles: ["officer"] });
    const client = createClient(app);
    const res = await client.login(user.username);
    const setCookie = [res.headers["set-cookie"]].flat().join("\n");
    expect(setCookie).toMatch(/chiso_sid=[^;]+;.*HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await client.get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().unit.name).toBe("Sở Nội vụ");
    expect(me.json().user.roles).toEqual(["officer"]);
    expect(me.json().can.manageUsers).toBe(false);
    // The web app counts its days on the province's clock.
    expect(me.json().timeZone).toBe("Asia/Ho_Chi_Minh");
  });

  it("answers 401 on /api/me without a session", async () => {
    const res = await app.inject({ method: "GET", url: "/api/me" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/đăng nhập/);
  });

  it("rejects a wrong password with the same message as an unknown user", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    const wrong = await client.post("/api/auth/login", {
      username: user.username,
      password: "sai-mat-khau-123",
    });
    const unknown = await client.post("/api/auth/login", {
      username: "khong-ton-tai",
      password: "sai-mat-khau-123",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it("answers 400 in Vietnamese naming the field when the body is malformed", async () => {
    const client = createClient(app);
    const res = await client.post("/api/auth/login", { username: "a" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("password");
    const extra = await client.post("/api/auth/login", { username: "a", password: "b", role: "admin" });
    expect(extra.statusCode).toBe(400);
  });

  it("locks the account after repeated failures, even for the right password", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    for (let i = 0; i < 5; i++)
      await client.post("/api/auth/login", { username: user.username, password: "sai-mat-khau-123" });
    const res = await client.post("/api/auth/login", {
      username: user.username,
      password: "mat-khau-thu-nghiem-123",
    });
    expect(res.statusCode).toBe(423);
    expect(res.json().error.message).toMatch(/tạm khóa/);
  });

  it("refuses a state-changing request without the CSRF header", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    await client.login(user.username);
    const res = await client.request("POST", "/api/auth/logout", {}, { "x-csrf-token": "" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("auth.csrf");
    expect((await client.get("/api/me")).statusCode).toBe(200);
  });

  it("logs out: the session no longer works", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    await client.login(user.username);
    const cookie = client.jar.get("chiso_sid");
    expect((await client.post("/api/auth/logout")).statusCode).toBe(200);
    const res = await app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: `chiso_sid=${cookie}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it("changes the password: the old one stops working", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    await client.login(user.username);
    const bad = await client.post("/api/auth/change-password", {
      currentPassword: "sai",
      newPassword: "mat-khau-moi-2026",
    });
    expect(bad.statusCode).toBe(400);
    const short = await client.post("/api/auth/change-password", {
      currentPassword: "mat-khau-thu-nghiem-123",
      newPassword: "ngan",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/10 ký tự/);
    const ok = await client.post("/api/auth/change-password", {
      currentPassword: "mat-khau-thu-nghiem-123",
      newPassword: "mat-khau-moi-2026",
    });
    expect(ok.statusCode).toBe(200);
    const fresh = createClient(app);
    expect(
      (await fresh.post("/api/auth/login", { username: user.username, password: "mat-khau-thu-nghiem-123" }))
        .statusCode,
    ).toBe(401);
    expect(
      (await fresh.post("/api/auth/login", { username: user.username, password: "mat-khau-moi-2026" }))
        .statusCode,
    ).toBe(200);
  });

  it("sends security headers", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers /api/health with the database kind", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.json()).toEqual({ status: "ok", db: process.env.TEST_DATABASE_URL ? "postgres" : "pglite" });
  });
});
