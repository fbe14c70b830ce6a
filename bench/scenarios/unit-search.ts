import { foldVietnamese } from "../../core/src/text/vietnamese";
import { authHeaders, rotate, type Scenario, type ScenarioContext } from "./types";

// What officials type: names without diacritics, acronyms, a bare kind word.
const COMMON_QUERIES = ["so noi vu", "SNV", "phuong", "so tai chinh", "van phong ubnd", "cong an"];

/** GET /api/org-units?q=… as coordinators of different provinces, each searching its own communes too. */
export const unitSearchScenario: Scenario = {
  name: "unit-search",
  description: "GET /api/org-units?q=… with rotating realistic queries, as coordinators",
  // Search answers are not kept in memory: every request is cold.
  cold: {
    revisions: [],
    reads: (context) =>
      searches(context).map(({ session, q }) => ({
        session,
        path: `/api/org-units?q=${encodeURIComponent(q)}`,
      })),
  },
  requests(context) {
    const next = rotate(searches(context));
    return [
      {
        method: "GET",
        path: "/api/org-units",
        setupRequest: (request) => {
          const { session, q } = next();
          return {
            ...request,
            path: `/api/org-units?q=${encodeURIComponent(q)}`,
            headers: authHeaders(session),
          };
        },
      },
    ];
  },
};

function searches({ plan, sessions }: ScenarioContext) {
  return sessions.coordinators.flatMap((session, i) => {
    const province =
      plan.provinces[Number(session.username.slice("bench_u".length)) - 1] ?? plan.provinces[i];
    const communes = province.communeNames
      .slice(0, 6)
      .map((name) => foldVietnamese(name.replace(/^(Xã|Phường) /, "")));
    return [...COMMON_QUERIES, ...communes].map((q) => ({ session, q }));
  });
}
