import fs from "node:fs";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../app/db";
import { AppError } from "../../app/errors";

/**
 * Logical backups: one gzip file of JSON lines, table by table, taken in one consistent snapshot.
 * The same file restores into PGlite or PostgreSQL, so it also moves a trial database to a server.
 */
const FORMAT = "chiso-backup";
const FORMAT_VERSION = 1;
const CHUNK = 2_000;
// Sessions are not worth restoring: a restored database starts with everyone signed out.
const SKIPPED = new Set(["sessions"]);

interface Header {
  format: string;
  version: number;
  createdAt: string;
  migrations: number;
  tables: string[];
}

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Tables of the public schema, parents before children (by foreign keys). */
async function tablesInDependencyOrder(db: DbOrTx): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((r) => r.name);
  const deps = await rows<{ child: string; parent: string }>(
    db,
    sql`select tc.table_name as child, ccu.table_name as parent
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered.filter((t) => !SKIPPED.has(t));
}

async function migrationCount(db: DbOrTx) {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(r.n);
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return sql.raw(`"${name}"`);
};

/** Writes the whole database to one file; returns the row count per table. */
export async function backupDatabase({ database, file }: { database: Database; file: string }) {
  const counts: Record<string, number> = {};
  const out = createGzip();
  const sink = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    sink.on("error", reject);
    out.on("error", reject);
  });
  out.pipe(sink);
  const write = (line: unknown) =>
    new Promise<void>((resolve) => {
      if (out.write(`${JSON.stringify(line)}\n`)) resolve();
      else out.once("drain", resolve);
    });
  await database.db.transaction(
    async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      const header: Header = {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migrations: await migrationCount(tx),
        tables,
      };
      await write(header);
      for (const table of tables) {
        counts[table] = 0;
        let lastCtid = "(0,0)";
        // Keyset pagination on the physical row id: no ORDER BY over a primary key, no growing OFFSET.
        for (;;) {
          const chunk = await rows<{ ctid: string; row: unknown }>(
            tx,
            sql`select ctid::text as ctid, row_to_json(t) as row from ${ident(table)} t where t.ctid > ${lastCtid}::tid order by t.ctid limit ${CHUNK}`,
          );
          if (!chunk.length) break;
          await write({ t: table, r: chunk.map((c) => c.row) });
          counts[table] += chunk.length;
          lastCtid = chunk[chunk.length - 1].ctid;
        }
      }
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  out.end();
  await done;
  return counts;
}

/**
 * Replaces the database's content with a backup, in one transaction: either all of it is restored or
 * nothing changes. Refuses a backup made by a newer version of ChiSo.
 */
export async function restoreDatabase({
  database,
  file,
  force,
}: {
  database: Database;
  file: string;
  force: boolean;
}) {
  if (!fs.existsSync(file)) throw new AppError(400, "backup.notFound", `Không tìm thấy tệp sao lưu ${file}.`);
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  let header: Header;
  try {
    const first = await iterator.next();
    header = JSON.parse(first.value ?? "");
  } catch {
    throw new AppError(400, "backup.invalid", "Tệp không phải bản sao lưu ChiSo hợp lệ.");
  }
  if (header.format !== FORMAT || header.version !== FORMAT_VERSION) {
    throw new AppError(400, "backup.invalid", "Tệp không phải bản sao lưu ChiSo hợp lệ.");
  }
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    const current = await migrationCount(tx);
    if (header.migrations > current) {
      throw new AppError(
        400,
        "backup.newer",
        "Bản sao lưu được tạo bởi phiên bản ChiSo mới hơn. Hãy cập nhật phần mềm trước khi khôi phục.",
      );
    }
    const tables = await tablesInDependencyOrder(tx);
    if (!force) {
      // Reference rows (revisions, the index catalog) come from migrations and start-up; a database
      // "has data" when someone has put units or accounts in it.
      for (const t of ["org_units", "users"].filter((name) => tables.includes(name))) {
        const [r] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(t)}`);
        if (Number(r.n) > 0) {
          throw new AppError(
            409,
            "backup.notEmpty",
            "Cơ sở dữ liệu đích đã có dữ liệu. Dùng --force để ghi đè.",
          );
        }
      }
    }
    // The columns a row may be written to: generated ones (sort keys) are in the file but computed
    // again by the database; one dropped since the backup (a stored figure now derived) is left out.
    const writable = new Set(
      (
        await rows<{ name: string }>(
          tx,
          sql`select table_name || '.' || column_name as name from information_schema.columns
              where table_schema = 'public' and is_generated <> 'ALWAYS'`,
        )
      ).map((c) => c.name),
    );
    await tx.execute(sql.raw(`truncate ${[...tables, "sessions"].map((t) => `"${t}"`).join(", ")} cascade`));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      const { t, r } = JSON.parse(next.value) as { t: string; r: unknown[] };
      if (!tables.includes(t))
        throw new AppError(400, "backup.unknownTable", `Bảng "${t}" trong bản sao lưu không tồn tại.`);
      if (!r.length) continue;
      // Only the columns the backup has: a column added since then keeps its default.
      const columns = sql.join(
        Object.keys(r[0] as object)
          .filter((c) => writable.has(`${t}.${c}`))
          .map(ident),
        sql`, `,
      );
      await tx.execute(
        sql`insert into ${ident(t)} (${columns}) select ${columns} from json_populate_recordset(null::${ident(t)}, ${JSON.stringify(r)}::json)`,
      );
      counts[t] = (counts[t] ?? 0) + r.length;
    }
  });
  return counts;
}
