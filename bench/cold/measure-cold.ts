/**
 * Cold reads beside their SQL: each read scenario's endpoint with nothing kept in memory, and the
 * statements that very request sent, replayed directly on the same database. The ratio is what
 * HTTP, authentication, validation, assembly and JSON cost over the queries themselves.
 *
 * The endpoint runs on a second server started for this (the load figures' server is left as it
 * is), with CHISO_TRACE_SQL (server/src/app/sql-trace.ts: every statement, tagged with its request)
 * and SESSION_CACHE_MS=0 (the session is read from the database on every request). Answers kept per
 * revision are missed by bumping the revision in the database before each request, as any write
 * would; answers kept per query are missed by asking each time for another one (ColdReads).
 */
import fs from "node:fs";
import pg from "pg";
import { preparingClientClass } from "../../server/src/app/prepared-statements";
import { decodeTraceValue, type TracedStatement } from "../../server/src/app/sql-trace";
import { percentile } from "../load/percentiles";
import { progress } from "../log";
import { authHeaders, type ColdRead, type ColdReads } from "../scenarios/types";

export interface ColdFigure {
  name: string;
  runs: number;
  /** Medians over the runs (ms). */
  endpointMs: number;
  sqlMs: number;
  /** endpointMs / sqlMs. */
  ratio: number;
  /** Statements one request sends (median): each is a round trip to the database. */
  statements: number;
  cpuMsPerRequest: number;
  errors: number;
  /** The floor (GET /api/health: no session, one `select 1`): what any request costs on this machine. */
  floor?: boolean;
}

/** Measured first: the cost of a request that does (almost) nothing, to read the others against. */
export const FLOOR_READ = {
  name: "health (floor)",
  cold: { revisions: [], reads: () => [{ session: null, path: "/api/health" }] } satisfies ColdReads,
};

/** The HTTP, validation and JSON cost over the query itself that the product accepts. */
export const COLD_RATIO_LIMIT = 1.5;

const median = (values: number[]) => percentile({ sorted: [...values].sort((a, b) => a - b), p: 50 });
const round2 = (n: number) => Math.round(n * 100) / 100;

export interface ColdBench {
  baseUrl: string;
  traceFile: string;
  serverCpuMs(): number;
  /** Bumps revisions and replays statements: the server's kind of connection, on the bench's side. */
  admin: pg.Client;
  replay: pg.Client;
}

/** Connections to the database the server uses; the replay one as the server's pool opens them. */
export async function openColdClients(databaseUrl: string) {
  // The server's pool: no parallel workers, parameterised statements prepared from their second call.
  const Replay = preparingClientClass();
  const replay = new Replay({
    connectionString: databaseUrl,
    options: "-c max_parallel_workers_per_gather=0",
  });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await replay.connect();
  await admin.connect();
  return {
    admin,
    replay,
    close: async () => {
      await replay.end();
      await admin.end();
    },
  };
}

const requestTag = (read: ColdRead) => `${read.method ?? "GET"} ${read.path}`;

function statementsOf({ traceFile, tag }: { traceFile: string; tag: string }): TracedStatement[] {
  return fs
    .readFileSync(traceFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TracedStatement)
    .filter((s) => s.request === tag);
}

/** The statements in order on one connection, one after the other; their total time (ms). */
async function replayStatements({
  client,
  statements,
}: {
  client: pg.Client;
  statements: TracedStatement[];
}) {
  const started = performance.now();
  for (const s of statements)
    await client.query({
      text: s.text,
      values: s.values.map(decodeTraceValue),
      ...(s.rowMode === "array" ? { rowMode: "array" as const } : {}),
    });
  return performance.now() - started;
}

export async function measureCold({
  name,
  bench,
  cold,
  reads,
  runs,
  floor,
}: {
  name: string;
  bench: ColdBench;
  cold: ColdReads;
  reads: ColdRead[];
  runs: number;
  floor?: boolean;
}): Promise<ColdFigure> {
  if (!reads.length) throw new Error(`${name}: no cold reads`);
  const endpoint: number[] = [];
  const sql: number[] = [];
  const counts: number[] = [];
  let cpuMs = 0;
  let errors = 0;
  // One untimed run first: the server's and the replay connection's first parse of each statement.
  for (let run = 0; run <= runs; run++) {
    const read = reads[run % reads.length];
    if (cold.revisions.length)
      await bench.admin.query(
        "update app_revisions set revision = revision + 1 where shard = 0 and name = any($1::text[])",
        [cold.revisions],
      );
    fs.writeFileSync(bench.traceFile, "");
    const cpu0 = bench.serverCpuMs();
    const t0 = performance.now();
    const res = await fetch(`${bench.baseUrl}${read.path}`, {
      method: read.method ?? "GET",
      headers: {
        ...(read.session ? authHeaders(read.session) : {}),
        ...(read.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: read.body === undefined ? undefined : JSON.stringify(read.body),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    // Let the server finish what it does after answering before reading its CPU and its trace.
    await new Promise((r) => setTimeout(r, 50));
    const cpu = bench.serverCpuMs() - cpu0;
    const statements = statementsOf({ traceFile: bench.traceFile, tag: requestTag(read) });
    let problem = res.ok ? null : `${res.status} ${text.slice(0, 300)}`;
    let sqlMs = 0;
    try {
      sqlMs = await replayStatements({ client: bench.replay, statements });
    } catch (error) {
      problem ??= `replaying its SQL failed: ${(error as Error).message}`;
      await bench.replay.query("rollback").catch(() => undefined);
    }
    if (!statements.length) problem ??= "no SQL traced for the request";
    if (problem) progress(`${name} (cold): ${read.path}: ${problem}`);
    if (run === 0) continue;
    if (problem) errors++;
    endpoint.push(ms);
    sql.push(sqlMs);
    counts.push(statements.length);
    cpuMs += cpu;
  }
  const endpointMs = median(endpoint);
  const sqlMs = median(sql);
  progress(
    `${name} (cold): endpoint ${endpoint.map((l) => Math.round(l)).join(", ")} ms; SQL ${sql.map((l) => Math.round(l)).join(", ")} ms`,
  );
  return {
    name,
    runs,
    endpointMs: round2(endpointMs),
    sqlMs: round2(sqlMs),
    ratio: round2(endpointMs / Math.max(sqlMs, 0.01)),
    statements: median(counts),
    cpuMsPerRequest: round2(cpuMs / runs),
    errors,
    ...(floor ? { floor } : {}),
  };
}
