import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { repoRoot } from "../generate/fingerprint";
import { progress } from "../log";

export interface RunningServer {
  pid: number;
  baseUrl: string;
  startupMs: number;
  /** Throws when the server died under load (or was killed by something else on the machine). */
  assertAlive(): void;
  stop(): Promise<void>;
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
 * Starts the real server as `node --import tsx server/src/main.ts`: node itself is the server, so the
 * child's pid is the process whose memory we read (npx would put a wrapper in between).
 */
export async function startServer({ env }: { env: Record<string, string> }): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CHISO_DEMO: "0",
      NODE_ENV: "development",
      LOGIN_RATE_LIMIT: "1000000",
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
  return { pid: child.pid!, baseUrl, startupMs, assertAlive, stop };
}
