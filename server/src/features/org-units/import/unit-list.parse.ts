import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { AppError } from "../../../app/errors";
import { runParseJob } from "../../documents-in/parse-pool";
import { fieldOfHeader, kindOfName, kindOfText, type UnitListField } from "./unit-list.columns";
import { CSV_DELIMITERS, decodeText, parseCsv } from "./unit-list.csv";
import type { SheetRow, UnitListError, UnitListParseResult, UnitListRow } from "./unit-list.types";
import { cellText, parseDateCell, splitAliases } from "./unit-list.values";

export const MAX_UNIT_LIST_BYTES = 5 * 1024 * 1024;
/** The header must be near the top; a title block of a few lines above it is common. */
const HEADER_SEARCH_ROWS = 10;

interface Header {
  /** Row number of the header in the file. */
  row: number;
  /** Column index of each recognised field, and the header text as written (for messages). */
  columns: Map<UnitListField, { index: number; label: string }>;
}

const fail = (message: string): UnitListParseResult => ({
  rows: [],
  errors: [{ row: null, column: null, message }],
});

/**
 * Reads a list of units from an XLSX or CSV upload for the import preview. Never throws on bad
 * input: every problem becomes an error in Vietnamese naming its row and column; rows with an
 * error are left out of `rows`.
 */
export async function parseUnitList(input: {
  fileName: string;
  data: Uint8Array;
}): Promise<UnitListParseResult> {
  const { data } = input;
  if (data.byteLength > MAX_UNIT_LIST_BYTES) return fail("Tệp lớn hơn 5 MB, không thể nhập.");
  if (data.byteLength === 0) return fail("Tệp rỗng.");

  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  if (/\.xlsx$/i.test(input.fileName) && !isZip) {
    return fail("Tệp có đuôi .xlsx nhưng nội dung không phải bảng tính XLSX.");
  }
  let read: Awaited<ReturnType<typeof readSheets>>;
  try {
    read = await readSheets(data);
  } catch (error) {
    // Limits of the parse worker (expanded size, time, memory) name their problem; busy stays 503.
    if (error instanceof AppError && error.status === 400) return fail(error.message);
    throw error;
  }
  if (read === null) return fail("Tệp không phải bảng tính XLSX hoặc CSV (UTF-8).");
  const blank = (rows: SheetRow[]) => rows.every((r) => r.cells.every((c) => cellText(c) === ""));
  // A CSV made only of one delimiter and white space (";;\n;;") is blank when read with that delimiter.
  if (read.csv ? read.sheets.some(blank) : read.sheets.every(blank)) return fail("Tệp rỗng.");
  const found = pickSheet(read);
  if (found) return readRows(found);
  return fail(
    `Không tìm thấy dòng tiêu đề có cột tên đơn vị ("Tên đơn vị", "Tên" hoặc "Name") trong ${HEADER_SEARCH_ROWS} dòng đầu.`,
  );
}

/**
 * XLSX by content (zip magic), not by file name: names and extensions lie. A CSV is split once per
 * candidate delimiter, each reading being one candidate "sheet"; the header decides which is right.
 */
async function readSheets(data: Uint8Array): Promise<{ sheets: SheetRow[][]; csv: boolean } | null> {
  if (data[0] === 0x50 && data[1] === 0x4b) {
    try {
      return { sheets: await runParseJob("unitListSheets", { data }), csv: false };
    } catch (error) {
      if (error instanceof AppError && error.code !== "upload.damaged") throw error;
      return null;
    }
  }
  const text = decodeText(data);
  if (text === null) return null;
  return { sheets: CSV_DELIMITERS.map((delimiter) => parseCsv({ text, delimiter })), csv: true };
}

/** First worksheet with a header; for CSV, the delimiter whose header recognises the most columns. */
function pickSheet({
  sheets,
  csv,
}: {
  sheets: SheetRow[][];
  csv: boolean;
}): { rows: SheetRow[]; header: Header } | null {
  let best: { rows: SheetRow[]; header: Header } | null = null;
  for (const rows of sheets) {
    const header = findHeader(rows);
    if (!header) continue;
    if (!csv) return { rows, header };
    if (!best || header.columns.size > best.header.columns.size) best = { rows, header };
  }
  return best;
}

function headerOf(row: SheetRow): Header | null {
  const columns: Header["columns"] = new Map();
  row.cells.forEach((cell, index) => {
    const label = cellText(cell);
    const field = label ? fieldOfHeader(label) : null;
    if (field && !columns.has(field)) columns.set(field, { index, label });
  });
  return columns.has("name") ? { row: row.row, columns } : null;
}

function findHeader(rows: SheetRow[]): Header | null {
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const header = headerOf(row);
    if (header) return header;
  }
  return null;
}

function readRows({ rows, header }: { rows: SheetRow[]; header: Header }): UnitListParseResult {
  const result: UnitListParseResult = { rows: [], errors: [] };
  const seen = new Map<string, UnitListRow[]>();
  for (const sheetRow of rows) {
    if (sheetRow.row <= header.row) continue;
    // Templates often number rows in advance ("STT" filled, the rest blank): only our columns count.
    const used = [...header.columns.values()].some(({ index }) => cellText(sheetRow.cells[index]) !== "");
    if (!used) continue;
    const parsed = readRow({ sheetRow, header, errors: result.errors });
    if (!parsed) continue;
    const key = `${foldForMatch(parsed.parent ?? "")}|${foldForMatch(parsed.name)}`;
    const twin = (seen.get(key) ?? []).find((other) => overlaps(other, parsed));
    if (twin) {
      const label = header.columns.get("name")!.label;
      result.errors.push({
        row: parsed.row,
        column: label,
        message: `Dòng ${parsed.row}, cột "${label}": trùng tên "${parsed.name}" với dòng ${twin.row} trong cùng đơn vị cấp trên.`,
      });
      continue;
    }
    seen.set(key, [...(seen.get(key) ?? []), parsed]);
    result.rows.push(parsed);
  }
  if (result.rows.length === 0 && result.errors.length === 0) {
    result.errors.push({
      row: null,
      column: null,
      message: "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.",
    });
  }
  return result;
}

// The same name under the same parent is legitimate in different periods (a unit re-created later).
function overlaps(a: UnitListRow, b: UnitListRow): boolean {
  return (a.validFrom ?? "") <= (b.validTo ?? "9999") && (b.validFrom ?? "") <= (a.validTo ?? "9999");
}

function readRow({
  sheetRow,
  header,
  errors,
}: {
  sheetRow: SheetRow;
  header: Header;
  errors: UnitListError[];
}): UnitListRow | null {
  const { row, cells } = sheetRow;
  const before = errors.length;
  const column = (field: UnitListField) => header.columns.get(field);
  const raw = (field: UnitListField) => {
    const col = column(field);
    return col ? cells[col.index] : undefined;
  };
  const text = (field: UnitListField) => cellText(raw(field));
  const optional = (field: UnitListField) => text(field) || null;
  const report = (field: UnitListField | null, message: string) => {
    const label = field ? (column(field)?.label ?? null) : null;
    errors.push({ row, column: label, message: `Dòng ${row}${label ? `, cột "${label}"` : ""}: ${message}` });
  };

  const name = text("name");
  if (!name) report("name", "thiếu tên đơn vị.");

  const kindText = text("kind");
  const kind = kindText ? kindOfText(kindText) : name ? kindOfName(name) : null;
  if (kindText && !kind) report("kind", `không nhận ra loại đơn vị "${kindText}".`);
  else if (!kind && name) {
    report(column("kind") ? "kind" : null, `chưa ghi loại đơn vị và không suy ra được từ tên "${name}".`);
  }

  const dates: Record<"validFrom" | "validTo", string | null> = { validFrom: null, validTo: null };
  for (const field of ["validFrom", "validTo"] as const) {
    const parsed = parseDateCell(raw(field));
    if (parsed.ok) dates[field] = parsed.value;
    else report(field, `ngày "${text(field)}" không hợp lệ (cần dạng dd/mm/yyyy).`);
  }
  if (dates.validFrom && dates.validTo && dates.validFrom > dates.validTo) {
    report("validTo", "ngày hết hiệu lực trước ngày bắt đầu hiệu lực.");
  }

  if (errors.length > before || !kind) return null;
  const aliasCell = raw("aliases");
  return {
    row,
    name,
    kind,
    parent: optional("parent"),
    shortName: optional("shortName"),
    // Raw text keeps line breaks, which some lists use to separate aliases inside one cell.
    aliases: splitAliases(typeof aliasCell === "string" ? aliasCell.normalize("NFC") : cellText(aliasCell)),
    code: optional("code"),
    validFrom: dates.validFrom,
    validTo: dates.validTo,
  };
}
