import { progress } from "../log";
import type { Session } from "../server/session";
import { firstReadsScenario } from "./first-reads";
import { rotating, type Scenario, type ScenarioContext } from "./types";

/** Officers per unit kind signed in for the load: spread over the provinces. */
const OFFICERS_PER_KIND = 12;
const QUERIES = [
  "",
  "?status=overdue",
  "?sort=status",
  "",
  "?dueFrom=2026-10-01&dueTo=2026-12-31",
  "?status=inProgress",
  `?q=${encodeURIComponent("thu tuc hanh chinh")}`,
  "?ownOnly=true",
];

/**
 * GET /api/tasks/mine as officers of communes and of departments (a department sees its divisions'
 * assignments too), never a province-wide user: the unit-path index scan "my unit's tasks" relies on.
 */
export const myTasksScenario: Scenario = {
  name: "my-tasks",
  description:
    "GET /api/tasks/mine as commune and department officers (default page, status, due window, text)",
  requests: async (context) => rotating(queriesOf(await officers(context), QUERIES)),
  // Answers are kept per plans revision: bumped before each cold request.
  cold: { revisions: ["plans"], reads: async (context) => queriesOf(await officers(context), QUERIES) },
};

/** Queries the load scenario never sends: second pages, and the order by plan. */
export const myTasksFirstScenario = firstReadsScenario({
  name: "my-tasks-first",
  description: "GET /api/tasks/mine (second pages, order by plan)",
  reads: async (context) => queriesOf(await officers(context), ["?page=2", "?sort=plan"]),
});

const queriesOf = (sessions: Session[], queries: string[]) =>
  queries.flatMap((q) => sessions.map((session) => ({ session, path: `/api/tasks/mine${q}` })));

async function officers({ plan, login }: ScenarioContext) {
  const kindOf = new Map(plan.units.map((u) => [u.id, u.kind]));
  const provinceOf = new Map(plan.units.map((u) => [u.id, u.provinceId]));
  const sessions: Session[] = [];
  for (const kind of ["commune", "department"]) {
    const officers = plan.users.filter((u) => u.roles.includes("officer") && kindOf.get(u.unitId) === kind);
    // One per province in turn, so national scale spreads over the country.
    const seen = new Map<string | null | undefined, number>();
    const picked = officers.filter((u) => {
      const p = provinceOf.get(u.unitId);
      const n = seen.get(p) ?? 0;
      seen.set(p, n + 1);
      return n < Math.ceil(OFFICERS_PER_KIND / plan.provinces.length);
    });
    for (const u of picked.slice(0, OFFICERS_PER_KIND)) sessions.push(await login(u.username));
  }
  progress(`my-tasks: ${sessions.length} officers signed in (communes and departments)`);
  return sessions;
}
