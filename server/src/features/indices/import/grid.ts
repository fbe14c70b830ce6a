/**
 * Files become grids of plain cells (text, number or empty) so that one reader handles CSV and
 * XLSX alike. Formulas give their cached result; merged cells repeat the master cell's value so
 * that a header spanning several columns labels each of them.
 */
import ExcelJS from "exceljs";

export type Cell = string | number | null;

export interface Grid {
  name: string;
  /** rows[r][c], 0-based; rows may be ragged. */
  rows: Cell[][];
}

/** Excel-style column letter for a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function plainValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // An ExcelJS date cell is midnight UTC of the day it shows: its UTC day is that day (no clock here).
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return plainValue(v.richText.map((t: { text?: string }) => t.text ?? "").join(""));
    if ("result" in v) return plainValue(v.result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if (typeof v.text === "string") return plainValue(v.text);
    if ("error" in v) return null;
  }
  return null;
}

const MAX_ROWS = 20_000;
const MAX_COLS = 500;

export async function readXlsxGrids(data: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; the bytes are what matter.
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    const lastRow = Math.min(ws.rowCount, MAX_ROWS);
    for (let r = 1; r <= lastRow; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > MAX_COLS) return;
        // A merged slave cell reports its master's value in exceljs: exactly the repetition we want.
        cells[col - 1] = plainValue(cell.isMerged ? cell.master.value : cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push(cells);
    }
    grids.push({ name: ws.name, rows });
  }
  return grids;
}

/** RFC 4180 CSV with the delimiter guessed among , ; and tab (Vietnamese Excel exports use ;). */
export function parseCsv(text: string, name: string): Grid {
  const body = text.replace(/^\uFEFF/, "");
  const sample = body.slice(0, 5000);
  const counts = [",", ";", "\t"].map((d) => [d, sample.split(d).length] as const);
  const delimiter = counts.sort((a, b) => b[1] - a[1])[0][0];
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  const pushField = () => {
    const t = field.trim();
    row.push(t === "" ? null : quoted ? field : t);
    field = "";
    quoted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      inQuotes = true;
      quoted = true;
      field = "";
    } else if (ch === delimiter) pushField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      pushField();
      rows.push(row);
      row = [];
      if (rows.length >= MAX_ROWS) break;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    pushField();
    rows.push(row);
  }
  return { name, rows };
}
