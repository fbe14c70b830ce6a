import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database";
import { testConfig } from "../../app/config";
import type { Database } from "../../app/db";
import { parseArgs } from "../../cli/args";
import { seedDemoProvince } from "../demo/demo.seed";
import { plansExportDocxCommand, plansExportXlsxCommand } from "./plans.cli";
import { seedDemoPlan } from "./plans.demo";

let database: Database;
let planId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-plans-"));

beforeAll(async () => {
  database = await createTestDatabase();
  const { unitIds } = await seedDemoProvince({ database });
  planId = (await seedDemoPlan({ database, unitIds }))!;
}, 120_000);
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (command: typeof plansExportXlsxCommand, rest: string[]) =>
  command.run({ args: parseArgs([]), rest, database, config: testConfig() });

describe("the demo plan and the export commands", () => {
  it("seeds an issued demo plan whose groups were expanded", async () => {
    const [plan] = await database.query<{ status: string; number: string }>(
      "select status, number from plans where id = $1",
      [planId],
    );
    expect(plan).toEqual({ status: "issued", number: "125/KH-UBND" });
    const [{ n }] = await database.query<{ n: number }>(
      "select count(*)::int as n from task_assignments where plan_id = $1",
      [planId],
    );
    expect(n).toBeGreaterThan(1000);
    const targets = await database.query<{ component_code: string | null; version_code: string }>(
      "select component_code, version_code from plan_targets where plan_id = $1 order by sort_order",
      [planId],
    );
    expect(targets.map((t) => t.version_code)).toContain("PCI-2022");
    expect(targets).toHaveLength(8);
  });

  it("writes the task table to XLSX and the plan to DOCX", async () => {
    const xlsx = path.join(dir, "kh.xlsx");
    const result = await run(plansExportXlsxCommand, [planId, xlsx]);
    expect(result.json).toMatchObject({ file: xlsx });
    expect(fs.statSync(xlsx).size).toBeGreaterThan(5000);
    const docx = path.join(dir, "kh.docx");
    await run(plansExportDocxCommand, [planId, docx]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docx)))
      .file("word/document.xml")!
      .async("string");
    expect(xml).toContain("Số: 125/KH-UBND");
    expect(xml).toContain("UBND các xã, phường");
  });

  it("refuses a malformed id (exit 2) and reports an unknown plan", async () => {
    await expect(run(plansExportXlsxCommand, ["abc", path.join(dir, "x.xlsx")])).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(
      run(plansExportDocxCommand, ["00000000-0000-4000-8000-000000000000", path.join(dir, "x.docx")]),
    ).rejects.toThrow(/Không tìm thấy kế hoạch/);
  });
});
