import { COLD_RATIO_LIMIT, type ColdFigure } from "./cold/measure-cold";
import type { LoadResult } from "./load/run-load";

export interface BenchReport {
  scale: string;
  db: "pglite" | "postgres";
  startupMs: number;
  scenarios: Array<{ name: string; p50: number; p95: number; p99: number; rps: number; errors: number }>;
  memoryMB: { idle: number; peak: number };
  /** 1, 5 and 15 minute load averages: other work on a shared machine inflates latencies. */
  loadAverage: { before: string; after: string };
  /** Server CPU per request: stable even when other work on the machine inflates latencies. */
  cpuMsPerRequest: Record<string, number>;
  /** Read scenarios cold (nothing in memory) beside the same SQL run directly on the database. */
  cold: ColdFigure[];
  /** Why there are no cold figures (PGlite). */
  coldNote?: string;
}

/** The product's targets (national scale, PostgreSQL, 50 connections), shown next to the figures. */
const P95_TARGETS: Record<string, number | Record<string, number>> = {
  "unit-search": 30,
  "unit-tree": 100,
  me: 10,
  "province-profile": 80,
  "component-table": 80,
  "what-if": 50,
  // The whole request (upload, read, match, replace in one transaction), one at a time.
  "results-import": 3_000,
  // Plans (issue 4): the task list's target depends on the scale.
  "task-list": { province: 100, national: 300 },
  "my-tasks": 50,
  // One request at a time: 300 tasks × ~250 units; exports of 5,000 and 500 tasks.
  "plan-issue": 2_000,
  "tasks-xlsx": 3_000,
  "plan-docx": 3_000,
  // Reporting (issue 5): the dashboard's target depends on the scale; the DOCX is one request.
  dashboard: { province: 150, national: 500 },
  "report-open": 100,
  "entry-save": 50,
  // The first screen after login (issue 14).
  home: 100,
  "consolidated-docx": 10_000,
  // The follow-up registers (issue 17): any register list filtered and paged.
  "follow-up-items": 150,
  initiatives: 150,
  dialogues: 150,
  inspections: 150,
  // Plan documents (issue 6): a 150 KB plan, a 200-page PDF.
  "plan-extract": 2_000,
  "plan-extract-docx": 1_000,
  "plan-extract-pdf": 5_000,
};
const targetOf = (name: string, scale: string) => {
  const t = P95_TARGETS[name];
  return typeof t === "number" ? t : t?.[scale];
};
const TARGETS = { idleMB: 200, startupMs: 5_000 };

export const toScenarioReport = ({ name, result }: { name: string; result: LoadResult }) => ({
  name,
  p50: result.p50,
  p95: result.p95,
  p99: result.p99,
  rps: result.rps,
  errors: result.errors,
});

const mark = ({ value, limit }: { value: number; limit: number | undefined }) =>
  limit === undefined ? "" : value < limit ? `ok (< ${limit})` : `MISS (>= ${limit})`;

/** A fixed-width table for people; --json prints the report itself instead. */
export function formatTable({
  report,
  connections,
  durationSec,
}: {
  report: BenchReport;
  connections: number;
  durationSec: number;
}) {
  const header = ["scenario", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors", "cpu ms/req", "p95 target"];
  const rows = report.scenarios.map((s) => [
    s.name,
    s.p50.toFixed(1),
    s.p95.toFixed(1),
    s.p99.toFixed(1),
    s.rps.toFixed(0),
    String(s.errors),
    (report.cpuMsPerRequest[s.name] ?? 0).toFixed(2),
    mark({ value: s.p95, limit: targetOf(s.name, report.scale) }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ");
  return [
    `ChiSo bench: scale ${report.scale}, ${report.db}, ${connections} connections, ${durationSec} s per scenario`,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `startup (existing data): ${report.startupMs} ms  ${mark({ value: report.startupMs, limit: TARGETS.startupMs })}`,
    `load average (1/5/15 min): ${report.loadAverage.before} before, ${report.loadAverage.after} after`,
    `server memory: idle ${report.memoryMB.idle} MB  ${mark({ value: report.memoryMB.idle, limit: TARGETS.idleMB })}, peak ${report.memoryMB.peak} MB`,
    "",
    ...formatCold(report),
  ].join("\n");
}

/** The cold reads beside their SQL: medians, one request at a time. */
function formatCold(report: BenchReport): string[] {
  if (report.coldNote) return [`cold reads: ${report.coldNote}`, ""];
  if (!report.cold.length) return [];
  const header = [
    "read (cold)",
    "endpoint ms",
    "SQL ms",
    "ratio",
    "ms over SQL",
    "statements",
    "cpu ms/req",
    "errors",
    "",
  ];
  const rows = report.cold.map((c) => [
    c.name,
    c.endpointMs.toFixed(1),
    c.sqlMs.toFixed(1),
    c.ratio.toFixed(2),
    (c.endpointMs - c.sqlMs).toFixed(1),
    String(c.statements),
    c.cpuMsPerRequest.toFixed(2),
    String(c.errors),
    c.floor ? "floor" : c.ratio <= COLD_RATIO_LIMIT ? "ok" : `OVER ${COLD_RATIO_LIMIT}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [
    `Cold reads: nothing kept in memory (answers, sessions), ${report.cold[0].runs} requests one at a time; SQL: the statements each request sent, replayed in order on one connection (medians)`,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
  ];
}
