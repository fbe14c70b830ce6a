/** What the two text-table readers share: the recovered run, row numbers, cells, a table's checks. */
import type { TableBlock, TableCell } from "./model";
import { detectLayout, toGrid } from "./tables";

export interface RecoveredTable {
  /** First line of the table (0-based index into the lines). */
  start: number;
  /** Line after the table (exclusive). */
  end: number;
  /** The table; absent when the run is a layout of side-by-side text (a letterhead, a signature block). */
  table?: TableBlock;
  /** Text of a layout run, column by column, one paragraph each. */
  paragraphs?: string[];
  shape: "cellPerLine" | "columns" | "layout";
}

/** STT of a row: "1", "1.2", "10.", "II". */
export const ROW_NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?)$/;
/** Labels of a second header row under a merged parent ("Phân công thực hiện" → "Chủ trì", "Phối hợp"). */
export const SUB_LABEL = /^(chu tri|phoi hop|diem|vi tri|xep hang|thu hang|hang|diem so|ty le)$/;
export const MAX_RUN_CELLS = 200_000;

export const cell = (text: string): TableCell => ({ text, colSpan: 1, rowSpan: 1 });

export function dropEmptyColumns(table: TableBlock): TableBlock {
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  const keep = Array.from({ length: width }, (_, c) => table.rows.some((r) => r[c]?.text.trim()));
  if (keep.every(Boolean)) return table;
  return { ...table, rows: table.rows.map((r) => r.filter((_, c) => keep[c])) };
}

export function isKnownTable(table: TableBlock): boolean {
  const { rows } = toGrid(table);
  const layout = detectLayout(rows);
  return layout.kind !== "other";
}

export const round2 = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;

export interface Word {
  x: number;
  text: string;
}

/** Runs of words separated by at least two spaces: the candidate cells of a line. */
export function segmentsOf(line: string): Word[] {
  const out: Word[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ x: m.index, text: m[0] });
  return out;
}
