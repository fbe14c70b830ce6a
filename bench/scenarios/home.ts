import { authHeaders, rotate, type Scenario } from "./types";

/**
 * GET /api/home: the first screen after login, as every signed-in user in turn (officers, heads,
 * coordinators, viewers): their reports by state, their unit's work by class and due date, and the
 * province's latest index results.
 */
export const homeScenario: Scenario = {
  name: "home",
  description: "GET /api/home, rotating signed-in users of every role",
  // "My tasks" answers are kept per plans revision (the index profile per indices revision stays warm).
  cold: {
    revisions: ["plans", "reports"],
    reads: ({ sessions }) => sessions.all.map((session) => ({ session, path: "/api/home" })),
  },
  requests({ sessions }) {
    const next = rotate(sessions.all);
    return [
      {
        method: "GET",
        path: "/api/home",
        setupRequest: (request) => ({ ...request, headers: authHeaders(next()) }),
      },
    ];
  },
};
