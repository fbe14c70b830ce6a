import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { createClient } from "../../../test/http";
import { buildReportingProvince } from "../../../test/reporting-world";
import { buildApp } from "../../app/build-app";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { removeStrayParts, STRAY_PART_AGE_MS } from "../reporting/evidence/evidence.files";
import { backupDatabase, restoreDatabase } from "./backup.service";

/**
 * A whole installation moves to a new server: the database and the evidence files of one data
 * directory, restored into an empty database (PostgreSQL when TEST_DATABASE_URL is set) with another.
 */
let source: Database;
let target: Database;
let sourceApp: FastifyInstance;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-backup-files-"));
const sourceDir = path.join(dir, "may-cu");
const targetDir = path.join(dir, "may-moi");
const file = path.join(dir, "sao-luu.chiso.gz");
const sha = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
// Larger than one piece of the backup (1 MB), with bytes of every value.
const BIG = (() => {
  const data = new Uint8Array(2_500_000);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 256;
  data.set(new TextEncoder().encode("%PDF-1.4\n"), 0);
  return data;
})();
const uploaded: Array<{ id: string; username: string; sha256: string }> = [];

beforeAll(async () => {
  fs.mkdirSync(sourceDir);
  fs.mkdirSync(targetDir);
  source = await createTestDatabase();
  target = await createTestDatabase();
  sourceApp = await buildApp({ database: source, config: testConfig({ dataDir: sourceDir }) });
  const world = await buildReportingProvince({ db: source.db, app: sourceApp });
  for (const [who, report, fileName, data] of [
    ["officerA", world.reportA, "bien-ban.pdf", PDF("một")],
    ["officerA", world.reportA, "anh-chup.png", PNG],
    ["officerA", world.reportA, "ho-so-lon.pdf", BIG],
    ["officerB", world.reportB, "ke-hoach.pdf", PDF("hai")],
  ] as const) {
    const res = await (await world.as(who)).upload(`/api/reports/${report.id}/evidence`, { fileName, data });
    if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
    uploaded.push({ id: res.json().evidence.id, username: world.users[who].username, sha256: sha(data) });
  }
}, 120_000);

afterAll(async () => {
  await sourceApp.close();
  await source.close();
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const allFiles = (root: string): string[] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, encoding: "utf8" })
        .filter((f) => fs.statSync(path.join(root, f)).isFile())
    : [];

/** Rewrites a backup line by line (the test's way of damaging one). */
function rewrite(to: string, change: (lines: string[]) => string[]) {
  const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
  fs.writeFileSync(to, gzipSync(change(lines).join("\n")));
  return to;
}

describe("a backup with the evidence files", () => {
  it("records every evidence file with its size and sha256", async () => {
    const { files } = await backupDatabase({ database: source, file, dataDir: sourceDir });
    expect(files).toEqual({
      count: 4,
      bytes: BIG.byteLength + PNG.byteLength + PDF("một").byteLength + PDF("hai").byteLength,
      missing: [],
    });
    const ends = gunzipSync(fs.readFileSync(file))
      .toString("utf8")
      .split("\n")
      .filter((l) => l.startsWith('{"fe"'))
      .map((l) => JSON.parse(l).sha256);
    expect(ends.sort()).toEqual(uploaded.map((u) => u.sha256).sort());
  });

  it("refuses a backup whose file does not match its sha256, writing nothing", async () => {
    const damaged = rewrite(path.join(dir, "hong.chiso.gz"), (lines) => {
      const i = lines.findIndex((l) => l.startsWith('{"f"'));
      const line = JSON.parse(lines[i]);
      const bytes = Buffer.from(line.d, "base64");
      bytes[bytes.length - 1] ^= 0xff;
      lines[i] = JSON.stringify({ ...line, d: bytes.toString("base64") });
      return lines;
    });
    await expect(
      restoreDatabase({ database: target, file: damaged, force: false, dataDir: targetDir }),
    ).rejects.toThrow(/sai mã kiểm tra sha256/);
    expect(await target.query("select id from users")).toEqual([]);
    expect(fs.readdirSync(targetDir)).toEqual([]);
  });

  it("refuses a backup that lacks a file its rows refer to, writing nothing", async () => {
    const key = (
      await source.query<{ key: string }>(
        "select storage_key as key from report_evidence where file_name = 'anh-chup.png'",
      )
    )[0].key;
    const lacking = rewrite(path.join(dir, "thieu.chiso.gz"), (lines) =>
      lines
        .filter((l) => !(l.startsWith('{"f"') || l.startsWith('{"fe"')) || !l.includes(key))
        .map((l) =>
          l.startsWith('{"end"') ? JSON.stringify({ end: { ...JSON.parse(l).end, count: 3 } }) : l,
        ),
    );
    await expect(
      restoreDatabase({ database: target, file: lacking, force: false, dataDir: targetDir }),
    ).rejects.toThrow(/thiếu 1 tệp minh chứng/);
    expect(await target.query("select id from users")).toEqual([]);
    expect(fs.readdirSync(targetDir)).toEqual([]);
  });

  it("refuses a backup cut off before its closing line", async () => {
    const cut = rewrite(path.join(dir, "cat.chiso.gz"), (lines) =>
      lines.filter((l) => !l.startsWith('{"end"')),
    );
    await expect(
      restoreDatabase({ database: target, file: cut, force: false, dataDir: targetDir }),
    ).rejects.toThrow(/thiếu phần kết thúc/);
    expect(fs.readdirSync(targetDir)).toEqual([]);
  });

  it("restores on a new server: every evidence file downloads with the same sha256", async () => {
    const restored = await restoreDatabase({ database: target, file, force: false, dataDir: targetDir });
    expect(restored.files).toMatchObject({ count: 4, included: true, missing: [] });
    // Only the files: no staging folder, no partial file left beside them.
    expect(fs.readdirSync(targetDir)).toEqual(["files"]);
    expect(allFiles(path.join(targetDir, "files"))).toHaveLength(4);
    const app = await buildApp({ database: target, config: testConfig({ dataDir: targetDir }) });
    try {
      for (const u of uploaded) {
        const c = createClient(app);
        await c.login(u.username);
        const dl = await c.get(`/api/evidence/${u.id}/download`);
        expect(dl.statusCode, dl.body).toBe(200);
        expect(sha(dl.rawPayload)).toBe(u.sha256);
      }
    } finally {
      await app.close();
    }
  });

  it("a second restore with --force replaces the files of the database it replaces", async () => {
    const stray = path.join(targetDir, "files", "00000000-0000-4000-8000-000000000000");
    fs.mkdirSync(stray);
    fs.writeFileSync(path.join(stray, "00000000-0000-4000-8000-000000000001"), "cũ");
    await restoreDatabase({ database: target, file, force: true, dataDir: targetDir });
    expect(fs.existsSync(stray)).toBe(false);
    expect(allFiles(path.join(targetDir, "files"))).toHaveLength(4);
    expect(fs.readdirSync(targetDir)).toEqual(["files"]);
  });

  it("still restores a version 1 backup (rows only) and names the files to copy by hand", async () => {
    const v1 = rewrite(path.join(dir, "cu.chiso.gz"), (lines) =>
      lines
        .filter((l) => !/^\{"(f|fe|end)"/.test(l))
        .map((l, i) => (i === 0 ? JSON.stringify({ ...JSON.parse(l), version: 1 }) : l)),
    );
    const emptyDir = path.join(dir, "may-trong");
    const restored = await restoreDatabase({ database: target, file: v1, force: true, dataDir: emptyDir });
    expect(restored.files).toMatchObject({ included: false });
    expect(restored.files.missing).toHaveLength(4);
  });

  it("refuses a backup of a newer format with a clear message", async () => {
    const newer = rewrite(path.join(dir, "moi.chiso.gz"), (lines) => [
      JSON.stringify({ ...JSON.parse(lines[0]), version: 99 }),
      ...lines.slice(1),
    ]);
    await expect(
      restoreDatabase({ database: target, file: newer, force: true, dataDir: targetDir }),
    ).rejects.toThrow(/định dạng phiên bản 99.*cập nhật/);
  });
});

describe("the evidence store on disk", () => {
  it("start-up removes partial uploads older than a few minutes, and keeps younger ones and whole files", async () => {
    const unitDir = path.join(sourceDir, "files", "00000000-0000-4000-8000-0000000000aa");
    fs.mkdirSync(unitDir, { recursive: true });
    const old = path.join(unitDir, "00000000-0000-4000-8000-000000000001.part");
    const young = path.join(unitDir, "00000000-0000-4000-8000-000000000002.part");
    const whole = path.join(unitDir, "00000000-0000-4000-8000-000000000003");
    for (const f of [old, young, whole]) fs.writeFileSync(f, "x");
    const past = new Date(Date.now() - STRAY_PART_AGE_MS - 60_000);
    fs.utimesSync(old, past, past);
    fs.utimesSync(whole, past, past);
    expect(await removeStrayParts({ dataDir: sourceDir })).toBe(1);
    expect([fs.existsSync(old), fs.existsSync(young), fs.existsSync(whole)]).toEqual([false, true, true]);
  });

  it("leaves no partial file after an upload", () => {
    expect(
      allFiles(path.join(sourceDir, "files")).filter(
        (f) => f.endsWith(".part") && !f.includes("0000000000aa"),
      ),
    ).toEqual([]);
  });
});
