import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../app/db";
import { AppError } from "../../app/errors";
import { filesDir, storedPath, syncDir } from "../reporting/evidence/evidence.files";

/**
 * Logical backups: one gzip file of JSON lines, table by table, taken in one consistent snapshot,
 * then the evidence files the database refers to (DATA_DIR/files/<unit>/<uuid>), each with its size
 * and sha256, then a closing line that counts them. The same file restores into PGlite or PostgreSQL,
 * so it also moves a trial database, or a whole installation, to a new server.
 *
 * Lines: the header; `{t, r}` rows of a table; `{f, d}` a piece of a file (base64); `{fe, size,
 * sha256}` the end of a file; `{end: {files, bytes, missing}}` the close. Version 1 (before files were
 * included) has only the header and rows and still restores; the database then refers to files that
 * must be copied by hand.
 */
const FORMAT = "chiso-backup";
const FORMAT_VERSION = 2;
const READABLE_VERSIONS = new Set([1, 2]);
const CHUNK = 2_000;
const FILE_PIECE = 1024 * 1024;
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

/** The evidence files the database refers to (reports' and follow-up's), by storage key. */
async function storedKeys(db: DbOrTx) {
  return (
    await rows<{ key: string }>(
      db,
      sql`select key from (select storage_key as key from report_evidence where kind = 'file'
        union select storage_key from follow_up_files where kind = 'file') k where key is not null order by 1`,
    )
  ).map((r) => r.key);
}

/**
 * Writes the whole database, then the evidence files it refers to, to one file. Returns the row count
 * per table and the files written; a file the database refers to but the disk lacks is listed as
 * missing (the backup still goes on: it is the best copy there is) and named in the file too.
 */
export async function backupDatabase({
  database,
  file,
  dataDir,
}: {
  database: Database;
  file: string;
  /** Where the evidence files live (DATA_DIR); null backs up the database alone, as version 1 did. */
  dataDir: string | null;
}) {
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
  let keys: string[] = [];
  await database.db.transaction(
    async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      const header: Header = {
        format: FORMAT,
        version: dataDir ? FORMAT_VERSION : 1,
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
      // The keys of the same snapshot: evidence files are never rewritten, so reading them after the
      // transaction gives the bytes the rows describe.
      if (dataDir) keys = await storedKeys(tx);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const files = { count: 0, bytes: 0, missing: [] as string[] };
  if (dataDir) {
    for (const key of keys) {
      const source = storedPath({ dataDir, key });
      if (!fs.existsSync(source)) {
        files.missing.push(key);
        continue;
      }
      const hash = createHash("sha256");
      let size = 0;
      for await (const piece of fs.createReadStream(source, { highWaterMark: FILE_PIECE })) {
        const buf = piece as Buffer;
        hash.update(buf);
        size += buf.byteLength;
        await write({ f: key, d: buf.toString("base64") });
      }
      // An empty file still needs its start line for the restore to create it.
      if (size === 0) await write({ f: key, d: "" });
      await write({ fe: key, size, sha256: hash.digest("hex") });
      files.count += 1;
      files.bytes += size;
    }
    await write({ end: files });
  }
  out.end();
  await done;
  return { tables: counts, files };
}

const invalid = () => new AppError(400, "backup.invalid", "Tệp không phải bản sao lưu ChiSo hợp lệ.");
const damaged = (what: string) =>
  new AppError(
    400,
    "backup.damaged",
    `Bản sao lưu bị hỏng: ${what}. Không khôi phục gì; dữ liệu hiện có giữ nguyên.`,
  );

type Line =
  | { t: string; r: unknown[] }
  | { f: string; d: string }
  | { fe: string; size: number; sha256: string }
  | { end: { count: number; bytes: number; missing: string[] } };

/** A file being written into the staging folder while its pieces are read. */
interface OpenFile {
  key: string;
  fd: number;
  hash: ReturnType<typeof createHash>;
  size: number;
}

/**
 * Replaces the database's content, and the evidence files, with a backup: either all of it is
 * restored or nothing changes. The rows go in one transaction; the files are written to a staging
 * folder inside DATA_DIR, each checked against its sha256, and the folder takes the place of
 * DATA_DIR/files only after the transaction commits. A damaged or missing file refuses the whole
 * restore. Refuses a backup made by a newer version of ChiSo.
 */
export async function restoreDatabase({
  database,
  file,
  force,
  dataDir,
}: {
  database: Database;
  file: string;
  force: boolean;
  /** Where the evidence files go (DATA_DIR). */
  dataDir: string;
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
    throw invalid();
  }
  if (header?.format !== FORMAT) throw invalid();
  if (!READABLE_VERSIONS.has(header.version)) {
    throw new AppError(
      400,
      "backup.newerFormat",
      `Bản sao lưu có định dạng phiên bản ${header.version}, phiên bản ChiSo này chỉ đọc được đến ${FORMAT_VERSION}. Hãy cập nhật phần mềm trước khi khôi phục.`,
    );
  }
  const withFiles = header.version >= 2;
  // Same file system as DATA_DIR/files, so putting the files in place is a rename.
  const staging = path.join(dataDir, `.khoi-phuc-${randomUUID()}`);
  const written = new Map<string, { size: number; sha256: string }>();
  let end: { count: number; bytes: number; missing: string[] } | null = null;
  let open: OpenFile | null = null;
  const counts: Record<string, number> = {};
  try {
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
      await tx.execute(
        sql.raw(`truncate ${[...tables, "sessions"].map((t) => `"${t}"`).join(", ")} cascade`),
      );
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        if (!next.value.trim()) continue;
        const line = JSON.parse(next.value) as Line;
        if ("t" in line) {
          const { t, r } = line;
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
        } else if ("f" in line && withFiles) {
          if (open && open.key !== line.f) throw damaged(`tệp ${open.key} không có phần kết thúc`);
          if (!open) {
            if (written.has(line.f)) throw damaged(`tệp ${line.f} xuất hiện hai lần`);
            let target: string;
            try {
              target = storedPath({ dataDir: staging, key: line.f });
            } catch {
              throw damaged(`tên tệp "${line.f}" không hợp lệ`);
            }
            fs.mkdirSync(path.dirname(target), { recursive: true });
            open = { key: line.f, fd: fs.openSync(target, "wx"), hash: createHash("sha256"), size: 0 };
          }
          const piece = Buffer.from(line.d, "base64");
          fs.writeSync(open.fd, piece);
          open.hash.update(piece);
          open.size += piece.byteLength;
        } else if ("fe" in line && withFiles) {
          if (open?.key !== line.fe) throw damaged(`tệp ${line.fe} không có nội dung`);
          const sha256 = open.hash.digest("hex");
          const { key, size } = open;
          fs.fsyncSync(open.fd);
          fs.closeSync(open.fd);
          open = null;
          if (sha256 !== line.sha256 || size !== line.size)
            throw damaged(`tệp minh chứng ${key} sai mã kiểm tra sha256`);
          written.set(key, { size: line.size, sha256 });
        } else if ("end" in line && withFiles) {
          end = line.end;
        } else {
          throw invalid();
        }
      }
      if (!withFiles) return;
      if (open) throw damaged(`tệp ${open.key} bị cắt giữa chừng`);
      if (!end) throw damaged("tệp bị cắt cụt, thiếu phần kết thúc");
      if (end.count !== written.size) throw damaged(`có ${written.size} tệp minh chứng thay vì ${end.count}`);
      // Every file the restored rows refer to is here, or was already missing when the backup ran.
      const missingAtBackup = new Set(end.missing);
      const absent = (await storedKeys(tx)).filter((k) => !written.has(k) && !missingAtBackup.has(k));
      if (absent.length)
        throw damaged(`thiếu ${absent.length} tệp minh chứng (${absent.slice(0, 3).join(", ")})`);
    });
  } catch (error) {
    if (open) fs.closeSync((open as OpenFile).fd);
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (!withFiles) {
    // A version 1 backup carries no files: say which ones must be copied into DATA_DIR/files by hand.
    const keys = await storedKeys(database.db);
    const missing = keys.filter((key) => !fs.existsSync(storedPath({ dataDir, key })));
    return { tables: counts, files: { count: 0, bytes: 0, missing, included: false } };
  }
  await putFilesInPlace({ dataDir, staging });
  let bytes = 0;
  for (const f of written.values()) bytes += f.size;
  return {
    tables: counts,
    files: {
      count: written.size,
      bytes,
      missing: (end as { missing: string[] } | null)?.missing ?? [],
      included: true,
    },
  };
}

/**
 * The restored files take the place of DATA_DIR/files: the old folder (files of the database just
 * replaced) is moved aside, the staging folder renamed in, then the old one removed.
 */
async function putFilesInPlace({ dataDir, staging }: { dataDir: string; staging: string }) {
  const live = filesDir(dataDir);
  const restored = filesDir(staging);
  fs.mkdirSync(restored, { recursive: true });
  for (const unit of fs.readdirSync(restored)) await syncDir(path.join(restored, unit));
  await syncDir(restored);
  const aside = path.join(dataDir, `.tep-cu-${randomUUID()}`);
  if (fs.existsSync(live)) fs.renameSync(live, aside);
  fs.renameSync(restored, live);
  await syncDir(dataDir);
  fs.rmSync(aside, { recursive: true, force: true });
  fs.rmSync(staging, { recursive: true, force: true });
}
