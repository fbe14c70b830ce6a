// `npm start`: builds what is stale (the web app with Vite, the server bundle with esbuild), then runs
// the server. Sources are compared by modification time, so a second start builds nothing.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildServer } from "./build-server.mjs";

const root = path.resolve(import.meta.dirname, "..");

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const isStale = (output, sources) => {
  const out = path.join(root, output);
  return (
    !fs.existsSync(out) ||
    fs.statSync(out).mtimeMs < Math.max(...sources.map((s) => newestMtime(path.join(root, s))))
  );
};

if (isStale("web/dist/index.html", ["web/src", "web/index.html", "web/vite.config.ts", "core/src"])) {
  console.log("Đang dựng giao diện web… / Building the web app…");
  const web = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
  if (web.status !== 0) process.exit(web.status ?? 1);
}
if (isStale("server/dist/main.js", ["server/src", "core/src", "package-lock.json"])) {
  console.log("Đang dựng máy chủ… / Building the server…");
  await buildServer();
}

const server = spawn(process.execPath, ["--enable-source-maps", "server/dist/main.js"], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
