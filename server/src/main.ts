import { bootstrapAdminFromEnv } from "./app/bootstrap";
import { buildApp } from "./app/build-app";
import { loadConfig } from "./app/config";
import { openDatabase } from "./app/db";
import { startJobs } from "./app/jobs";
import { seedDemoIfEmpty } from "./features/demo/demo.seed";

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const demo = config.demo ? await seedDemoIfEmpty({ database }) : null;
  await bootstrapAdminFromEnv({ database, config });
  const app = await buildApp({ database, config, logger: true });
  // Tests drive the jobs directly with a fixed day; a server started for them runs none.
  const stopJobs =
    config.env === "test" ? async () => {} : startJobs({ db: database.db, config, log: app.log });

  // Close in order so PGlite flushes its last committed write before the process ends.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: đang dừng ChiSo…`);
    // Jobs first: a run in progress finishes before the database it writes to closes.
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(
    `ChiSo đang chạy tại ${url}  (cơ sở dữ liệu: ${database.kind}${database.kind === "pglite" ? `, ${config.dataDir}` : ""}; khởi động ${Date.now() - started} ms)`,
  );
  if (demo?.accounts.length) {
    console.log("Tài khoản dùng thử / demo accounts:");
    for (const a of demo.accounts)
      console.log(`  ${a.username.padEnd(10)} ${a.password}  ${a.role.padEnd(12)} ${a.unitName}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
