import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run chiso -- …` the way an administrator does, on an embedded database of its own. */
function chiso(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", CHISO_DEMO: "0", ...env },
    timeout: 60_000,
    // A plan's extraction is over half a megabyte of JSON; the default buffer would cut it here.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("chiso command line", () => {
  it("creates the first admin and prints one JSON document with --json", () => {
    const res = chiso(["admin", "create", "--username", "quantri", "--json"], {
      CHISO_ADMIN_PASSWORD: "nui-Ba-Den-may-trang-1",
    });
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc).toMatchObject({ username: "quantri", roles: ["admin"] });
    const dup = chiso(["admin", "create", "--username", "quantri", "--json"], {
      CHISO_ADMIN_PASSWORD: "nui-Ba-Den-may-trang-1",
    });
    expect(dup.code).toBe(1);
    expect(JSON.parse(dup.stdout).error.message).toMatch(/đã được dùng/);
  });

  it("refuses a short admin password with exit code 2", () => {
    const res = chiso(["admin", "create", "--username", "ai-do", "--password", "ngan"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/10 ký tự/);
  });

  it("refuses a common admin password, or one containing the username, naming why", () => {
    const common = chiso(["admin", "create", "--username", "ai-do", "--password", "matkhau123"]);
    expect(common.code).toBe(2);
    expect(common.stderr).toMatch(/password: Mật khẩu này quá phổ biến/);
    const own = chiso(["admin", "create", "--username", "quantri2", "--password", "mat-khau-quantri2"]);
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/tên đăng nhập/);
  });

  it("backs up and restores the embedded database", () => {
    const file = path.join(dataDir, "..", `${path.basename(dataDir)}.chiso.gz`);
    const backup = chiso(["db", "backup", file, "--json"]);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout).tables.users).toBe(1);
    const refused = chiso(["db", "restore", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--force/);
    const restored = chiso(["db", "restore", file, "--force", "--json"]);
    expect(JSON.parse(restored.stdout).tables.users).toBe(1);
    fs.rmSync(file, { force: true });
  });

  it("parses a deadline phrase as the plan import will", () => {
    const res = chiso(["deadline", "parse", "Quý III/2023", "--json"]);
    expect(JSON.parse(res.stdout)).toMatchObject({ kind: "quarter", due: "2023-09-30", understood: true });
    const bad = chiso(["deadline", "parse", "Trước ngày 31/02/2023", "--json"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ understood: false, kind: "unknown", due: null });
  });

  it("answers an unknown command or flag with usage and exit code 2", () => {
    expect(chiso(["bay", "len"]).code).toBe(2);
    const flag = chiso(["db", "backup", "x.gz", "--nen"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--nen/);
  });

  it("writes the whole of a large --json answer into a pipe before exiting", () => {
    // Seed 003's extraction is ~550 KB: the process used to exit after the first 64 or 128 KB.
    const seed = path.join(root, "core/test/fixtures/plans/003_384f955878bb2b4b.txt");
    const res = chiso(["plans", "extract", seed, "--json"]);
    expect(res.code).toBe(0);
    expect(res.stdout.length).toBeGreaterThan(256 * 1024);
    const plan = JSON.parse(res.stdout);
    expect(plan.metadata.number).toBe("107/KH-UBND");
    expect(plan.tasks.length).toBe(plan.stats.tasks);
    expect(plan.document.text.length).toBeGreaterThan(100_000);
  });
});
