import { PROVINCES_WITH_RESULTS } from "./indices-common";
import { authHeaders, rotate, type Scenario } from "./types";

/** The PCI editions with the 2022 methodology: 10 sub-indices and 142 indicators each. */
const YEARS = [2024, 2023, 2022];

/** GET …/components?index=PCI&year=…&peers=…: 152 rows with previous year, 3 peers and medians. */
export const componentTableScenario: Scenario = {
  name: "component-table",
  description: "GET /api/indices/provinces/:code/components?index=PCI&year=2022-2024&peers=3 provinces",
  // Tables and the medians they read are kept per index and year for a minute: each cold request
  // asks for another index-year (PCI 2006-2024, then PAPI 2011-2024) of another province.
  cold: {
    revisions: [],
    reads: ({ sessions }) => {
      const codes = PROVINCES_WITH_RESULTS;
      const editions = [
        ...Array.from({ length: 19 }, (_, k) => ({ index: "PCI", year: 2024 - k })),
        ...Array.from({ length: 14 }, (_, k) => ({ index: "PAPI", year: 2024 - k })),
      ];
      return editions.map(({ index, year }, i) => {
        const code = codes[(i * 7) % codes.length];
        const peers = [1, 7, 20].map((k) => codes[(i * 7 + k) % codes.length]);
        return {
          session: sessions.all[i % sessions.all.length],
          path: `/api/indices/provinces/${code}/components?index=${index}&year=${year}&peers=${peers.join(",")}`,
        };
      });
    },
  },
  requests({ sessions }) {
    const codes = PROVINCES_WITH_RESULTS;
    const queries = codes.flatMap((code, i) =>
      YEARS.map((year) => {
        const peers = [1, 7, 20].map((k) => codes[(i + k) % codes.length]);
        return `/api/indices/provinces/${code}/components?index=PCI&year=${year}&peers=${peers.join(",")}`;
      }),
    );
    const nextSession = rotate(sessions.all);
    const nextPath = rotate(queries);
    return [
      {
        method: "GET",
        path: queries[0],
        setupRequest: (request) => ({ ...request, path: nextPath(), headers: authHeaders(nextSession()) }),
      },
    ];
  },
};
