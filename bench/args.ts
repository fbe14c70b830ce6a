import { parseArgs } from "node:util";
import { SCALE_NAMES, type ScaleName } from "./generate/scales";
import { SCENARIO_NAMES } from "./scenarios";

export interface BenchOptions {
  scale: ScaleName;
  /** Scenarios to run (comma-separated on the command line); null: all. */
  scenario: string[] | null;
  json: boolean;
  durationSec: number;
  connections: number;
  /** Cold requests per read scenario, beside their SQL run directly (PostgreSQL only); 0: none. */
  coldRuns: number;
}

export const USAGE =
  "usage: npm run bench -- --scale province|national [--scenario NAME[,NAME…]] [--json] [--duration SECONDS] [--connections N] [--cold-runs N]";

/** A wrong argument: the runner prints the message and exits with status 2. */
export class UsageError extends Error {}

function positiveInt({
  raw,
  name,
  fallback,
  min = 1,
}: {
  raw: string | undefined;
  name: string;
  fallback: number;
  min?: number;
}) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(
      `--${name} must be ${min === 0 ? "a whole number (0 or more)" : "a positive integer"}, got "${raw}"`,
    );
  return value;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const scale = values.scale;
  if (!scale) throw new UsageError(`--scale is required (one of: ${SCALE_NAMES.join(", ")})`);
  if (!SCALE_NAMES.includes(scale as ScaleName)) {
    throw new UsageError(`unknown scale "${scale}"; valid scales: ${SCALE_NAMES.join(", ")}`);
  }
  const scenario = values.scenario ? values.scenario.split(",").map((s) => s.trim()) : null;
  for (const name of scenario ?? [])
    if (!SCENARIO_NAMES.includes(name))
      throw new UsageError(`unknown scenario "${name}"; valid scenarios: ${SCENARIO_NAMES.join(", ")}`);
  return {
    scale: scale as ScaleName,
    scenario,
    json: values.json ?? false,
    durationSec: positiveInt({ raw: values.duration, name: "duration", fallback: 10 }),
    connections: positiveInt({ raw: values.connections, name: "connections", fallback: 50 }),
    coldRuns: positiveInt({ raw: values["cold-runs"], name: "cold-runs", fallback: 20, min: 0 }),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      scale: { type: "string" },
      scenario: { type: "string" },
      json: { type: "boolean" },
      duration: { type: "string" },
      connections: { type: "string" },
      "cold-runs": { type: "string" },
    },
  });
}
