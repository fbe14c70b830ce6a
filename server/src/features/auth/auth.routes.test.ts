import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildUnit, buildUser, TEST_PASSWORD } from "../../../test/factories";
import { buildTestApp, createClient } from "../../../test/http";
import { csrfTokenFor } from "../../app/auth-plugin";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  // Many logins from one address in this file: the per-address limit is tested on apps of its own.
  app = await buildTestApp(database, { loginRateLimit: 1_000 });
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

  it("locks the account after repeated failures, even for the right password, answering as for an unknown user", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    for (let i = 0; i < 5; i++)
      await client.post("/api/auth/login", { username: user.username, password: "sai-mat-khau-123" });
    const res = await client.post("/api/auth/login", {
      username: user.username,
      password: "mat-khau-thu-nghiem-123",
    });
    const unknown = await client.post("/api/auth/login", {
      username: "khong-ton-tai",
      password: "mat-khau-thu-nghiem-123",
    });
    // No 423: a locked account and an unknown one get the same status and message.
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual(unknown.json().error);
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
      newPassword: "lua-chin-vang-dong-2026",
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
      newPassword: "lua-chin-vang-dong-2026",
    });
    expect(ok.statusCode).toBe(200);
    const fresh = createClient(app);
    expect(
      (await fresh.post("/api/auth/login", { username: user.username, password: "mat-khau-thu-nghiem-123" }))
        .statusCode,
    ).toBe(401);
    expect(
      (await fresh.post("/api/auth/login", { username: user.username, password: "lua-chin-vang-dong-2026" }))
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

const WRONG = "sai-mat-khau-123";

describe("the account lock under parallel guessing", () => {
  let fast: FastifyInstance;
  beforeAll(async () => {
    // No per-address limit here: the lock alone must hold.
    fast = await buildTestApp(database, { loginRateLimit: 10_000 });
  });
  afterAll(() => fast.close());

  it("50 wrong passwords at once verify at most 5, lock the account, and refuse the right one until the lock ends", async () => {
    const user = await buildUser(database.db);
    const client = createClient(fast);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        client.post("/api/auth/login", { username: user.username, password: WRONG }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(50).fill(401));
    const audit = await database.query<{ action: string; n: number }>(
      "select action, count(*)::int as n from audit_log where entity_id = $1 and action like 'login.%' group by action order by action",
      [user.id],
    );
    const byAction = Object.fromEntries(audit.map((a) => [a.action, a.n]));
    // Exactly five passwords were verified (four failures and the one that locked); the rest refused unseen.
    expect(byAction).toEqual({ "login.failed": 4, "login.locked": 1, "login.refused": 45 });
    const right = await client.post("/api/auth/login", { username: user.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
    const [row] = await database.query<{ locked: boolean }>(
      "select locked_until > now() as locked from users where id = $1",
      [user.id],
    );
    expect(row.locked).toBe(true);

    // The lock ends: a new window, the right password signs in and releases every place.
    await database.query("update users set locked_until = now() - interval '1 second' where id = $1", [
      user.id,
    ]);
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
    const [after] = await database.query<{ failed_logins: number; locked_until: Date | null }>(
      "select failed_logins, locked_until from users where id = $1",
      [user.id],
    );
    expect(after).toEqual({ failed_logins: 0, locked_until: null });
  });

  it("sustained guessing verifies no more than 5 per lock window", async () => {
    const user = await buildUser(database.db);
    const client = createClient(fast);
    for (let round = 0; round < 4; round++)
      await Promise.all(
        Array.from({ length: 25 }, () =>
          client.post("/api/auth/login", { username: user.username, password: WRONG }),
        ),
      );
    const [verified] = await database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_id = $1 and action in ('login.failed', 'login.locked')",
      [user.id],
    );
    expect(verified.n).toBe(5);
  });
});

describe("guessing the current password through a session", () => {
  it("limits password changes per address like logins", async () => {
    const limited = await buildTestApp(database, { loginRateLimit: 3 });
    try {
      const user = await buildUser(database.db);
      const client = createClient(limited);
      await client.login(user.username);
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (
            await client.post("/api/auth/change-password", {
              currentPassword: `doan-${i}`,
              newPassword: "lua-chin-vang-dong-2026",
            })
          ).statusCode,
        );
      expect(codes).toEqual([400, 400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("client addresses and forwarding headers", () => {
  const attempt = (target: FastifyInstance, username: string, forwardedFor: string) =>
    createClient(target).request(
      "POST",
      "/api/auth/login",
      { username, password: WRONG },
      { "x-forwarded-for": forwardedFor },
    );
  const auditIps = async (userId: string) =>
    (
      await database.query<{ ip: string }>(
        "select ip from audit_log where entity_id = $1 and action like 'login.%' order by id",
        [userId],
      )
    ).map((r) => r.ip);

  it("ignores X-Forwarded-For from an untrusted sender: the per-address limit holds and the audit keeps the real address", async () => {
    expect(testConfig().trustProxy).toEqual([]);
    const limited = await buildTestApp(database, { loginRateLimit: 10 });
    try {
      const answers = [];
      for (let i = 0; i < 30; i++)
        answers.push(await attempt(limited, `khong-co-${i}`, `198.51.100.${i + 1}`));
      expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(20);
      const user = await buildUser(database.db);
      const other = await buildTestApp(database);
      try {
        await attempt(other, user.username, "203.0.113.9");
      } finally {
        await other.close();
      }
      expect(await auditIps(user.id)).toEqual(["127.0.0.1"]);
    } finally {
      await limited.close();
    }
  });

  it("honours X-Forwarded-For from a proxy named in TRUST_PROXY, and records the client's address", async () => {
    const proxied = await buildTestApp(database, { loginRateLimit: 10, trustProxy: ["127.0.0.1"] });
    try {
      const answers = [];
      for (let i = 0; i < 30; i++)
        answers.push(await attempt(proxied, `khong-co-${i}`, `198.51.100.${i + 1}`));
      // Each client has its own budget behind the proxy.
      expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(0);
      const user = await buildUser(database.db);
      await attempt(proxied, user.username, "203.0.113.9");
      expect(await auditIps(user.id)).toEqual(["203.0.113.9"]);
    } finally {
      await proxied.close();
    }
  });
});

describe("CSRF token bound to the session, Origin of writes, caching", () => {
  it("binds the CSRF token to the session at login: a token from before login is refused", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    await client.get("/api/auth/csrf");
    const anonymousToken = client.jar.get("chiso_csrf")!;
    const res = await client.login(user.username);
    const bound = client.jar.get("chiso_csrf")!;
    expect(bound).not.toBe(anonymousToken);
    const [session] = await database.query<{ id: string }>("select id from sessions where user_id = $1", [
      user.id,
    ]);
    expect(bound).toBe(csrfTokenFor({ sessionId: session.id, config: testConfig() }));
    expect(res.statusCode).toBe(200);
    // A planted cookie echoed in the header (double-submit) is no longer enough once signed in.
    const planted = await client.request(
      "POST",
      "/api/auth/logout",
      {},
      { cookie: `chiso_sid=${client.jar.get("chiso_sid")}; chiso_csrf=planted`, "x-csrf-token": "planted" },
    );
    expect(planted.statusCode).toBe(403);
    expect(planted.json().error.code).toBe("auth.csrf");
    expect((await client.get("/api/me")).statusCode).toBe(200);
    expect((await client.post("/api/auth/logout")).statusCode).toBe(200);
  });

  it("refuses a write whose Origin or Referer is another site, accepts its own", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    await client.login(user.username);
    const foreign = await client.request("POST", "/api/auth/logout", {}, { origin: "https://evil.example" });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("auth.foreignOrigin");
    expect(foreign.json().error.message).toMatch(/trang khác/);
    const nullOrigin = await client.request("POST", "/api/auth/logout", {}, { origin: "null" });
    expect(nullOrigin.statusCode).toBe(403);
    const referer = await client.request(
      "POST",
      "/api/auth/logout",
      {},
      { referer: "https://evil.example/trang" },
    );
    expect(referer.statusCode).toBe(403);
    // The login form too: a foreign page cannot sign a victim into an attacker's account.
    const login = await createClient(app).request(
      "POST",
      "/api/auth/login",
      { username: user.username, password: TEST_PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(login.statusCode).toBe(403);
    expect((await client.get("/api/me")).statusCode).toBe(200);
    const own = await client.request("POST", "/api/auth/logout", {}, { origin: "http://localhost:80" });
    expect(own.statusCode).toBe(200);
  });

  it("reads the public host from X-Forwarded-Host only behind a trusted proxy", async () => {
    const user = await buildUser(database.db);
    const headers = {
      origin: "https://chiso.tinh.gov.vn",
      "x-forwarded-host": "chiso.tinh.gov.vn",
      "x-forwarded-proto": "https",
    };
    const untrusted = await createClient(app).request(
      "POST",
      "/api/auth/login",
      { username: user.username, password: TEST_PASSWORD },
      headers,
    );
    expect(untrusted.statusCode).toBe(403);
    const proxied = await buildTestApp(database, { trustProxy: ["127.0.0.1"] });
    try {
      const trusted = await createClient(proxied).request(
        "POST",
        "/api/auth/login",
        { username: user.username, password: TEST_PASSWORD },
        headers,
      );
      expect(trusted.statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("marks personal answers Cache-Control: no-store", async () => {
    const user = await buildUser(database.db);
    const client = createClient(app);
    const login = await client.login(user.username);
    expect(login.headers["cache-control"]).toBe("no-store");
    expect((await client.get("/api/me")).headers["cache-control"]).toBe("no-store");
    expect((await app.inject({ method: "GET", url: "/api/me" })).headers["cache-control"]).toBe("no-store");
  });
});

describe("the password rule where a user sets a password", () => {
  it("refuses common passwords and the user's own name, naming why in Vietnamese", async () => {
    const user = await buildUser(database.db, {
      username: `hoa${Date.now().toString(36)}`,
      displayName: "Trần Thị Hoa",
    });
    const client = createClient(app);
    await client.login(user.username);
    const change = (newPassword: string) =>
      client.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword });
    for (const [password, why] of [
      ["1234567890", /quá phổ biến/],
      ["lmnopqrstuv", /ký tự lặp lại hoặc liên tiếp/],
      ["hahahahahaha", /ký tự lặp lại hoặc liên tiếp/],
      ["matkhau123", /quá phổ biến/],
      ["Mật khẩu 123", /quá phổ biến/],
      ["Password123!", /quá phổ biến/],
      [`${user.username}-2026`, /tên đăng nhập/],
      ["tranthihoa-1990", /họ tên/],
    ] as const) {
      const res = await change(password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code).toBe("auth.weakPassword");
      expect(res.json().error.message).toMatch(why);
    }
    expect((await change("ChiSo@2026")).statusCode).toBe(200);
  });
});
