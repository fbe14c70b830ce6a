import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildUnit, buildUser } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import type { Database } from "../../app/db";

let database: Database;
let app: FastifyInstance;
let unitId: string;
let adminName: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  unitId = (await buildUnit(database.db, { name: "Sở Nội vụ" })).id;
  adminName = (await buildUser(database.db, { unitId, roles: ["admin"] })).username;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const admin = async () => {
  const c = createClient(app);
  await c.login(adminName);
  return c;
};
const newUser = (over: Record<string, unknown> = {}) => ({
  username: `can.bo${Math.floor(Math.random() * 1e9)}`,
  displayName: "Trần Thị Hoa",
  unitId,
  roles: ["officer"],
  password: "mat-khau-ban-dau-1",
  ...over,
});

describe("users", () => {
  it("admin creates a user who must change the password and can then sign in", async () => {
    const c = await admin();
    const body = newUser();
    const res = await c.post("/api/users", body);
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      username: body.username,
      unitName: "Sở Nội vụ",
      roles: ["officer"],
      active: true,
    });
    const u = createClient(app);
    const login = await u.login(body.username, body.password);
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it("lets an account with a temporary password do nothing but change it", async () => {
    const c = await admin();
    const body = newUser();
    await c.post("/api/users", body);
    const u = createClient(app);
    await u.login(body.username, body.password);
    for (const res of [
      await u.get("/api/users"),
      await u.get("/api/org-units/tree"),
      await u.post("/api/users", newUser()),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("auth.passwordChangeRequired");
      expect(res.json().error.message).toMatch(/đổi mật khẩu/);
    }
    expect((await u.get("/api/me")).json().user.mustChangePassword).toBe(true);
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    const changed = await u.post("/api/auth/change-password", {
      currentPassword: body.password,
      newPassword: "canh-dong-lua-chin-2026",
    });
    expect(changed.statusCode).toBe(200);
    expect((await u.get("/api/org-units/tree")).statusCode).toBe(200);
    expect((await u.get("/api/me")).json().user.mustChangePassword).toBe(false);
    // Logout stays open to such an account (checked on a second one).
    const v = createClient(app);
    const other = newUser();
    await c.post("/api/users", other);
    await v.login(other.username, other.password);
    expect((await v.post("/api/auth/logout")).statusCode).toBe(200);
  });

  it("refuses a common password or one containing the name when an administrator creates or resets an account", async () => {
    const c = await admin();
    for (const password of ["1234567890", "matkhau123", "Trần Thị Hoa 1990"]) {
      const res = await c.post("/api/users", newUser({ password }));
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code).toBe("auth.weakPassword");
    }
    const body = newUser();
    const { user } = (await c.post("/api/users", body)).json();
    const reset = await c.post(`/api/users/${user.id}/reset-password`, { password: `${body.username}!!` });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toMatch(/tên đăng nhập/);
  });

  it("answers 400 naming the field for a bad username and for a short password", async () => {
    const c = await admin();
    const bad = await c.post("/api/users", newUser({ username: "có dấu" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/username/);
    const short = await c.post("/api/users", newUser({ password: "123" }));
    expect(short.json().error.message).toMatch(/password.*10 ký tự/);
    const role = await c.post("/api/users", newUser({ roles: ["king"] }));
    expect(role.statusCode).toBe(400);
  });

  it("refuses a duplicate username with 409", async () => {
    const c = await admin();
    const body = newUser();
    await c.post("/api/users", body);
    const again = await c.post("/api/users", { ...body, username: body.username.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/đã được dùng/);
  });

  it("answers 401 signed out, 403 to an officer creating users", async () => {
    expect((await app.inject({ method: "GET", url: "/api/users" })).statusCode).toBe(401);
    const officer = await buildUser(database.db);
    const c = createClient(app);
    await c.login(officer.username);
    expect((await c.post("/api/users", newUser())).statusCode).toBe(403);
  });

  it("lists with paging, filter and search without diacritics", async () => {
    const c = await admin();
    await c.post("/api/users", newUser({ displayName: "Nguyễn Thị Đào" }));
    const res = await c.get("/api/users?q=nguyen%20thi%20dao&pageSize=5");
    expect(res.statusCode).toBe(200);
    expect(res.json().users[0].displayName).toBe("Nguyễn Thị Đào");
    const page = await c.get("/api/users?pageSize=1&page=2&sort=username&order=desc");
    expect(page.json().users).toHaveLength(1);
    expect(page.json().total).toBeGreaterThan(1);
  });

  it("deactivation ends the user's sessions and blocks login; reset unlocks", async () => {
    const c = await admin();
    const body = newUser();
    const { user } = (await c.post("/api/users", body)).json();
    const u = createClient(app);
    await u.login(body.username, body.password);
    expect((await c.patch(`/api/users/${user.id}`, { active: false })).json().user.active).toBe(false);
    expect((await u.get("/api/me")).statusCode).toBe(401);
    expect(
      (await createClient(app).post("/api/auth/login", { username: body.username, password: body.password }))
        .statusCode,
    ).toBe(403);
    await c.patch(`/api/users/${user.id}`, { active: true });
    expect(
      (await c.post(`/api/users/${user.id}/reset-password`, { password: "mat-khau-dat-lai-9" })).statusCode,
    ).toBe(200);
    expect(
      (
        await createClient(app).post("/api/auth/login", {
          username: body.username,
          password: "mat-khau-dat-lai-9",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("keeps at least one active admin", async () => {
    const c = await admin();
    const me = (await c.get("/api/me")).json();
    const res = await c.patch(`/api/users/${me.user.id}`, { roles: ["officer"] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("user.lastAdmin");
  });

  it("audits creation without the password hash", async () => {
    const c = await admin();
    const { user } = (await c.post("/api/users", newUser())).json();
    const audit = (await c.get(`/api/audit?entity=user&entityId=${user.id}`)).json();
    expect(audit.entries[0].action).toBe("create");
    expect(JSON.stringify(audit.entries[0].after)).not.toMatch(/argon2/);
  });

  it("a head lists its own unit's users only", async () => {
    const otherUnit = await buildUnit(database.db);
    await buildUser(database.db, { unitId: otherUnit.id, displayName: "Người Đơn Vị Khác" });
    const head = await buildUser(database.db, { unitId, roles: ["head"] });
    const c = createClient(app);
    await c.login(head.username);
    const res = await c.get("/api/users?pageSize=200");
    expect(res.statusCode).toBe(200);
    expect(res.json().users.every((u: { unitId: string }) => u.unitId === unitId)).toBe(true);
  });
});
