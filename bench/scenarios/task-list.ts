import { TEXT_QUERIES } from "../generate/task-phrases";
import { firstReadsScenario } from "./first-reads";
import { provinceDirectory, provinceOfCoordinator } from "./plans-common";
import { rotating, type Scenario, type ScenarioContext } from "./types";

/** Deadline windows a coordinator looks at: a past quarter, the current month, the next quarter. */
const WINDOWS = [
  "dueFrom=2025-10-01&dueTo=2025-12-31",
  "dueFrom=2026-11-01&dueTo=2026-11-30",
  "dueFrom=2027-01-01&dueTo=2027-03-31",
];
const COMPONENTS = [
  "versionCode=PCI-2022&componentCode=LAND",
  "indexCode=PAPI&componentCode=D4",
  "versionCode=PAR_INDEX-2022&componentCode=PAR3",
  "indexCode=INDEX_766&componentCode=DVCTT",
];
const STATUSES = ["overdue", "inProgress", "notStarted", "completedLate", "completedOnTime"];

/**
 * GET /api/tasks as coordinators of different provinces, rotating filters as the task table page sends
 * them: status, deadline window, text without diacritics, unit (own or subtree), index component, and
 * a few combinations; first page of 50, default sort (plan) or by due date.
 */
export const taskListScenario: Scenario = {
  name: "task-list",
  description:
    "GET /api/tasks with rotating filters (status, deadline window, text, unit, component), as coordinators",
  requests: (context) => rotating(taskListReads(context)),
  // Answers are kept per plans revision: bumped before each cold request.
  cold: { revisions: ["plans"], reads: taskListReads },
};

/** The second page of each query of the load scenario: queries it never sends. */
export const taskListFirstScenario = firstReadsScenario({
  name: "task-list-first",
  description: "GET /api/tasks (second pages of the task-list queries)",
  reads: async (context) => taskListReads(context).map((r) => ({ ...r, path: `${r.path}&page=2` })),
});

function taskListReads({ plan, sessions }: ScenarioContext) {
  return sessions.coordinators.flatMap((session) => {
    const province = provinceOfCoordinator({ plan, session });
    const dir = provinceDirectory({ plan, provinceId: province.id });
    const dept = (k: number) => dir.departments[k % dir.departments.length].id;
    const commune = (k: number) => dir.communes[(k * 7) % dir.communes.length].id;
    const queries = [
      ...STATUSES.map((s) => `status=${s}`),
      ...WINDOWS,
      ...TEXT_QUERIES.map((q) => `q=${encodeURIComponent(q)}`),
      `unitId=${dept(1)}`,
      `unitId=${dept(4)}&subtree=true`,
      `unitId=${commune(1)}`,
      `unitId=${commune(2)}&status=overdue`,
      ...COMPONENTS,
      `status=overdue&${WINDOWS[0]}`,
      `q=${encodeURIComponent("dich vu cong")}&sort=due`,
      `${WINDOWS[1]}&sort=due`,
    ];
    return queries.map((query) => ({ session, path: `/api/tasks?${query}` }));
  });
}
