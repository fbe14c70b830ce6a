import { BENCH_PASSWORD, usernameOf } from "../accounts";
import { rotate, type Scenario } from "./types";

/** POST /api/auth/login as different users: argon2id verification dominates. */
export const loginScenario: Scenario = {
  name: "login",
  description: "POST /api/auth/login, rotating generated users",
  requests({ plan, sessions }) {
    const count = Math.min(plan.users.length - 1, 2_000);
    const next = rotate(Array.from({ length: count }, (_, i) => usernameOf(i + 1)));
    // Any CSRF pair works for double-submit; reuse one the server issued.
    const { csrf } = sessions.admin;
    return [
      {
        method: "POST",
        path: "/api/auth/login",
        headers: { "content-type": "application/json", cookie: `chiso_csrf=${csrf}`, "x-csrf-token": csrf },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ username: next(), password: BENCH_PASSWORD }),
        }),
      },
    ];
  },
};
