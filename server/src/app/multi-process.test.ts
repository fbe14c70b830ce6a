/**
 * Two real server processes on one PostgreSQL database, as behind a load balancer (README, "Several
 * processes"): the jobs run once, and a logout or a disabled account is refused by the other process
 * at its next request. PGlite is one process's database, so this needs TEST_DATABASE_URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { buildAssignedPlan, buildProvince, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories";
import { createPeriodsRepository } from "../features/reporting/obligations/periods.repository";
import { reportingObligations } from "../features/reporting/reporting.table";
import { provinceToday } from "./clock";
import type { Database } from "./db";

const root = path.resolve(import.meta.dirname, "../../..");
const SECRET = "multi-process-test-secret-0123456789abcdefghij";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
  /** Resolves with the next line the process prints that starts with `prefix`. */
  nextLine(prefix: string): Promise<string>;
  stop(): Promise<void>;
}

/** The real server as `npm start` runs it, from the sources (tsx), in production mode. */
async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "3",
      SESSION_SECRET: SECRET,
      COOKIE_SECURE: "0",
      CHISO_DEMO: "0",
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiting: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const line of chunk.toString().split("\n"))
      for (const w of [...waiting])
        if (line.startsWith(w.prefix)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(line);
        }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server did not become healthy: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    nextLine: (prefix) => new Promise((resolve) => waiting.push({ prefix, resolve })),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A browser's cookies, sent to whichever process the load balancer picks. */
function browser() {
  const jar = new Map<string, string>();
  async function request(server: Server, method: string, url: string, body?: unknown) {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        "x-csrf-token": jar.get("chiso_csrf") ?? "",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const raw of res.headers.getSetCookie()) {
      const pair = raw.split(";")[0];
      const [k, v] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (v === "") jar.delete(k);
      else jar.set(k, v);
    }
    return res;
  }
  return {
    jar,
    request,
    async login(server: Server, username: string) {
      await request(server, "GET", "/api/auth/csrf");
      const res = await request(server, "POST", "/api/auth/login", { username, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
    },
  };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "two server processes on one database (needs TEST_DATABASE_URL: PGlite is one process's database)",
  () => {
    let database: Database;
    let one: Server;
    let two: Server;
    const users: Record<string, { id: string; username: string }> = {};
    let unitA: { id: string; path: string };

    beforeAll(async () => {
      database = await createTestDatabase();
      const db = database.db;
      const province = await buildProvince(db);
      const receiver = await buildUnit(db, { kind: "department", name: "Sở Nội vụ", parentId: province.id });
      unitA = await buildUnit(db, { kind: "commune", name: "Xã Một", parentId: province.id });
      users.admin = await buildUser(db, { unitId: province.id, roles: ["admin"] });
      users.officer = await buildUser(db, { unitId: unitA.id, roles: ["officer"] });
      users.head = await buildUser(db, { unitId: unitA.id, roles: ["head"] });
      // A report due today in the province: today's run reminds the commune of it.
      const { plan } = await buildAssignedPlan(db, { provinceId: province.id, units: [unitA] });
      const [obligation] = await db
        .insert(reportingObligations)
        .values({
          planId: plan.id,
          provinceId: province.id,
          title: "Báo cáo đột xuất",
          frequency: "monthly",
          dueRule: { kind: "dayOfLastMonth", day: 15 },
          receivingUnitId: receiver.id,
        })
        .returning();
      const today = provinceToday();
      await createPeriodsRepository(db).insertReportsForPeriod({
        obligation,
        periodKey: "2000-M01",
        start: today,
        end: today,
        opensOn: today,
        due: today,
        lockDate: null,
      });
      const [{ name }] = await database.query<{ name: string }>("select current_database() as name");
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${name}`;
      [one, two] = await Promise.all([startServer(url.toString()), startServer(url.toString())]);
    }, 180_000);

    afterAll(async () => {
      await Promise.all([one?.stop(), two?.stop()]);
      await database?.close();
    }, 60_000);

    it("runs the jobs triggered in both at once once: one set of notices, each period opened once", async () => {
      const said = [one.nextLine("Công việc định kỳ:"), two.nextLine("Công việc định kỳ:")];
      one.child.kill("SIGUSR2");
      two.child.kill("SIGUSR2");
      const lines = await Promise.all(said);
      expect(
        lines.some((l) => l.includes("thất bại")),
        lines.join("\n"),
      ).toBe(false);
      const notices = await database.query<{ unit_id: string; kind: string; title: string; n: number }>(
        "select unit_id, kind, title, count(*)::int as n from notifications group by unit_id, kind, title",
      );
      expect(notices.filter((n) => n.unit_id === unitA.id && n.kind === "dueToday")).toHaveLength(1);
      expect(notices.filter((n) => n.n > 1)).toEqual([]);
      const openings = await database.query<{ n: number }>(
        "select count(*)::int as n from audit_log where action = 'openPeriod' group by entity_id, after->>'periodKey' having count(*) > 1",
      );
      expect(openings).toEqual([]);
    });

    it("refuses a session logged out in one process at once in the other", async () => {
      const b = browser();
      await b.login(one, users.officer.username);
      // Both processes have the session in memory now.
      expect((await b.request(one, "GET", "/api/me")).status).toBe(200);
      expect((await b.request(two, "GET", "/api/me")).status).toBe(200);
      const cookie = b.jar.get("chiso_sid") as string;
      expect((await b.request(one, "POST", "/api/auth/logout", {})).status).toBe(200);
      // The logout cleared the cookie in this browser; a copy of it (another tab's request in flight,
      // a stolen cookie) is replayed at the other process.
      expect(b.jar.has("chiso_sid")).toBe(false);
      b.jar.set("chiso_sid", cookie);
      const res = await b.request(two, "GET", "/api/me");
      expect(res.status).toBe(401);
    });

    it("refuses an account disabled in one process at once in the other", async () => {
      const admin = browser();
      await admin.login(one, users.admin.username);
      const head = browser();
      await head.login(two, users.head.username);
      expect((await head.request(one, "GET", "/api/me")).status).toBe(200);
      expect((await head.request(two, "GET", "/api/me")).status).toBe(200);
      const res = await admin.request(one, "PATCH", `/api/users/${users.head.id}`, { active: false });
      expect(res.status, await res.text()).toBe(200);
      expect((await head.request(two, "GET", "/api/me")).status).toBe(401);
      expect((await head.request(one, "GET", "/api/me")).status).toBe(401);
    });
  },
);
