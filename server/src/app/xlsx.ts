/**
 * The one way the server writes an Excel table, so every export reads as officials make theirs: a
 * bold, wrapped, bordered header that stays frozen while scrolling, an autofilter over the table, set
 * widths; numbers stored as numbers with the decimals the screen shows (core/src/words/numbers.ts is
 * the rule), rates as fractions with a % format, days as real Excel dates shown dd/mm/yyyy, and empty
 * cells truly empty. A sheet officials can sort, filter and sum without retyping anything.
 */
import type ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import {
  EXCEL_PERCENT_FORMAT,
  EXCEL_RATE_FORMAT,
  excelNumberFormat,
  RATE_DECIMALS,
} from "../../../core/src/words/numbers";
import { provinceToday } from "./clock";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The Excel format of a day, as Vietnamese documents write it. */
export const EXCEL_DATE_FORMAT = "dd/mm/yyyy";

/**
 * What a column holds, and so how its cells are stored and shown:
 * - `text` as written; `integer` and `decimal` (the screen's two decimals) as numbers; `year` a number
 *   without a thousands separator (2016, not 2.016);
 * - `signed` and `signedInteger`: a change, with its sign;
 * - `rate`: a figure already in percent with one decimal (45,5 → 45,5 %), stored as the fraction 0.455;
 * - `score`: points out of 100 with a rate's one decimal (a unit's yearly score, 83,3), stored as is;
 * - `percent`: a whole percent (progress, 45 → 45 %), stored as 0.45;
 * - `date`: an ISO day "YYYY-MM-DD" (or an instant, taken as the province's day).
 */
export type XlsxKind =
  | "text"
  | "year"
  | "integer"
  | "decimal"
  | "signed"
  | "signedInteger"
  | "rate"
  | "score"
  | "percent"
  | "date";
type Raw = string | number | Date | null | undefined;

export interface XlsxColumn<R> {
  header: string;
  width: number;
  kind?: XlsxKind;
  value: (row: R) => Raw;
}

const FORMATS: Record<XlsxKind, string | undefined> = {
  text: undefined,
  year: "0",
  integer: excelNumberFormat(0),
  decimal: excelNumberFormat(2),
  signed: "+#,##0.00;-#,##0.00;0.00",
  signedInteger: "+#,##0;-#,##0;0",
  rate: EXCEL_RATE_FORMAT,
  score: excelNumberFormat(RATE_DECIMALS),
  percent: EXCEL_PERCENT_FORMAT,
  date: EXCEL_DATE_FORMAT,
};

/** A day as an Excel date: UTC midnight of that day, which Excel shows as that day whatever the zone. */
export function excelDate(value: string | Date): Date | null {
  let day: string;
  if (value instanceof Date) day = provinceToday(value);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) day = value;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    day = provinceToday(new Date(at));
  }
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The value a cell stores: null (an empty cell) for nothing, a number for a figure, a Date for a day. */
export function cellValue(kind: XlsxKind, raw: Raw): ExcelJS.CellValue {
  if (raw === null || raw === undefined || raw === "") return null;
  if (kind === "text") return String(raw);
  if (kind === "date") return raw instanceof Date || typeof raw === "string" ? excelDate(raw) : null;
  const n = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isFinite(n)) return null;
  // A percent becomes a fraction; rounding first keeps the stored value the figure the screen shows.
  if (kind === "rate") return Math.round(n * 10 ** RATE_DECIMALS) / 10 ** (RATE_DECIMALS + 2);
  if (kind === "percent") return Math.round(n) / 100;
  return n;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Adds a sheet: an optional title (and note) above, then the table. Returns the sheet and the rows
 * written (in order), for the caller to style a row (a section in bold).
 */
export function tableSheet<R>(
  workbook: ExcelJS.Workbook,
  {
    name,
    title,
    note,
    columns,
    rows,
  }: { name: string; title?: string; note?: string; columns: XlsxColumn<R>[]; rows: R[] },
) {
  // Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
  if (title) sheet.addRow([title]).font = { bold: true, size: 13 };
  if (note) sheet.addRow([note]).font = { italic: true };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.border = BOX;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
  });
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const written = rows.map((r) => {
    const row = sheet.addRow(columns.map((c) => cellValue(c.kind ?? "text", c.value(r))));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const numFmt = FORMATS[c.kind ?? "text"];
      if (numFmt) cell.numFmt = numFmt;
      cell.border = BOX;
      cell.alignment = { wrapText: (c.kind ?? "text") === "text", vertical: "top" };
    });
    return row;
  });
  sheet.views = [{ state: "frozen", ySplit: header.number, topLeftCell: `A${header.number + 1}` }];
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number + rows.length, column: columns.length },
  };
  return { sheet, rows: written, headerRow: header.number };
}

export const workbookBuffer = async (workbook: ExcelJS.Workbook) =>
  Buffer.from(await workbook.xlsx.writeBuffer());

/**
 * `content-disposition` of a download, the name both plain and UTF-8 (Vietnamese names survive): the
 * plain one in ASCII, since a header may not carry other characters (an uploaded file's name may).
 */
export const attachmentHeader = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Sends a workbook as a download. */
export function sendXlsx(reply: FastifyReply, file: { fileName: string; data: Buffer }) {
  return reply
    .header("content-type", XLSX_TYPE)
    .header("content-disposition", attachmentHeader(file.fileName))
    .send(file.data);
}
