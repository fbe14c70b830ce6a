import type autocannon from "autocannon";
import type { Plan } from "../generate/plan";
import type { LoadResult } from "../load/run-load";
import type { Session } from "../server/session";

export interface ScenarioContext {
  baseUrl: string;
  plan: Plan;
  /** Signed in before the load: the administrator, coordinators of several provinces, everyone. */
  sessions: { admin: Session; coordinators: Session[]; all: Session[] };
  /** Signs in another generated user (officers of a unit kind, for instance). */
  login(username: string): Promise<Session>;
  /** The server's CPU time so far (ms): a timed scenario that prepares data counts only its timed part. */
  serverCpuMs(): number;
  /** The server's resident memory now (MB), null once it is gone. */
  serverRssMb(): number | null;
}

/** One read as the cold measurement sends it (bench/cold/measure-cold.ts). */
export interface ColdRead {
  /** null: a public route, no cookie. */
  session: Session | null;
  path: string;
  method?: "GET" | "POST";
  body?: unknown;
}

/**
 * A read scenario's cold measurement: its endpoint with nothing in memory, beside the same SQL run
 * directly. `revisions` are bumped before each request so answers kept per revision are missed;
 * `reads` should differ from one another where an answer is kept per query without a revision.
 */
export interface ColdReads {
  revisions: Array<"org_units" | "org_groups" | "plans" | "reports">;
  reads(context: ScenarioContext): Promise<ColdRead[]> | ColdRead[];
}

/** A load to measure: the requests autocannon cycles through on each connection. */
export interface LoadScenario {
  kind?: "load";
  name: string;
  description: string;
  cold?: ColdReads;
  requests(context: ScenarioContext): autocannon.Request[] | Promise<autocannon.Request[]>;
}

/** A measurement that is not a load (a large upload repeated): it times its own requests. */
export interface TimedScenario {
  kind: "timed";
  name: string;
  description: string;
  cold?: ColdReads;
  /** Untimed runs first (JIT, caches), then the timed ones; latencies of the whole request. */
  measure(context: ScenarioContext): Promise<LoadResult & { cpuMs?: number }>;
}

export type Scenario = LoadScenario | TimedScenario;

/** Round-robin over a list, shared by every connection (autocannon runs them in one process). */
export function rotate<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("nothing to rotate over");
  let i = 0;
  return () => items[i++ % items.length];
}

export const authHeaders = (session: Session) => ({ cookie: session.cookie, "x-csrf-token": session.csrf });

/** One request whose path and headers come from `next()` on every send. */
export function rotating(pairs: Array<{ session: Session; path: string }>): autocannon.Request[] {
  const next = rotate(pairs);
  return [
    {
      method: "GET",
      path: pairs[0].path,
      setupRequest: (request) => {
        const { session, path } = next();
        return { ...request, path, headers: authHeaders(session) };
      },
    },
  ];
}
