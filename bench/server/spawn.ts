import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { repoRoot } from "../generate/fingerprint";
import { progress } from "../log";

export interface RunningServer {
  pid: number;
  baseUrl: string;
  startupMs: number;
  /** Throws when the server died under load (or was killed by something else on the machine). */
  assertAlive(): void;
  stop(): Promise<void>;
  /** Runs the hourly jobs now and answers the server's report of them. */
  runJobsNow(): Promise<string>;
}

/** A port the kernel says is free now (small race until the server binds it; fine for a bench). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitHealthy({
  baseUrl,
  child,
  timeoutMs,
}: {
  baseUrl: string;
  child: ChildProcess;
  timeoutMs: number;
}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} before becoming healthy`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the server was not healthy after ${timeoutMs} ms`);
}

/**
 * How to start the server as `npm start` does: the esbuild bundle server/dist/main.js, built once
 * here before the clock starts (no TypeScript compiled at start-up, so the startup figure is the
 * real one). When the build fails (someone's work in progress), `--import tsx` on the sources.
 */
function serverCommand(): { args: string[]; label: string } {
  const build = spawnSync(process.execPath, ["scripts/build-server.mjs"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  const bundle = path.join(repoRoot, "server/dist/main.js");
  if (build.status === 0 && fs.existsSync(bundle))
    return { args: ["--enable-source-maps", "server/dist/main.js"], label: "bundle server/dist/main.js" };
  progress(
    `building the server bundle failed (${(build.stderr || build.stdout || "").trim().slice(0, 500)}); starting server/src/main.ts with --import tsx`,
  );
  return { args: ["--import", "tsx", "server/src/main.ts"], label: "server/src/main.ts via tsx" };
}

/**
 * Starts the real server with node itself as the process (no npm/npx wrapper), so the child's pid is
 * the process whose memory and CPU we read.
 */
export async function startServer({ env }: { env: Record<string, string> }): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const command = serverCommand();
  progress(`starting ${command.label}`);
  const started = performance.now();
  // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...extra, ...command.args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CHISO_DEMO: "0",
      // Measure what runs in production: no response validation, production logging.
      NODE_ENV: "production",
      SESSION_SECRET: "bench-session-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      COOKIE_SECURE: "0",
      LOGIN_RATE_LIMIT: "1000000",
      // The timed import scenarios send up to 12 documents a minute from one account; upload-bomb
      // measures the limit a little looser than the default (12) would be.
      UPLOAD_RATE_LIMIT: process.env.UPLOAD_RATE_LIMIT ?? "30",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server logs warnings and errors only; pass them on so failures are visible.
  child.stdout?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitHealthy({ baseUrl, child, timeoutMs: 120_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = Math.round(performance.now() - started);
  progress(`server pid ${child.pid} healthy at ${baseUrl} after ${startupMs} ms`);
  const assertAlive = () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited during the run (code ${child.exitCode}, signal ${child.signalCode}); figures discarded`,
      );
    }
  };
  /**
   * Runs the server's hourly jobs now (`kill -USR2`) and waits for their report. The first scheduled
   * run comes 30 s after start; on a dataset whose last period is before the province's month it
   * opens the month's reports for every obligation, which would land in the middle of a scenario.
   */
  const runJobsNow = () =>
    new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve("no answer in 120 s"), 120_000);
      const onData = (chunk: Buffer) => {
        const line = String(chunk);
        if (!line.includes("Công việc định kỳ")) return;
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve(line.trim());
      };
      child.stdout?.on("data", onData);
      child.kill("SIGUSR2");
    });
  return { pid: child.pid!, baseUrl, startupMs, assertAlive, stop, runJobsNow };
}
