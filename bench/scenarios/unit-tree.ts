import { authHeaders, type Scenario } from "./types";

/** GET /api/org-units/tree as the administrator: at national scale, every province's units. */
export const unitTreeScenario: Scenario = {
  name: "unit-tree",
  description: "GET /api/org-units/tree as an administrator",
  requests({ sessions }) {
    return [
      {
        method: "GET",
        path: "/api/org-units/tree",
        headers: { ...authHeaders(sessions.admin), "accept-encoding": "gzip, deflate, br" },
      },
    ];
  },
};
