import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { buildUser } from "../../../test/factories";
import type { Database } from "../../app/db";
import { seedDemoProvince } from "../demo/demo.seed";
import { backupDatabase, restoreDatabase } from "./backup.service";

let source: Database;
let target: Database;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-backup-"));
const file = path.join(dir, "sao-luu.chiso.gz");
const sourceDir = path.join(dir, "nguon");
const targetDir = path.join(dir, "dich");
fs.mkdirSync(sourceDir);
fs.mkdirSync(targetDir);

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await seedDemoProvince({ database: source });
});
afterAll(async () => {
  await source.close();
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const snapshot = async (db: Database) => ({
  units: await db.query(
    "select id, name, path, province_id, aliases, valid_to::text from org_units order by id",
  ),
  users: await db.query("select id, username, password_hash, roles from users order by id"),
  groups: await db.query("select group_id, unit_id from org_group_members order by 1, 2"),
  events: await db.query("select event_id, unit_id, role from org_unit_event_links order by 1, 2, 3"),
  audit: await db.query("select count(*)::int as n from audit_log"),
});

describe("backup and restore", () => {
  it("round-trips every table into an empty database", async () => {
    const counts = (await backupDatabase({ database: source, file, dataDir: sourceDir })).tables;
    expect(counts.org_units).toBeGreaterThan(200);
    expect(counts.sessions).toBeUndefined();
    const restored = await restoreDatabase({ database: target, file, force: false, dataDir: targetDir });
    expect(restored.tables.org_units).toBe(counts.org_units);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it("refuses to overwrite data without force, and overwrites with it", async () => {
    await buildUser(target.db, { username: "them-sau-khoi-phuc" });
    await expect(
      restoreDatabase({ database: target, file, force: false, dataDir: targetDir }),
    ).rejects.toThrow(/đã có dữ liệu/);
    await restoreDatabase({ database: target, file, force: true, dataDir: targetDir });
    expect(await target.query("select 1 from users where username = 'them-sau-khoi-phuc'")).toEqual([]);
  });

  it("rejects a file that is not a backup and leaves the database unchanged", async () => {
    const junk = path.join(dir, "junk.gz");
    fs.writeFileSync(junk, "không phải bản sao lưu");
    const before = await snapshot(target);
    await expect(
      restoreDatabase({ database: target, file: junk, force: true, dataDir: targetDir }),
    ).rejects.toThrow(/không phải bản sao lưu/);
    expect(await snapshot(target)).toEqual(before);
  });

  it("leaves the database unchanged when a backup is cut off half-way", async () => {
    const whole = fs.readFileSync(file);
    const cut = path.join(dir, "cut.gz");
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = await snapshot(target);
    await expect(
      restoreDatabase({ database: target, file: cut, force: true, dataDir: targetDir }),
    ).rejects.toThrow();
    expect(await snapshot(target)).toEqual(before);
  });
});
