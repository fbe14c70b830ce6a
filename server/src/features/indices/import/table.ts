/**
 * Finds the results table in a sheet: the province column(s) by content (names are the one thing
 * every results table has), the first data row, the header rows above it (one to three, possibly
 * with merged cells or a row of variable codes), and the end of the block (first blank row: VCCI
 * and UNDP put medians, minima and lookup formulas below a blank row).
 */
import { matchProvince } from "../../../../../core/src/indices/provinces/match";
import type { Cell, Grid } from "./grid";

export interface Table {
  provinceColumns: number[];
  dataStart: number;
  dataEnd: number;
  headerRows: number[];
  /** Text of title rows above the header (for the year and index). */
  title: string;
  /** Header texts per column, top to bottom. */
  headers: string[][];
}

const SCAN_ROWS = 3000;

export function isBlankRow(row: Cell[] | undefined): boolean {
  return !row || row.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
}

function isProvinceCell(cell: Cell): boolean {
  return typeof cell === "string" && (matchProvince(cell)?.confidence ?? 0) >= 0.85;
}

export function findTable(grid: Grid): Table | null {
  const rows = grid.rows.slice(0, SCAN_ROWS);
  const hits = new Map<number, number>();
  const texts = new Map<number, number>();
  for (const row of rows) {
    row.forEach((cell, c) => {
      if (typeof cell !== "string") return;
      texts.set(c, (texts.get(c) ?? 0) + 1);
      if (isProvinceCell(cell)) hits.set(c, (hits.get(c) ?? 0) + 1);
    });
  }
  const provinceColumns = [...hits.entries()]
    .filter(([c, n]) => n >= 3 && n >= 0.5 * (texts.get(c) ?? 0))
    .map(([c]) => c)
    .sort((a, b) => a - b);
  if (provinceColumns.length === 0) return null;

  const dataStart = rows.findIndex((row) => provinceColumns.some((c) => isProvinceCell(row[c] ?? null)));
  let dataEnd = rows.length;
  for (let r = dataStart + 1; r < rows.length; r++) {
    if (isBlankRow(rows[r])) {
      dataEnd = r;
      break;
    }
  }

  const headerRows: number[] = [];
  for (let r = Math.max(0, dataStart - 4); r < dataStart; r++) {
    const filled = (rows[r] ?? []).filter((c) => c !== null);
    const textual = filled.filter((c) => typeof c === "string");
    if (filled.length >= 2 && textual.length >= filled.length / 2) headerRows.push(r);
  }
  const titleRows = [];
  for (let r = 0; r < dataStart; r++) if (!headerRows.includes(r)) titleRows.push(r);
  const title = titleRows
    .flatMap((r) => rows[r] ?? [])
    .filter((c): c is string => typeof c === "string")
    .join(" ");

  const width = Math.max(0, ...rows.slice(0, dataEnd).map((r) => r.length));
  const headers: string[][] = [];
  for (let c = 0; c < width; c++) {
    headers.push(
      headerRows
        .map((r) => rows[r]?.[c] ?? null)
        .filter((v): v is string | number => v !== null)
        .map((v) => String(v).trim())
        .filter((v) => v !== ""),
    );
  }
  return { provinceColumns, dataStart, dataEnd, headerRows, title, headers };
}
