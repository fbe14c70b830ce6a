import { percentile } from "../load/percentiles";
import type { LoadResult } from "../load/run-load";
import { progress } from "../log";

/**
 * Times one request at a time: `prepare` (untimed: creating the data a run needs) then `request`
 * (timed, the whole request and its body). Untimed warm-up runs first (JIT, caches). The server's CPU
 * is counted around the timed requests only, so preparation does not inflate the per-request figure.
 */
export async function timeRuns<P>({
  name,
  warmups,
  runs,
  serverCpuMs,
  prepare,
  request,
}: {
  name: string;
  warmups: number;
  runs: number;
  serverCpuMs: () => number;
  prepare: (run: number) => Promise<P>;
  /** Returns null when the answer is right, else what was wrong. */
  request: (prepared: P) => Promise<string | null>;
}): Promise<LoadResult & { cpuMs: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let cpuMs = 0;
  let timedSec = 0;
  for (let run = 0; run < warmups + runs; run++) {
    const prepared = await prepare(run);
    const cpu0 = serverCpuMs();
    const t0 = performance.now();
    const problem = await request(prepared);
    const ms = performance.now() - t0;
    // Let the server finish what it does after answering (logging, freeing) before reading its CPU.
    await new Promise((r) => setTimeout(r, 50));
    if (problem) progress(`${name}: ${problem}`);
    if (run < warmups) continue;
    cpuMs += serverCpuMs() - cpu0;
    timedSec += ms / 1000;
    latencies.push(ms);
    if (problem) errors++;
  }
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  progress(`${name}: ${latencies.map((l) => Math.round(l)).join(", ")} ms`);
  return {
    p50: round(percentile({ sorted: latencies, p: 50 })),
    p95: round(percentile({ sorted: latencies, p: 95 })),
    p99: round(percentile({ sorted: latencies, p: 99 })),
    rps: round(latencies.length / Math.max(timedSec, 0.001)),
    errors,
    requests: latencies.length,
    cpuMs,
  };
}
