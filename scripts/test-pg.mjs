// `npm run test:pg`: the same suites as `npm test`, each database test file on its own fresh database
// of a real PostgreSQL server (TEST_DATABASE_URL, default the local server as user postgres).
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
console.log(`Chạy kiểm thử trên PostgreSQL: ${url.replace(/:[^:@/]+@/, ":***@")}`);
const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.config.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(run.status ?? 1);
