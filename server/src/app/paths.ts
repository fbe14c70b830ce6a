import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found by walking up to package.json: the same answer whether the server runs
 * from its TypeScript sources (tsx) or from the bundle in server/dist.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "server", "drizzle")))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error("ChiSo: cannot find the project root (package.json with server/drizzle)");
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "server", "drizzle");
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, "web", "dist");
/** Published index results the demo loads (see its README): found from the root, so tsx and the bundle agree. */
export const PUBLISHED_DATA_DIR = path.join(PROJECT_ROOT, "server", "data", "published");
