import os from "node:os";
import { ADMIN_USERNAME, usernameOf } from "./accounts";
import { type BenchOptions, parseBenchArgs, USAGE, UsageError } from "./args";
import { ensureDataset } from "./generate/dataset";
import { buildPlan } from "./generate/plan";
import { type LoadResult, runLoad } from "./load/run-load";
import { progress } from "./log";
import { type BenchReport, formatTable, toScenarioReport } from "./report";
import { SCENARIOS } from "./scenarios";
import type { ScenarioContext } from "./scenarios/types";
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
  return { scenarios, cpuMsPerRequest, peakMb: sampler.stop() };
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
    const { scenarios, cpuMsPerRequest, peakMb } = await bench({ options, server });
    const report: BenchReport = {
      scale: options.scale,
      db: dataset.db,
      startupMs: server.startupMs,
      scenarios,
      memoryMB: { idle: round1(idleMb), peak: round1(Math.max(idleMb, peakMb)) },
      loadAverage: { before: loadBefore, after: loadAverage() },
      cpuMsPerRequest,
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
