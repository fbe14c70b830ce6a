/**
 * A table read from an uploaded workbook for an import with a preview (users, index targets): the
 * first worksheet with a header row that names the required columns, each row below as its cells by
 * field. The workbook is opened in the parse pool (documents-in/parse-pool.ts), with its limits.
 * Problems are Vietnamese messages naming the row and the column as the file writes it.
 */
import type ExcelJS from "exceljs";
import { foldForMatch } from "../../../../core/src/text/vietnamese";
import { AppError } from "../../app/errors";
import { tableSheet } from "../../app/xlsx";
import { cellText } from "../org-units/import/unit-list.values";
import { runParseJob } from "./parse-pool";

export type Cell = string | number | Date | null;

/** One problem of an import, as the preview lists it. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface SheetTable<F extends string> {
  rows: Array<{ row: number; cells: Partial<Record<F, Cell>> }>;
  /** The header as the file writes it, per field found. */
  labels: Partial<Record<F, string>>;
}

/** The header must be near the top; a title and a note above it are common. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads the table. `fields` lists, per field, the header texts people write (folded: no diacritics,
 * lower case); a hint in parentheses and a "*" are ignored. Returns a message instead when the file
 * is not a workbook or has no header naming every `required` field.
 */
export async function readSheetTable<F extends string>({
  data,
  fields,
  required,
}: {
  data: Uint8Array;
  fields: Record<F, string[]>;
  required: F[];
}): Promise<SheetTable<F> | { fatal: string }> {
  if (data.byteLength === 0) return { fatal: "Tệp rỗng." };
  if (!(data[0] === 0x50 && data[1] === 0x4b)) return { fatal: "Tệp không phải bảng tính Excel (.xlsx)." };
  let sheets: Awaited<ReturnType<typeof runParseJob<"unitListSheets">>>;
  try {
    sheets = await runParseJob("unitListSheets", { data });
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return { fatal: error.message };
    throw error;
  }
  const byHeader = new Map<string, F>();
  for (const [field, names] of Object.entries(fields) as Array<[F, string[]]>)
    for (const name of names) byHeader.set(name, field);
  for (const rows of sheets) {
    for (const headerRow of rows.slice(0, HEADER_SEARCH_ROWS)) {
      const columns = new Map<F, number>();
      const labels: Partial<Record<F, string>> = {};
      headerRow.cells.forEach((cell, index) => {
        const label = cellText(cell);
        const field = byHeader.get(foldForMatch(label.replace(/\([^)]*\)|\*/g, " ")));
        if (field && !columns.has(field)) {
          columns.set(field, index);
          labels[field] = label;
        }
      });
      if (!required.every((f) => columns.has(f))) continue;
      const out: SheetTable<F>["rows"] = [];
      for (const r of rows) {
        if (r.row <= headerRow.row) continue;
        const cells: Partial<Record<F, Cell>> = {};
        for (const [field, index] of columns) cells[field] = r.cells[index] ?? null;
        // Templates number rows in advance: a row is data only when one of our columns is filled.
        if (Object.values(cells).some((c) => cellText(c as Cell) !== "")) out.push({ row: r.row, cells });
      }
      return { rows: out, labels };
    }
  }
  const names = required.map((f) => `"${fields[f][0]}"`).join(", ");
  return {
    fatal: `Không tìm thấy dòng tiêu đề có đủ các cột ${names} trong ${HEADER_SEARCH_ROWS} dòng đầu của bảng tính. Hãy dùng tệp mẫu.`,
  };
}

/** A file without a data row says so, rather than previewing nothing. */
export function noteEmptyTable<P extends { rows: unknown[]; errors: ImportProblem[] }>(preview: P): P {
  if (!preview.rows.length && !preview.errors.length)
    preview.errors.push({
      row: null,
      column: null,
      message: "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.",
    });
  return preview;
}

/**
 * All or nothing: a commit of a file with any problem is refused (400, the preview in its details,
 * nothing written), and so is one with nothing to write. `what` names the records ("tài khoản").
 */
export function assertCommittable(
  preview: { rows: unknown[]; errors: ImportProblem[] },
  { code, what }: { code: string; what: string },
) {
  if (preview.errors.length)
    throw new AppError(
      400,
      `${code}.invalid`,
      `Tệp có ${preview.errors.length} lỗi; chưa ghi ${what} nào. Hãy sửa và nhập lại.`,
      preview,
    );
  if (!preview.rows.length) throw new AppError(400, `${code}.empty`, `Tệp không có ${what} nào để nhập.`);
}

/** The sheet of an import's template: its title and note, then the header to fill under (required ones with "*"). */
export function templateSheet(
  workbook: ExcelJS.Workbook,
  {
    name,
    title,
    note,
    columns,
  }: {
    name: string;
    title: string;
    note: string;
    columns: Array<{ header: string; width: number; required?: boolean }>;
  },
) {
  return tableSheet(workbook, {
    name,
    title,
    note,
    rows: [] as never[],
    columns: columns.map((c) => ({
      header: c.required ? `${c.header} *` : c.header,
      width: c.width,
      value: () => null,
    })),
  });
}
