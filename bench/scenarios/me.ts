import { authHeaders, rotate, type Scenario } from "./types";

/** GET /api/me: the request every page makes; session lookup plus the user's unit and province. */
export const meScenario: Scenario = {
  name: "me",
  description: "GET /api/me, rotating signed-in users",
  // Cold: the session read from the database (the cold server keeps no session in memory).
  cold: {
    revisions: [],
    reads: ({ sessions }) => sessions.all.map((session) => ({ session, path: "/api/me" })),
  },
  requests({ sessions }) {
    const next = rotate(sessions.all);
    return [
      {
        method: "GET",
        path: "/api/me",
        setupRequest: (request) => ({ ...request, headers: authHeaders(next()) }),
      },
    ];
  },
};
