import { bootstrapAdminFromEnv } from "./app/bootstrap";
import { buildApp } from "./app/build-app";
import { loadConfig } from "./app/config";
import { openDatabase } from "./app/db";
import { startJobs } from "./app/jobs";
import { seedDemoIfEmpty } from "./features/demo/demo.seed";
import { removeStrayParts } from "./features/reporting/evidence/evidence.files";

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  // Several processes started at once on one database: one seeds and creates the first administrator,
  // the others wait and then find them there.
  const seeded = await database.exclusive(
    "startup",
    async () => {
      const demo = config.demo ? await seedDemoIfEmpty({ database, config }) : null;
      await bootstrapAdminFromEnv({ database, config });
      return demo;
    },
    { wait: true },
  );
  const demo = seeded?.value ?? null;
  // Uploads cut off by a crash or a dropped connection leave `.part` files that no row refers to.
  const strayParts = await removeStrayParts({ dataDir: config.dataDir });
  if (strayParts) console.log(`Đã xoá ${strayParts} tệp tải lên dở dang.`);
  const app = await buildApp({ database, config, logger: true });
  // Tests drive the jobs directly with a fixed day; a server started for them runs none.
  const jobs = config.env === "test" ? null : startJobs({ database, config, log: app.log });
  const stopJobs = async () => jobs?.stop();
  // `kill -USR2 <pid>`: run the hourly jobs (periods, reminders, digest) now, e.g. after a restore.
  process.on("SIGUSR2", () => {
    if (!jobs) return;
    void jobs
      .runNow()
      .then((run) =>
        console.log(
          run === "failed"
            ? "Công việc định kỳ: thất bại (xem nhật ký)."
            : run
              ? `Công việc định kỳ: mở ${run.opened} kỳ báo cáo, ${run.reminders} nhắc hạn, ${run.followUp} nhắc việc cần xử lý, ${run.digests} thư tổng hợp.`
              : "Công việc định kỳ: một tiến trình khác đang chạy, bỏ qua lần này.",
        ),
      );
  });

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
