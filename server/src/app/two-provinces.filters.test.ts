import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idPathsOf, keysOf } from "../../test/route-schemas";
import { buildTwoProvinces, ROLES, TAG, type TwoProvinces } from "../../test/two-provinces-world";

/**
 * Two provinces in one installation: list filters. Every list route (a GET without a path id) is
 * called by every role of province 1, plainly and with each of its id filters set to each of
 * province 2's ids of the kind the filter names; the filters are read from the route's querystring
 * schema, so a filter added later is tried without a change here. The answer is 403/404, or 200
 * with nothing of province 2 in it (no id, no name carrying its tag, spreadsheets unpacked); never
 * the schema's refusal (the query must be a valid one) and never 500.
 */
let w: TwoProvinces;

beforeAll(async () => {
  w = await buildTwoProvinces();
}, 180_000);

afterAll(async () => {
  await w.close();
});

/** The kind of province 2's ids a filter takes, by its name; unknown names get every id. */
function theirIdsFor(filter: string): string[] {
  const ids = w.ids;
  if (/unit|parent|province|owner|receiv/i.test(filter)) return ids.units;
  if (/^group/i.test(filter)) return ids["org-groups"];
  if (/^plan|supersed/i.test(filter)) return ids.plans;
  if (/^task/i.test(filter)) return ids.tasks;
  if (/^obligation/i.test(filter)) return ids["reporting-obligations"];
  if (/^(actor)?user/i.test(filter)) return ids.users;
  if (/^entry/i.test(filter)) return ids["report-entries"];
  if (/^report/i.test(filter)) return ids.reports;
  return ids["*"];
}

/** Province 1's values for the filters a route requires, so that the query is a valid one. */
const required = (): Record<string, string> => ({
  obligationId: w.p1.obligationId,
  periodKey: w.p1.periodKey,
  taskId: w.p1.task.id,
  planId: w.p1.plan.id,
  year: w.p1.periodKey.slice(0, 4),
  indexCode: "PCI",
});

type ApiRoute = TwoProvinces["app"]["apiRoutes"][number];
const shapeOf = (r: ApiRoute) =>
  (r.schema.querystring as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> })
    ?.shape ?? {};

/** Every query to try on a list route: the plain one, then each id filter with each of province 2's ids. */
function queriesFor(route: ApiRoute): Array<Record<string, string>> {
  const shape = shapeOf(route);
  const base: Record<string, string> = {};
  for (const key of keysOf(route.schema.querystring))
    if (!shape[key].safeParse(undefined).success) base[key] = required()[key] ?? "";
  const out = [base];
  for (const key of keysOf(route.schema.querystring))
    if (idPathsOf(shape[key]).length) for (const id of theirIdsFor(key)) out.push({ ...base, [key]: id });
  return out;
}

/** The text of an answer: JSON as sent, an Office file unpacked. */
async function textOf(res: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }) {
  if (!/officedocument/.test(String(res.headers["content-type"]))) return res.body;
  const zip = await JSZip.loadAsync(res.rawPayload);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async("string")));
  return parts.join("\n");
}

const listRoutes = () =>
  w.app.apiRoutes.filter((r) => r.access !== "public" && r.method === "GET" && !r.url.includes(":"));

describe("two provinces: list filters", () => {
  it("finds the list routes and their id filters in the schemas", () => {
    const routes = listRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const filters = routes.flatMap((r) =>
      keysOf(r.schema.querystring)
        .filter((k) => idPathsOf(shapeOf(r)[k]).length)
        .map((k) => `${r.url}?${k}`),
    );
    // The filters the brief names are among them: the schema reading works.
    for (const f of [
      "/api/tasks?unitId",
      "/api/tasks?planId",
      "/api/reports?obligationId",
      "/api/org-units?parentId",
    ])
      expect(filters).toContain(f);
    expect(filters.length).toBeGreaterThan(15);
  });

  for (const role of ROLES)
    it(`shows a ${role} of province 1 nothing of province 2 through any list filter`, async () => {
      const c = await w.p1.as(role);
      const secrets = [...w.ids["*"], TAG];
      const problems: string[] = [];
      for (const route of listRoutes())
        for (const query of queriesFor(route)) {
          const url = `${route.url}?${new URLSearchParams(query)}`;
          const res = await c.get(url);
          const where = `GET ${url} → ${res.statusCode}`;
          if (res.statusCode >= 500) problems.push(`${where}: server error ${res.body.slice(0, 200)}`);
          else if (res.statusCode === 200) {
            const text = await textOf(res);
            const leaked = secrets.find((s) => text.includes(s));
            if (leaked) problems.push(`${where}: shows ${leaked}`);
          } else if (![403, 404].includes(res.statusCode))
            problems.push(`${where}: ${res.body.slice(0, 200)}`);
        }
      expect(problems).toEqual([]);
    }, 180_000);
});
