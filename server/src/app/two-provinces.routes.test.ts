import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTwoProvinces, ROLES, TAG, type TwoProvinces } from "../../test/two-provinces-world";

/**
 * Two provinces in one installation (the national case): no registered route lets a user of one
 * province read or change the other's data. Every route with an id in its path is called with the
 * other province's ids, by every role of province 1; a read may answer 403/404 (or 200 with nothing
 * of the other province), a write never succeeds, and nothing answers 500. Ids carried in a write's
 * body or query: `two-provinces.bodies.test.ts`; list filters: `two-provinces.filters.test.ts`.
 */
let world: TwoProvinces;
let ids: TwoProvinces["ids"];
let p1: TwoProvinces["p1"];
let p2: TwoProvinces["p2"];
let app: TwoProvinces["app"];
let database: TwoProvinces["database"];

beforeAll(async () => {
  world = await buildTwoProvinces();
  ({ ids, p1, p2, app, database } = world);
}, 180_000);

afterAll(async () => {
  await world.close();
});

/** The ids to put in a path parameter: those of the resource the segment before it names. */
function candidates(url: string, param: string) {
  const parts = url.split("/");
  const segment = parts[parts.indexOf(`:${param}`) - 1] ?? "";
  const known = Object.keys(ids).find((k) => segment === k || segment === k.replace(/s$/, ""));
  return known ? ids[known] : ids["*"];
}

/** Every way to fill a route's path with province 2's ids (one id per parameter, each candidate once). */
function urlsFor(url: string) {
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  if (!params.length) return [];
  const out: string[] = [];
  const width = Math.max(...params.map((p) => candidates(url, p).length));
  for (let i = 0; i < width; i++) {
    let filled = url;
    for (const p of params) {
      const list = candidates(url, p);
      filled = filled.replace(`:${p}`, list[i % list.length]);
    }
    out.push(filled);
  }
  return out;
}

describe("two provinces in one installation", () => {
  it("has province 2's data to look for", () => {
    for (const key of [
      "plans",
      "tasks",
      "assignments",
      "reports",
      "report-entries",
      "evidence",
      "units",
      "users",
    ])
      expect(ids[key].length, key).toBeGreaterThan(0);
    expect(ids.notifications.length).toBeGreaterThan(0);
  });

  for (const role of ROLES)
    it(`a ${role} of province 1 reaches nothing of province 2 through any route`, async () => {
      const c = await p1.as(role);
      const secrets = [...ids["*"], TAG];
      const problems: string[] = [];
      const routes = app.apiRoutes.filter((r) => r.access !== "public" && r.url.includes(":"));
      expect(routes.length).toBeGreaterThan(20);
      for (const route of routes) {
        for (const url of urlsFor(route.url)) {
          const write = route.method !== "GET" && route.method !== "HEAD";
          const res = await c.request(route.method as "GET", url, write ? {} : undefined);
          const where = `${route.method} ${url} → ${res.statusCode}`;
          if (res.statusCode >= 500) problems.push(`${where}: server error`);
          else if (res.statusCode < 300 && write) problems.push(`${where}: a write succeeded`);
          else if (res.statusCode < 300) {
            const leaked = secrets.find((s) => res.body.includes(s));
            if (leaked) problems.push(`${where}: shows ${leaked}`);
          }
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);

  // Writes with a body that passes validation, so the refusal is the access decision's.
  it("refuses valid writes on province 2's reports to every role of province 1", async () => {
    const entry = p2.reportB.entries[0];
    const writes: Array<[string, string, unknown]> = [
      ["POST", `/api/reports/${p2.reportA.id}/comments`, { body: "Góp ý từ tỉnh khác" }],
      ["PUT", `/api/reports/${p2.reportB.id}/late-permission`, { allowed: true }],
      [
        "POST",
        `/api/reports/${p2.reportA.id}/transitions`,
        { action: "return", version: 2, reason: "Trả lại" },
      ],
      ["POST", `/api/reports/${p2.reportA.id}/transitions`, { action: "accept", version: 2 }],
      [
        "POST",
        `/api/reports/${p2.reportB.id}/transitions`,
        { action: "submit", version: p2.reportB.version },
      ],
      ["PATCH", `/api/report-entries/${entry.id}`, { version: entry.version, progress: 50 }],
      ["PATCH", `/api/report-entries/${entry.id}`, { version: entry.version, unchanged: true }],
      [
        "POST",
        `/api/reports/${p2.reportB.id}/unchanged`,
        { entries: [{ id: entry.id, version: entry.version }] },
      ],
      ["POST", `/api/reports/${p2.reportB.id}/evidence-links`, { url: "https://example.vn/a" }],
      ["POST", `/api/reporting-obligations/${p2.obligationId}/periods`, { periodKey: p2.periodKey }],
    ];
    for (const role of ROLES) {
      const c = await p1.as(role);
      for (const [method, url, body] of writes) {
        const res = await c.request(method as "POST", url, body);
        expect([403, 404], `${role} ${method} ${url}: ${res.body}`).toContain(res.statusCode);
      }
    }
  }, 120_000);

  it("province 2's report, plan and evidence are as they were", async () => {
    const [report] = await database.query<{ state: string; late_allowed: boolean }>(
      "select state, late_allowed from reports where id = $1",
      [p2.reportB.id],
    );
    expect(report).toEqual({ state: "draft", late_allowed: false });
    const [plan] = await database.query<{ n: number }>(
      "select count(*)::int as n from report_evidence where report_id = any($1::uuid[])",
      [[p2.reportA.id, p2.reportB.id]],
    );
    expect(plan.n).toBe(1);
    const [comments] = await database.query<{ n: number }>(
      "select count(*)::int as n from report_comments where report_id = any($1::uuid[])",
      [[p2.reportA.id, p2.reportB.id]],
    );
    expect(comments.n).toBe(1);
  });
});
