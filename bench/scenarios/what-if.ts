import { PROVINCES_WITH_RESULTS } from "./indices-common";
import { authHeaders, rotate, type Scenario } from "./types";

/** A few component deltas, as the what-if panel sends them: PCI sub-indices, PAPI sub-dimensions. */
const BODIES = [
  {
    index: "PCI",
    year: 2024,
    changes: [
      { code: "LAND", delta: 0.3 },
      { code: "INFORMAL", delta: 0.2 },
      { code: "LABOR", delta: -0.25 },
    ],
  },
  {
    index: "PAPI",
    year: 2024,
    changes: [
      { code: "D1.2", delta: 0.1 },
      { code: "D3.1", delta: 0.1 },
      { code: "D8.1", delta: -0.1 },
    ],
  },
];

/** POST /api/indices/provinces/:code/what-if: recompute the total and rank it among the others. */
export const whatIfScenario: Scenario = {
  name: "what-if",
  description:
    "POST /api/indices/provinces/:code/what-if with 3 deltas (PCI or PAPI 2024), rotating provinces",
  // Its inputs are kept per province, index and year for a minute: each cold request differs.
  cold: {
    revisions: [],
    reads: ({ sessions }) =>
      PROVINCES_WITH_RESULTS.flatMap((code, i) =>
        BODIES.map((body) => ({
          session: sessions.all[i % sessions.all.length],
          method: "POST" as const,
          path: `/api/indices/provinces/${code}/what-if`,
          body,
        })),
      ),
  },
  requests({ sessions }) {
    const pairs = PROVINCES_WITH_RESULTS.flatMap((code) =>
      BODIES.map((body) => ({ path: `/api/indices/provinces/${code}/what-if`, body: JSON.stringify(body) })),
    );
    const nextSession = rotate(sessions.all);
    const nextPair = rotate(pairs);
    return [
      {
        method: "POST",
        path: pairs[0].path,
        setupRequest: (request) => {
          const { path, body } = nextPair();
          return {
            ...request,
            path,
            body,
            headers: { ...authHeaders(nextSession()), "content-type": "application/json" },
          };
        },
      },
    ];
  },
};
