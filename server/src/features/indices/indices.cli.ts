/** `npm run chiso -- results import FILE [--index CODE] [--year YYYY] [--dry-run] --json` */
import fs from "node:fs";
import path from "node:path";
import { isIndexCode } from "../../../../core/src/indices/definitions/catalog";
import { systemActor } from "../../app/actor";
import type { Db } from "../../app/db";
import { CliError } from "../../cli/args";
import type { Command } from "../../cli/commands";
import { type IndexResult, readIndexResults } from "./import";
import { ensureIndexCatalog } from "./indices.catalog";
import { errorCountOf, storeIndexResults } from "./indices.results.service";

const documentOf = (r: IndexResult, extraErrors: IndexResult["errors"] = []) => ({
  index: r.index,
  year: r.year,
  version: r.version,
  provinces: r.provinces.map((p) => ({
    input: p.input,
    province: p.province,
    publishedTotal: p.publishedTotal,
    publishedRank: p.publishedRank,
    computedTotal: p.computedTotal,
    components: p.components.map((c) => ({ code: c.code, name: c.name, value: c.value })),
  })),
  errors: [...extraErrors, ...r.errors],
});

/**
 * Reads a results file and, unless `dryRun`, stores it (replacing the same index-years) when it has
 * no errors. The JSON document: one result's object, or `{ results, errors }` for several (or none).
 */
export async function importResultsFromCli({
  db,
  file,
  index,
  year,
  dryRun,
}: {
  db: Db;
  file: string;
  index?: string;
  year?: number;
  dryRun: boolean;
}) {
  if (index !== undefined && !isIndexCode(index)) throw new CliError(`Chỉ số không hợp lệ: ${index}.`, 2);
  const outcome = await readIndexResults({
    data: new Uint8Array(fs.readFileSync(file)),
    fileName: path.basename(file),
    index,
    year,
  });
  const document =
    outcome.results.length === 1
      ? documentOf(outcome.results[0], outcome.errors)
      : { results: outcome.results.map((r) => documentOf(r)), errors: outcome.errors };
  const errorCount = errorCountOf(outcome);
  let stored: Array<{ index: string; year: number; provinces: number; replaced: number }> = [];
  if (!dryRun && errorCount === 0 && outcome.results.length > 0) {
    await ensureIndexCatalog({ db });
    stored = await db.transaction((tx) =>
      storeIndexResults({
        tx,
        actor: systemActor("Dòng lệnh chiso"),
        results: outcome.results,
        fileName: path.basename(file),
      }),
    );
  }
  return { document, errorCount, stored, results: outcome.results };
}

export const resultsImportCommand: Command = {
  name: "results import",
  usage: "results import FILE [--index CODE] [--year YYYY] [--dry-run]",
  summary:
    "nhập kết quả chỉ số (XLSX/CSV); --json in một tài liệu: đối tượng kết quả nếu tệp có một chỉ số-năm, " +
    "nếu không thì { results, errors }; không có --dry-run thì ghi (thay thế chỉ số-năm đã có)",
  flags: ["index", "year", "dry-run"],
  needsDatabase: true,
  async run({ args, rest, database }) {
    if (!rest[0]) throw new CliError("Thiếu đường dẫn tệp kết quả.", 2);
    const file = path.resolve(rest[0]);
    if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file}.`);
    const yearText = args.string("year");
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100))
      throw new CliError(`Năm không hợp lệ: ${yearText}.`, 2);
    const dryRun = args.has("dry-run");
    const out = await importResultsFromCli({
      db: database!.db,
      file,
      index: args.string("index"),
      year,
      dryRun,
    });
    const lines = [
      ...out.results.map(
        (r) => `${r.index} ${r.year} (${r.version}): ${r.provinces.length} tỉnh, ${r.errors.length} lỗi.`,
      ),
      `${out.errorCount} lỗi.`,
      ...[
        ...(("errors" in out.document ? out.document.errors : []) as Array<{
          message: string;
          sheet: string | null;
          row: number | null;
          column: string | null;
        }>),
        ...("results" in out.document ? out.document.results.flatMap((r) => r.errors) : []),
      ].map(
        (e) =>
          `  - ${[e.sheet, e.row && `dòng ${e.row}`, e.column && `cột ${e.column}`].filter(Boolean).join(", ")}: ${e.message}`,
      ),
      dryRun
        ? "Chạy thử: chưa ghi gì."
        : out.stored.length
          ? `Đã ghi ${out.stored.map((s) => `${s.index} ${s.year} (${s.provinces} tỉnh${s.replaced ? ", thay thế" : ""})`).join(", ")}.`
          : "Không ghi gì vì tệp còn lỗi.",
    ];
    return {
      json: out.document,
      text: lines.join("\n"),
      exitCode: out.errorCount > 0 || out.results.length === 0 ? 1 : 0,
    };
  },
};
