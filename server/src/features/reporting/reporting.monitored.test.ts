import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../../core/src/auth/roles";
import { createTestDatabase } from "../../../test/database";
import { buildReportingProvince } from "../../../test/reporting-world";
import type { Actor } from "../../app/actor";
import { buildApp } from "../../app/build-app";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { runNoticeMail } from "./reminders/reminders.service";
import {
  canActOnReport,
  canAllowLate,
  canCommentReport,
  canReadReport,
  type ReportLike,
} from "./reporting.policy";

/**
 * A coordinator's monitored area wins over the receiving unit: a Sở Nội vụ coordinator limited to
 * commune A is a receiver of A's report and a stranger to B's, though the Sở receives both.
 */
const P = "province-1";
const actorAt = (
  roles: Role[],
  unitId: string,
  unitPath: string,
  scopePath: string | null = null,
): Actor => ({
  userId: `u-${roles.join("-")}`,
  username: roles.join("-"),
  displayName: "x",
  unitId,
  unitPath,
  provinceId: P,
  roles,
  scopePath,
  sessionId: "s",
  ip: null,
  profile: {
    email: null,
    mustChangePassword: false,
    unitName: "x",
    unitKind: "department",
    provinceName: "P",
  },
});
const reportOf = (unitId: "a" | "b", state: ReportLike["state"]): ReportLike => ({
  provinceId: P,
  unitId,
  unitPath: `/p/${unitId}/`,
  state,
  lockDate: "2020-01-01",
  lateAllowed: false,
  wasReturned: false,
  requiresApproval: false,
  receivingUnitId: "snv",
});
const ACTORS = {
  coordinator: actorAt(["coordinator"], "snv", "/p/snv/"),
  coordinatorOfA: actorAt(["coordinator"], "snv", "/p/snv/", "/p/a/"),
  headCoordinatorOfA: actorAt(["coordinator", "head"], "snv", "/p/snv/", "/p/a/"),
  headOfReceiver: actorAt(["head"], "snv", "/p/snv/"),
};
const DAY = "2025-06-10";
const ACTIONS = {
  read: (a: Actor, r: "a" | "b") => canReadReport(a, reportOf(r, "submitted")),
  comment: (a: Actor, r: "a" | "b") => canCommentReport(a, reportOf(r, "submitted")),
  allowLate: (a: Actor, r: "a" | "b") => canAllowLate(a, reportOf(r, "draft")),
  accept: (a: Actor, r: "a" | "b") => canActOnReport(a, reportOf(r, "submitted"), "accept", DAY),
  return: (a: Actor, r: "a" | "b") => canActOnReport(a, reportOf(r, "submitted"), "return", DAY),
};

// actor × report → the same answer for every action.
const TABLE: Array<[keyof typeof ACTORS, "a" | "b", boolean]> = [
  ["coordinator", "a", true],
  ["coordinator", "b", true],
  ["coordinatorOfA", "a", true],
  ["coordinatorOfA", "b", false],
  ["headCoordinatorOfA", "a", true],
  ["headCoordinatorOfA", "b", false],
  ["headOfReceiver", "a", true],
  ["headOfReceiver", "b", true],
];

describe("the monitored area in the report policies", () => {
  for (const [who, report, allowed] of TABLE)
    for (const [action, may] of Object.entries(ACTIONS))
      it(`${who} ${allowed ? "may" : "may not"} ${action} commune ${report.toUpperCase()}'s report`, () => {
        expect(may(ACTORS[who], report)).toBe(allowed);
      });
});

let database: Database;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildReportingProvince>>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-monitored-"));

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, config: testConfig({ dataDir }) });
  world = await buildReportingProvince({ db: database.db, app });
  // Both communes submit: the Sở Nội vụ hears of both.
  for (const [who, report] of [
    ["officerA", world.reportA],
    ["officerB", world.reportB],
  ] as const) {
    const res = await (await world.as(who)).post(`/api/reports/${report.id}/transitions`, {
      action: "submit",
      version: report.version,
    });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  }
}, 120_000);

afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the monitored area through the API", () => {
  it("reads, comments on and allows lateness for commune A's report only", async () => {
    const c = await world.as("coordA");
    expect((await c.get(`/api/reports/${world.reportA.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/reports/${world.reportB.id}`)).statusCode).toBe(404);
    expect(
      (await c.post(`/api/reports/${world.reportA.id}/comments`, { body: "Đề nghị bổ sung" })).statusCode,
    ).toBe(201);
    expect(
      (await c.post(`/api/reports/${world.reportB.id}/comments`, { body: "Đề nghị bổ sung" })).statusCode,
    ).toBe(404);
    expect(
      (await c.put(`/api/reports/${world.reportB.id}/late-permission`, { allowed: true })).statusCode,
    ).toBeOneOf([403, 404]);
    const list = (await c.get("/api/reports?pageSize=50")).json();
    expect(list.reports.map((r: { id: string }) => r.id)).toEqual([world.reportA.id]);
    expect(list.total).toBe(1);
  });

  it("sees the notices about commune A's report only; the whole-province coordinator sees both", async () => {
    const mine = (await (await world.as("coordA")).get("/api/notifications")).json();
    const all = (await (await world.as("coord")).get("/api/notifications")).json();
    const about = (n: { notifications: Array<{ reportId: string }> }) =>
      [...new Set(n.notifications.map((x) => x.reportId))].sort();
    expect(about(all)).toEqual([world.reportA.id, world.reportB.id].sort());
    expect(about(mine)).toEqual([world.reportA.id]);
    expect(mine.total).toBe(mine.notifications.length);
    const notB = all.notifications.find((n: { reportId: string }) => n.reportId === world.reportB.id);
    expect((await (await world.as("coordA")).post(`/api/notifications/${notB.id}/read`)).statusCode).toBe(
      404,
    );
  });

  it("mails a notice about commune B's report to the whole-province coordinator, not to commune A's", async () => {
    await database.query("update users set email = username || '@chiso.test'");
    const sent: Array<{ to: string[]; subject: string; text: string }> = [];
    await runNoticeMail({ db: database.db, mailer: { send: async (m) => void sent.push(m) } });
    const emailOf = async (key: "coord" | "coordA") =>
      (
        await database.query<{ email: string }>("select email from users where id = $1", [
          world.users[key].id,
        ])
      )[0].email;
    const [coord, coordA] = [await emailOf("coord"), await emailOf("coordA")];
    const aboutB = sent.filter((m) => m.subject.includes("Bình Minh"));
    const aboutA = sent.filter((m) => m.subject.includes("An Phú"));
    expect(aboutB.length).toBeGreaterThan(0);
    expect(aboutA.length).toBeGreaterThan(0);
    for (const m of aboutB) {
      expect(m.to).toContain(coord);
      expect(m.to).not.toContain(coordA);
    }
    expect(aboutA.some((m) => m.to.includes(coordA))).toBe(true);
  });
});
