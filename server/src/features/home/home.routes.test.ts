import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildReportingProvince } from "../../../test/reporting-world";
import { buildApp } from "../../app/build-app";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";

let database: Database;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildReportingProvince>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, config: testConfig() });
  world = await buildReportingProvince({ db: database.db, app });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Short = { total: number; reports: Array<{ id: string; state: string }> } | null;
const home = async (who: Parameters<typeof world.as>[0]) => {
  const res = await (await world.as(who)).get("/api/home");
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    reports: { toWrite: Short; toApprove: Short; toReview: Short };
    tasks: { counts: Record<string, number>; overdue: unknown[]; dueSoon: { total: number } } | null;
    indices: { latest: unknown[] };
  };
};
/** The total of a list the home page links to, as that list answers it. */
const listTotal = async (who: Parameters<typeof world.as>[0], url: string) =>
  (await (await world.as(who)).get(url)).json().total as number;

describe("home page: what to do now", () => {
  it("is for signed-in people only (401)", async () => {
    const res = await app.inject({ method: "GET", url: "/api/home" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("Bạn cần đăng nhập để tiếp tục.");
  });

  it("gives the officer the draft to write, and nothing to approve or review", async () => {
    const h = await home("officerA");
    expect(h.reports.toWrite?.total).toBe(1);
    expect(h.reports.toWrite?.reports.map((r) => r.id)).toEqual([world.reportA.id]);
    expect(h.reports.toApprove).toBeNull();
    expect(h.reports.toReview).toBeNull();
    // The unit's work is counted as "my tasks" counts it.
    const mine = (await (await world.as("officerA")).get("/api/tasks/mine?pageSize=1")).json();
    expect(h.tasks?.counts).toEqual(mine.counts);
  });

  it("shows a task's new progress at once (the answer is kept per plans revision, not per minute)", async () => {
    const officer = await world.as("officerA");
    const before = await home("officerA");
    const entry = world.reportA.entries[0];
    const done = await officer.patch(`/api/assignments/${entry.assignmentId}`, { progress: 100 });
    expect(done.statusCode, done.body).toBe(200);
    const after = await home("officerA");
    const mine = (await officer.get("/api/tasks/mine?pageSize=1")).json();
    expect(after.tasks?.counts).toEqual(mine.counts);
    expect(after.tasks?.counts).not.toEqual(before.tasks?.counts);
  });

  it("moves a report from the officer's list to the coordinator's once sent, as the report lists say", async () => {
    const officer = await world.as("officerB");
    const sent = await officer.post(`/api/reports/${world.reportB.id}/transitions`, {
      action: "submit",
      version: world.reportB.version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const b = await home("officerB");
    expect(b.reports.toWrite?.total).toBe(0);
    const coord = await home("coord");
    const waiting =
      (await listTotal("coord", "/api/reports?state=submitted")) +
      (await listTotal("coord", "/api/reports?state=resubmitted"));
    expect(coord.reports.toReview?.total).toBe(waiting);
    expect(coord.reports.toReview?.reports.map((r) => r.id)).toContain(world.reportB.id);
    // The coordinator limited to commune A does not see B's report waiting.
    const limited = await home("coordA");
    expect(limited.reports.toReview?.reports.map((r) => r.id) ?? []).not.toContain(world.reportB.id);
  });

  it("answers every role without an error, the viewer with no work of its own", async () => {
    for (const who of [
      "coord",
      "coordA",
      "headSnv",
      "officerA",
      "headA",
      "officerB",
      "headB",
      "viewer",
    ] as const)
      await home(who);
    const viewer = await home("viewer");
    expect(viewer.reports).toEqual({ toWrite: null, toApprove: null, toReview: null });
    expect(viewer.tasks).toBeNull();
  });
});
