import { ALL_PROVINCE_CODES } from "./indices-common";
import { authHeaders, rotate, type Scenario } from "./types";

/** GET /api/indices/provinces/:code/profile: every index over 20 years, with predecessors or successor. */
export const provinceProfileScenario: Scenario = {
  name: "province-profile",
  description: "GET /api/indices/provinces/:code/profile, rotating the 97 province codes",
  // A profile is kept per province for a minute: each cold request asks for another province.
  cold: {
    revisions: [],
    reads: ({ sessions }) =>
      ALL_PROVINCE_CODES.map((code, i) => ({
        session: sessions.all[i % sessions.all.length],
        path: `/api/indices/provinces/${code}/profile`,
      })),
  },
  requests({ sessions }) {
    const nextSession = rotate(sessions.all);
    const nextCode = rotate(ALL_PROVINCE_CODES);
    return [
      {
        method: "GET",
        path: "/api/indices/provinces/ha-noi/profile",
        setupRequest: (request) => ({
          ...request,
          path: `/api/indices/provinces/${nextCode()}/profile`,
          headers: authHeaders(nextSession()),
        }),
      },
    ];
  },
};
