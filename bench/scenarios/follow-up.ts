import { type CommuneOfficer, type CoordinatorView, followUpFixture, q } from "./follow-up-common";
import { rotating, type Scenario, type ScenarioContext } from "./types";

/**
 * The follow-up registers' lists (issue 17): each filtered and paged as the screens send them, as the
 * province's coordinators and as commune officers. None is kept in memory, so every request computes
 * its answer, warm or cold. The generated data (bench/generate/follow-up.ts) holds inspections of
 * 2025 and 2026, dialogues of April and October 2026, initiatives of 2024-2026.
 */
type Read = { session: CoordinatorView["session"]; path: string };

/** A path with its query, none when empty (the cold replay finds a request by its exact path). */
const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/** Pick the k-th of a list, spread over it. */
const nth = (list: string[], k: number) => list[(k * 7) % list.length];

// ——— follow-up items ———

function itemReadsOfCoordinator(c: CoordinatorView): Read[] {
  const dept = (k: number) => nth(c.departments, k);
  const commune = (k: number) => nth(c.communes, k);
  const queries = [
    "",
    "kind=remediation",
    "kind=recommendation",
    "status=overdue",
    "state=reported",
    "kind=remediation&status=completedLate",
    "status=inProgress&sort=unit",
    `unitId=${dept(1)}`,
    `unitId=${dept(3)}&kind=recommendation&state=open`,
    `unitId=${commune(2)}&status=overdue`,
    `unitId=${commune(5)}&kind=remediation&state=open`,
    `followerUnitId=${c.provinceId}&kind=recommendation&state=received`,
    `dialogueId=${c.dialogueIds[0]}`,
    `q=${q("so hoa")}`,
    `q=${q("dat dai")}&kind=recommendation`,
    "dueFrom=2026-05-01&dueTo=2026-06-30",
    "dueFrom=2026-11-01&dueTo=2026-12-31&status=overdue",
    "sort=state&order=desc",
    "page=3",
    "status=completedOnTime&page=2",
  ];
  return queries.map((query) => ({ session: c.session, path: withQuery("/api/follow-up/items", query) }));
}

function itemReadsOfOfficer(o: CommuneOfficer): Read[] {
  const queries = ["", "status=overdue", "state=open", "kind=remediation", "kind=recommendation", "page=2"];
  return queries.map((query) => ({ session: o.session, path: withQuery("/api/follow-up/items", query) }));
}

async function itemReads(context: ScenarioContext) {
  const { coordinators, officers } = await followUpFixture(context);
  return [...coordinators.flatMap(itemReadsOfCoordinator), ...officers.flatMap(itemReadsOfOfficer)];
}

export const followUpItemsScenario: Scenario = {
  name: "follow-up-items",
  description:
    "GET /api/follow-up/items with rotating filters (kind, state, class, unit, follower, dialogue, text, deadlines, sort, page), as coordinators and commune officers",
  requests: async (context) => rotating(await itemReads(context)),
  // Not kept in memory: every request is cold.
  cold: { revisions: [], reads: itemReads },
};

// ——— initiatives: the register and the coverage view ———

function initiativeReadsOfCoordinator(c: CoordinatorView): Read[] {
  const list = [
    "year=2026",
    "year=2026&state=recognised",
    "year=2025&state=replicated",
    "state=proposed",
    `unitId=${nth(c.departments, 2)}`,
    `unitId=${nth(c.communes, 4)}&year=2026`,
    `q=${q("so hoa lien thong")}`,
    "year=2026&page=3",
    "",
  ].map((query) => withQuery("/api/follow-up/initiatives", query));
  const coverage = [
    "year=2026",
    "year=2026&onlyShort=true",
    "year=2026&kind=commune",
    "year=2026&kind=department&onlyShort=true",
    `year=2026&q=${q("xa")}`,
    "year=2026&page=2",
    "year=2025&minimum=3&onlyShort=true",
  ].map((query) => `/api/follow-up/initiatives/coverage?${query}`);
  return [...list, ...coverage].map((path) => ({ session: c.session, path }));
}

async function initiativeReads(context: ScenarioContext) {
  const { coordinators, officers } = await followUpFixture(context);
  return [
    ...coordinators.flatMap(initiativeReadsOfCoordinator),
    ...officers.flatMap((o) =>
      ["", "?year=2026"].map((query) => ({ session: o.session, path: `/api/follow-up/initiatives${query}` })),
    ),
  ];
}

export const initiativesScenario: Scenario = {
  name: "initiatives",
  description:
    "GET /api/follow-up/initiatives (year, state, unit, text, page) and /initiatives/coverage (year, kind, short only, text, page), as coordinators and commune officers",
  requests: async (context) => rotating(await initiativeReads(context)),
  cold: { revisions: [], reads: initiativeReads },
};

// ——— dialogues and their recommendations ———

function dialogueReadsOfCoordinator(c: CoordinatorView): Read[] {
  const list = [
    "",
    "year=2026",
    "kind=businesses",
    "kind=citizens&year=2026",
    `hostUnitId=${nth(c.communes, 3)}`,
    `q=${q("nhan dan")}`,
    "page=3",
  ].map((query) => withQuery("/api/follow-up/dialogues", query));
  const recommendations = c.dialogueIds.flatMap((id) =>
    ["", "?page=2"].map((query) => `/api/follow-up/dialogues/${id}/recommendations${query}`),
  );
  return [...list, ...recommendations].map((path) => ({ session: c.session, path }));
}

async function dialogueReads(context: ScenarioContext) {
  const { coordinators, officers } = await followUpFixture(context);
  return [
    ...coordinators.flatMap(dialogueReadsOfCoordinator),
    ...officers.map((o) => ({ session: o.session, path: "/api/follow-up/dialogues" })),
  ];
}

export const dialoguesScenario: Scenario = {
  name: "dialogues",
  description:
    "GET /api/follow-up/dialogues (year, kind, host, text, page) and a dialogue's recommendations (pages 1-2), as coordinators and commune officers",
  requests: async (context) => rotating(await dialogueReads(context)),
  cold: { revisions: [], reads: dialogueReads },
};

// ——— inspection plans and inspections ———

function inspectionReadsOfCoordinator(c: CoordinatorView): Read[] {
  const [plan] = c.planIds;
  return [
    "/api/follow-up/inspections/plans?year=2026",
    "/api/follow-up/inspections?year=2026",
    `/api/follow-up/inspections?planId=${plan}`,
    `/api/follow-up/inspections?planId=${plan}&state=done&page=2`,
    `/api/follow-up/inspections?unitId=${nth(c.communes, 6)}`,
    `/api/follow-up/inspections?unitId=${nth(c.departments, 1)}`,
    "/api/follow-up/inspections?page=4",
  ].map((path) => ({ session: c.session, path }));
}

async function inspectionReads(context: ScenarioContext) {
  const { coordinators, officers } = await followUpFixture(context);
  return [
    ...coordinators.flatMap(inspectionReadsOfCoordinator),
    ...officers.flatMap((o) =>
      [
        `/api/follow-up/inspections?unitId=${o.unitId}`,
        "/api/follow-up/inspections",
        "/api/follow-up/inspections/plans",
      ].map((path) => ({ session: o.session, path })),
    ),
  ];
}

export const inspectionsScenario: Scenario = {
  name: "inspections",
  description:
    "GET /api/follow-up/inspections/plans and /inspections (plan, unit, year, state, page), as coordinators and commune officers (their unit's history)",
  requests: async (context) => rotating(await inspectionReads(context)),
  cold: { revisions: [], reads: inspectionReads },
};
