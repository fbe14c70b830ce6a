import { buildPciWorkbook } from "../generate/workbook";
import { percentile } from "../load/percentiles";
import { progress } from "../log";
import { authHeaders, type Scenario } from "./types";

const WARMUP_RUNS = 1;
const TIMED_RUNS = 5;

/** One multipart/form-data body with the file in the "file" field, as the browser sends it. */
function multipart({ fileName, data }: { fileName: string; data: Buffer }) {
  const boundary = `----chisobench${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * POST /api/indices/results/import?commit=true&replace=true with a 63-province PCI workbook of 152
 * columns, one request at a time: read, match, preview, replace the index-year in one transaction.
 */
export const resultsImportScenario: Scenario = {
  kind: "timed",
  name: "results-import",
  description: `POST /api/indices/results/import?commit=true&replace=true, 63 provinces × 152 PCI columns, ${TIMED_RUNS} times`,
  async measure({ baseUrl, sessions }) {
    const workbook = await buildPciWorkbook();
    const { body, contentType } = multipart(workbook);
    progress(`results-import: ${workbook.fileName}, ${Math.round(body.length / 1024)} KB`);
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    for (let run = 0; run < WARMUP_RUNS + TIMED_RUNS; run++) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/indices/results/import?commit=true&replace=true`, {
        method: "POST",
        headers: { ...authHeaders(sessions.admin), "content-type": contentType },
        body,
      });
      const payload = (await res.json()) as {
        committed?: boolean;
        results?: Array<{ matched: number }>;
        message?: string;
      };
      const ms = performance.now() - t0;
      const ok = res.ok && payload.committed === true && payload.results?.[0]?.matched === 63;
      if (!ok) progress(`results-import: ${res.status} ${JSON.stringify(payload).slice(0, 300)}`);
      if (run < WARMUP_RUNS) continue;
      latencies.push(ms);
      if (!ok) errors++;
    }
    const elapsedSec = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    progress(`results-import: ${latencies.map((l) => Math.round(l)).join(", ")} ms`);
    return {
      p50: round(percentile({ sorted: latencies, p: 50 })),
      p95: round(percentile({ sorted: latencies, p: 95 })),
      p99: round(percentile({ sorted: latencies, p: 99 })),
      rps: round(latencies.length / elapsedSec),
      errors,
      requests: latencies.length,
    };
  },
};
