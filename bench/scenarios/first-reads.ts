import type { Session } from "../server/session";
import { timeRuns } from "./timed";
import { authHeaders, type ScenarioContext, type TimedScenario } from "./types";

const FIRST_RUNS = 8;

/**
 * A read as its first reader after a change sees it: one request at a time, each for a query no one
 * has asked this server for (the load scenarios never send these), so each answer is computed, not
 * remembered. The figures are what the in-memory answers save the readers that come after.
 */
export function firstReadsScenario({
  name,
  description,
  reads,
}: {
  name: string;
  description: string;
  /** At least FIRST_RUNS + 1 distinct reads (the first is an untimed warm-up). */
  reads: (context: ScenarioContext) => Promise<Array<{ session: Session; path: string }>>;
}): TimedScenario {
  return {
    kind: "timed",
    name,
    description: `${description}, computed afresh (not in memory), ${FIRST_RUNS} times one at a time`,
    async measure(context) {
      const pairs = await reads(context);
      return timeRuns({
        name,
        warmups: 1,
        runs: Math.min(FIRST_RUNS, pairs.length - 1),
        serverCpuMs: context.serverCpuMs,
        prepare: async (run) => pairs[run],
        request: async ({ session, path }) => {
          const res = await fetch(`${context.baseUrl}${path}`, { headers: authHeaders(session) });
          return res.ok ? null : `${res.status} ${(await res.text()).slice(0, 300)}`;
        },
      });
    },
  };
}
