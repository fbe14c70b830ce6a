import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
const migrationsDir = path.join(repoRoot, "server/drizzle");

/**
 * What the cached data depends on: the migrations (schema) and this generator's own source (what it
 * writes). A change to either makes the next run regenerate.
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
  ];
  for (const file of files)
    hash.update(path.basename(file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}
