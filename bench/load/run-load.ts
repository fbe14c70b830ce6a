import autocannon from "autocannon";
import { percentile } from "./percentiles";

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  requests: number;
}

/** One autocannon run; latencies are recorded per response so that p95 can be computed exactly. */
export async function runLoad({
  baseUrl,
  requests,
  connections,
  durationSec,
}: {
  baseUrl: string;
  requests: autocannon.Request[];
  connections: number;
  durationSec: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  // The callback form returns the instance, whose "response" events carry each latency.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections, duration: durationSec, requests, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: round(percentile({ sorted: latencies, p: 50 })),
    p95: round(percentile({ sorted: latencies, p: 95 })),
    p99: round(percentile({ sorted: latencies, p: 99 })),
    rps: Math.round((latencies.length / result.duration) * 10) / 10,
    // autocannon's `errors` already includes timeouts.
    errors: result.non2xx + result.errors,
    requests: latencies.length,
  };
}
