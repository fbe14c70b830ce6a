import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import type { Database } from "../../app/db";
import { PUBLISHED_DATA_DIR } from "../../app/paths";
import { DEMO_RESULT_FILES, seedDemoIndexResults } from "./indices.demo";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database.close();
});

describe("demo index results", () => {
  it("are all in the repository (server/data/published), found from the sources as from the bundle", () => {
    expect(PUBLISHED_DATA_DIR.endsWith(path.join("server", "data", "published"))).toBe(true);
    for (const fileName of DEMO_RESULT_FILES)
      expect(fs.existsSync(path.join(PUBLISHED_DATA_DIR, fileName))).toBe(true);
  });

  it("a folder without the files is said on the error log, naming them, and the hand figures still load", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-no-published-"));
    const errors: string[] = [];
    try {
      const seeded = await seedDemoIndexResults({
        database,
        dataDir: empty,
        logError: (m) => errors.push(m),
      });
      expect(seeded).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`thiếu ${DEMO_RESULT_FILES.length} tệp`);
    for (const fileName of DEMO_RESULT_FILES) expect(errors[0]).toContain(fileName);
  });

  it("store PCI 2015–2016, PAPI 2011–2024 and the 766 index of 2026 from the published files, silently", async () => {
    const errors: string[] = [];
    const seeded = await seedDemoIndexResults({ database, logError: (m) => errors.push(m) });
    expect(errors).toEqual([]);
    const papiYears = Array.from({ length: 14 }, (_, i) => `PAPI|${2011 + i}`);
    expect(seeded).toEqual(expect.arrayContaining(["PCI|2015", "PCI|2016", "INDEX_766|2026", ...papiYears]));
  }, 120_000);
});
