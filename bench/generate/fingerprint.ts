import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
const migrationsDir = path.join(repoRoot, "server/drizzle");

/**
 * Sources outside bench/ whose results the generator writes: the index catalog and the provinces, the
 * deadline parser (models and due days of tasks), numbering and roll-up of task tables, and the
 * folding of search text.
 */
const seededFrom = [
  "core/src/indices/definitions",
  "core/src/indices/provinces/provinces.ts",
  "server/src/features/indices/indices.catalog.ts",
  "core/src/deadlines",
  "core/src/plans",
  "core/src/reporting/periods.ts",
  "core/src/text",
];

const tsFiles = (target: string): string[] =>
  fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .sort()
        .map((f) => path.join(target, f))
    : [target];

/**
 * What the cached data depends on: the migrations (schema), this generator's own source (what it
 * writes) and the index catalog it seeds. A change to any makes the next run regenerate.
 */
export function datasetFingerprint(): string {
  const hash = createHash("sha256");
  const files = [
    ...fs
      .readdirSync(migrationsDir)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((f) => path.join(migrationsDir, f)),
    ...fs
      .readdirSync(here)
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map((f) => path.join(here, f)),
    ...seededFrom.flatMap((rel) => tsFiles(path.join(repoRoot, rel))),
  ];
  for (const file of files)
    hash.update(path.basename(file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}
