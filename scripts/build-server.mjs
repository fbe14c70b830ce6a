// Bundles the server into server/dist/main.js (dependencies stay in node_modules), so that a start
// does not compile TypeScript: the difference between ~1 s and ~5 s to a healthy server.
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

export async function buildServer() {
  await build({
    entryPoints: [
      path.join(root, "server/src/main.ts"),
      path.join(root, "server/src/cli/main.ts"),
      // Uploaded documents are parsed in child processes (features/documents-in/parse-pool.ts), which
      // load this file: server/dist/parse-worker.js, found beside main.js or one folder up from cli/.
      { in: path.join(root, "server/src/features/documents-in/parse-worker.ts"), out: "parse-worker" },
    ],
    outdir: path.join(root, "server/dist"),
    outbase: path.join(root, "server/src"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
