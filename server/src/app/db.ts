import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { MIGRATIONS_DIR } from "./paths";
import { preparingClientClass } from "./prepared-statements";
import { REVISIONS_SQL, readRevisionsWith } from "./revisions";
import * as schema from "./schema";
import { sqlTracer } from "./sql-trace";

export type Schema = typeof schema;
/** The one database type features see, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A function that accepts the database or an open transaction. */
export type DbOrTx = Db | Tx;

/** The rows of `db.execute`: both drivers answer { rows }, but drizzle types the answer per driver. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs plain SQL (for maintenance: backup, restore, test resets). */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `run` holding one of ChiSo's advisory locks, so that work which must happen once (the jobs,
   * start-up) happens in one server process at a time when several share the database. Without
   * `wait`, answers null at once when another process holds the lock.
   */
  exclusive<T>(
    lock: LockName,
    run: () => Promise<T>,
    options?: { wait?: boolean },
  ): Promise<{ value: T } | null>;
  close(): Promise<void>;
}

/**
 * PostgreSQL advisory locks are named by two integers: ChiSo's space ("CHIS") and one per kind of work.
 * Another application on the same database would have to pick the same space to meet them.
 */
const LOCK_SPACE = 0x43484953;
const LOCKS = { migrate: 1, startup: 2, jobs: 3, noticeMail: 4 } as const;
export type LockName = keyof typeof LOCKS;

const migrationsFolder = MIGRATIONS_DIR;

/**
 * Opens the database: node-postgres when a URL is given, otherwise PGlite in `dataDir`
 * (or in memory when dataDir is null), and applies the migrations.
 */
export async function openDatabase({
  databaseUrl,
  dataDir,
  poolSize = 8,
}: {
  databaseUrl: string | null;
  dataDir: string | null;
  poolSize?: number;
}): Promise<Database> {
  if (databaseUrl) {
    // Parallel query workers help one big report, not fifty small requests at once on a few cores. JIT
    // compiles a plan whose estimate looks large, for a second of CPU a request never wins back (the
    // province's scorecards: 0.85 s of 1.5 s).
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: poolSize,
      options: "-c max_parallel_workers_per_gather=0 -c jit=off",
      Client: preparingClientClass(undefined, sqlTracer()),
    });
    // An idle pooled connection closed by the server (a restart, an administrator, a dropped test
    // database) emits an error on the pool; unhandled, it would end the process. The pool replaces it.
    pool.on("error", (error) => {
      if ((error as { code?: string }).code !== "57P01") console.error("PostgreSQL:", error.message);
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    /**
     * The lock is held by a connection of its own, outside the pool (a long run must not take a
     * request's connection); ending it releases the lock, also when this process dies mid-run.
     */
    const exclusive: Database["exclusive"] = async (lock, run, { wait = false } = {}) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      // A lock connection dropped mid-run only ends the lock; the run's own queries report their errors.
      client.on("error", () => {});
      await client.connect();
      try {
        const args = [LOCK_SPACE, LOCKS[lock]];
        if (wait) await client.query("select pg_advisory_lock($1, $2)", args);
        else {
          const { rows } = await client.query<{ ok: boolean }>(
            "select pg_try_advisory_lock($1, $2) as ok",
            args,
          );
          if (!rows[0]?.ok) return null;
        }
        return { value: await run() };
      } finally {
        await client.end().catch(() => {});
      }
    };
    // Several processes started at once on a new database: one applies the migrations, the others wait.
    await exclusive("migrate", () => migrateNodePg(db as never, { migrationsFolder }), { wait: true });
    // Revision reads get a connection of their own: every cached answer and every session check reads
    // them first, and in the pool's queue they waited behind the very queries they were to spare,
    // doubling a loaded request's wait (measured on report-open).
    const revisionPool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    revisionPool.on("error", () => {});
    readRevisionsWith(db, async () => (await revisionPool.query(REVISIONS_SQL)).rows);
    return {
      db,
      kind: "postgres",
      query: async (sqlText, params) => (await pool.query(sqlText, params as unknown[])).rows,
      exclusive,
      close: async () => {
        await Promise.all([pool.end(), revisionPool.end()]);
      },
    };
  }
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  // The database lives in DATA_DIR/pgdata, leaving DATA_DIR for the lock file and, later, stored files.
  const client = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : undefined, {
    extensions: { unaccent, pg_trgm },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  let closed = false;
  return {
    db,
    kind: "pglite",
    query: async (sqlText, params) => (await client.query(sqlText, params as unknown[])).rows as never,
    // One process only (lockDataDir): the lock is taken on its one connection all the same, so the
    // jobs take the same path as on PostgreSQL. Session locks are re-entrant, so it never waits.
    exclusive: async (lock, run) => {
      const args = [LOCK_SPACE, LOCKS[lock]];
      const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1, $2) as ok", args);
      if (!rows[0]?.ok) return null;
      try {
        return { value: await run() };
      } finally {
        await client.query("select pg_advisory_unlock($1, $2)", args);
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is a single process's database: a second process opening the same directory would corrupt
 * it. A lock file with the owner's pid makes the second one stop with a clear message instead.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "chiso.lock");
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng (ChiSo đang chạy?). Hãy dừng tiến trình đó trước. / The data directory is in use by process ${pid}.`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
