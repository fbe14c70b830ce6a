import { ALL_PROVINCE_CODES } from "./indices-common";
import { authHeaders, rotate, type Scenario } from "./types";

/** GET /api/indices/provinces/:code/profile: every index over 20 years, with predecessors or successor. */
export const provinceProfileScenario: Scenario = {
  name: "province-profile",
  description: "GET /api/indices/provinces/:code/profile, rotating the 97 province codes",
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
