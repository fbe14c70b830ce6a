import { authHeaders, type Scenario } from "./types";

/** GET /api/org-units/tree as the administrator: at national scale, every province's units. */
export const unitTreeScenario: Scenario = {
  name: "unit-tree",
  description: "GET /api/org-units/tree as an administrator",
  // The tree is kept per directory revision: bumped before each cold request.
  cold: {
    revisions: ["org_units"],
    reads: ({ sessions }) => [{ session: sessions.admin, path: "/api/org-units/tree" }],
  },
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
