import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ADMIN_USERNAME, usernameOf } from "./accounts";
import { type BenchOptions, parseBenchArgs, USAGE, UsageError } from "./args";
import { type ColdFigure, FLOOR_READ, measureCold, openColdClients } from "./cold/measure-cold";
import { type Dataset, ensureDataset } from "./generate/dataset";
import { buildPlan } from "./generate/plan";
import { type LoadResult, runLoad } from "./load/run-load";
import { progress } from "./log";
import { type BenchReport, formatTable, toScenarioReport } from "./report";
import { SCENARIOS } from "./scenarios";
import type { ColdRead, ColdReads, ScenarioContext } from "./scenarios/types";
import { readCpuMs, readRssMb, startRssSampler } from "./server/memory";
import { login } from "./server/session";
import { type RunningServer, startServer } from "./server/spawn";

const WARMUP_SEC = 2;

/**
 * Requests still queued in the server when autocannon stops (slow logins pile up) would slow the next
 * scenario; wait until a health check answers quickly again.
 */
async function drain(baseUrl: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
const round1 = (n: number) => Math.round(n * 10) / 10;
const loadAverage = () =>
  `${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} CPUs`;

/** Coordinators of provinces spread over the country, the administrator, and a few officers. */
async function signIn({ baseUrl, provinces }: { baseUrl: string; provinces: number }) {
  const coordinatorNumbers = [...new Set([0, 7, 14, 21, 28].map((p) => (p % provinces) + 1))];
  const coordinators = await Promise.all(
    coordinatorNumbers.map((n) => login({ baseUrl, username: usernameOf(n) })),
  );
  const officers = await Promise.all(
    [101, 202, 303].map((n) => login({ baseUrl, username: usernameOf(n + provinces) })),
  );
  const admin = await login({ baseUrl, username: ADMIN_USERNAME });
  return { admin, coordinators, all: [admin, ...coordinators, ...officers] };
}

async function bench({ options, server }: { options: BenchOptions; server: RunningServer }) {
  const plan = buildPlan(options.scale);
  const sessions = await signIn({ baseUrl: server.baseUrl, provinces: plan.provinces.length });
  const context: ScenarioContext = {
    baseUrl: server.baseUrl,
    plan,
    sessions,
    login: (username) => login({ baseUrl: server.baseUrl, username }),
    serverCpuMs: () => readCpuMs(server.pid) ?? 0,
    serverRssMb: () => readRssMb(server.pid),
  };
  const chosen = SCENARIOS.filter((s) => !options.scenario || options.scenario.includes(s.name));
  const sampler = startRssSampler({ pid: server.pid });
  const scenarios: BenchReport["scenarios"] = [];
  const cpuMsPerRequest: Record<string, number> = {};
  for (const scenario of chosen) {
    let result: LoadResult & { cpuMs?: number };
    let cpuBefore: number;
    if (scenario.kind === "timed") {
      progress(`${scenario.name}: ${scenario.description}`);
      cpuBefore = readCpuMs(server.pid) ?? 0;
      result = await scenario.measure(context);
      server.assertAlive();
    } else {
      const requests = await scenario.requests(context);
      progress(`${scenario.name}: warm-up ${WARMUP_SEC} s`);
      await runLoad({
        baseUrl: server.baseUrl,
        requests,
        connections: options.connections,
        durationSec: WARMUP_SEC,
      });
      await drain(server.baseUrl);
      progress(`${scenario.name}: ${options.durationSec} s at ${options.connections} connections`);
      cpuBefore = readCpuMs(server.pid) ?? 0;
      result = await runLoad({
        baseUrl: server.baseUrl,
        requests,
        connections: options.connections,
        durationSec: options.durationSec,
      });
      server.assertAlive();
    }
    // After the drain, so the work of requests still queued at the end is counted too.
    await drain(server.baseUrl);
    // A timed scenario that prepared data between its requests reports the CPU of the timed ones.
    const cpuMs = result.cpuMs ?? (readCpuMs(server.pid) ?? 0) - cpuBefore;
    cpuMsPerRequest[scenario.name] = Math.round((cpuMs / Math.max(1, result.requests)) * 100) / 100;
    progress(
      `${scenario.name}: ${result.requests} requests, p95 ${result.p95} ms, ${result.errors} errors, server CPU ${cpuMsPerRequest[scenario.name]} ms/request`,
    );
    scenarios.push(toScenarioReport({ name: scenario.name, result }));
  }
  return { scenarios, cpuMsPerRequest, peakMb: sampler.stop(), context };
}

/** Statements a request did not send (a background job's) since the last look. */
const untaggedStatements = (traceFile: string) =>
  fs
    .readFileSync(traceFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith('{"request":null')).length;

/**
 * The server's jobs run first 30 s after it starts (app/jobs.ts): wait until that run is over, so it
 * neither slows a cold request nor runs beside one. Over when no job statement came for 2 s.
 */
async function waitForFirstJobRun({ traceFile, startedAt }: { traceFile: string; startedAt: number }) {
  const wait = startedAt + 31_000 - Date.now();
  if (wait > 0) {
    progress(`cold reads: waiting ${Math.ceil(wait / 1000)} s for the server's first job run`);
    await new Promise((r) => setTimeout(r, wait));
  }
  let seen = untaggedStatements(traceFile);
  for (;;) {
    await new Promise((r) => setTimeout(r, 2_000));
    const now = untaggedStatements(traceFile);
    if (now === seen) return;
    seen = now;
  }
}

/**
 * Each chosen read scenario's endpoint cold (nothing in memory) beside the same SQL run directly
 * (bench/cold/measure-cold.ts), on a second server started for it: PostgreSQL only, the replay
 * needs the database while the server runs.
 */
async function coldReads({
  options,
  dataset,
  context,
}: {
  options: BenchOptions;
  dataset: Dataset;
  context: ScenarioContext;
}): Promise<{ cold: ColdFigure[]; coldNote?: string }> {
  const chosen = SCENARIOS.filter((s) => s.cold && (!options.scenario || options.scenario.includes(s.name)));
  if (!chosen.length || options.coldRuns === 0) return { cold: [] };
  if (!("DATABASE_URL" in dataset.env))
    return { cold: [], coldNote: "cold reads beside their SQL need PostgreSQL (set DATABASE_URL)" };
  const traceFile = path.join(os.tmpdir(), `chiso-bench-sql-${process.pid}.jsonl`);
  fs.writeFileSync(traceFile, "");
  progress("cold reads: starting a second server that traces its SQL and keeps no session in memory");
  const startedAt = Date.now();
  const server = await startServer({
    env: { ...dataset.env, CHISO_TRACE_SQL: traceFile, SESSION_CACHE_MS: "0" },
  });
  const clients = await openColdClients(dataset.env.DATABASE_URL);
  try {
    const coldContext: ScenarioContext = {
      ...context,
      baseUrl: server.baseUrl,
      login: (username) => login({ baseUrl: server.baseUrl, username }),
      serverCpuMs: () => readCpuMs(server.pid) ?? 0,
      serverRssMb: () => readRssMb(server.pid),
    };
    const prepared: Array<{ scenario: { name: string }; cold: ColdReads; reads: ColdRead[] }> = [
      { scenario: FLOOR_READ, cold: FLOOR_READ.cold, reads: FLOOR_READ.cold.reads() },
    ];
    for (const scenario of chosen)
      if (scenario.cold)
        prepared.push({ scenario, cold: scenario.cold, reads: await scenario.cold.reads(coldContext) });
    await waitForFirstJobRun({ traceFile, startedAt });
    const cold: ColdFigure[] = [];
    for (const { scenario, cold: spec, reads } of prepared) {
      progress(`${scenario.name}: ${options.coldRuns} cold requests one at a time, each beside its SQL`);
      cold.push(
        await measureCold({
          name: scenario.name,
          cold: spec,
          reads,
          runs: options.coldRuns,
          floor: scenario === FLOOR_READ,
          bench: {
            baseUrl: server.baseUrl,
            traceFile,
            serverCpuMs: coldContext.serverCpuMs,
            admin: clients.admin,
            replay: clients.replay,
          },
        }),
      );
      server.assertAlive();
    }
    return { cold };
  } finally {
    await clients.close();
    await server.stop();
    fs.rmSync(traceFile, { force: true });
  }
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const dataset = await ensureDataset({
    scale: options.scale,
    databaseUrl: process.env.DATABASE_URL?.trim() || null,
  });
  // The machine may be shared: a busy one inflates latencies, so say how busy it was.
  const loadBefore = loadAverage();
  progress(`load average before start: ${loadBefore}`);
  progress("starting the server…");
  const server = await startServer({ env: dataset.env });
  // Ctrl-C or a kill of the bench must not leave a server (and a locked PGlite directory) behind.
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the server`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    // Let start-up garbage settle before calling the server idle.
    await new Promise((r) => setTimeout(r, 1_000));
    const idleMb = readRssMb(server.pid) ?? 0;
    // The hourly jobs' first run (opening this month's reports on a dataset that ends last month)
    // before any scenario, not in the middle of one.
    progress(`server jobs: ${await server.runJobsNow()}`);
    const { scenarios, cpuMsPerRequest, peakMb, context } = await bench({ options, server });
    const { cold, coldNote } = await coldReads({ options, dataset, context });
    const report: BenchReport = {
      scale: options.scale,
      db: dataset.db,
      startupMs: server.startupMs,
      scenarios,
      memoryMB: { idle: round1(idleMb), peak: round1(Math.max(idleMb, peakMb)) },
      loadAverage: { before: loadBefore, after: loadAverage() },
      cpuMsPerRequest,
      cold,
      ...(coldNote ? { coldNote } : {}),
    };
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else
      process.stdout.write(
        formatTable({
          report,
          connections: options.connections,
          durationSec: options.durationSec,
        }),
      );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
