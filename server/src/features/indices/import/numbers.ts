/** Numbers as people type them in Vietnamese and English tables: "7,25", "68.5", "85%", "21/63". */
import type { Cell } from "./grid";

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/** Cells that mean "no value" rather than a wrong value. */
const BLANKS = new Set(["-", "–", "—", "..", "...", "n/a", "na", "x", "k/c", "không có", "chưa có", "null"]);

export function parseNumberCell(cell: Cell): ParsedNumber {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false };
  let s = cell.trim().toLowerCase();
  if (s === "" || BLANKS.has(s)) return { ok: true, value: null };
  s = s.replace(/\s*%$/, "").replace(/\s+/g, "");
  let normalized: string;
  // A single separator is a decimal mark ("4.054" in a UN CSV, "7,25" in a Vietnamese table);
  // thousands separators are recognised only when repeated or followed by the other decimal mark.
  if (/^-?\d{1,3}(\.\d{3}){2,}(,\d+)?$|^-?\d{1,3}(\.\d{3})+,\d+$/.test(s)) {
    normalized = s.replace(/\./g, "").replace(",", ".");
  } else if (/^-?\d{1,3}(,\d{3}){2,}(\.\d+)?$|^-?\d{1,3}(,\d{3})+\.\d+$/.test(s))
    normalized = s.replace(/,/g, "");
  else if (/^-?\d+,\d+$/.test(s)) normalized = s.replace(",", ".");
  else if (/^-?\d*\.?\d+(e-?\d+)?$/.test(s)) normalized = s;
  else return { ok: false };
  const value = Number(normalized);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A rank may be written "21" or "21/63" (rank out of N): the rank is the first number. */
export function parseRankCell(cell: Cell): ParsedNumber {
  if (typeof cell === "string") {
    const m = cell.trim().match(/^(\d+)\s*\/\s*\d+$/);
    if (m) return { ok: true, value: Number(m[1]) };
  }
  return parseNumberCell(cell);
}

/** For messages: the cell as the user typed it. */
export function displayCell(cell: Cell): string {
  if (cell === null) return "";
  const s = String(cell);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Vietnamese number format for messages: 7,25. */
export function formatVi(value: number): string {
  return String(Math.round(value * 10000) / 10000).replace(".", ",");
}

/** Decimals a figure is written with (6 and more for Excel's full floats). */
export function decimalsOf(value: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9) return d;
  return 6;
}

/**
 * The same published figure written at two precisions: a summary's 7,23 and a sheet's 7,2345 agree,
 * since the less precise one is the other rounded (to one decimal at least). Values of the same
 * precision must be equal.
 */
export function sameFigure(a: number, b: number): boolean {
  // A whole number is a figure that happens to be whole (7 is 7,0), not one rounded to units.
  const d = Math.max(1, Math.min(decimalsOf(a), decimalsOf(b)));
  return Math.abs(a - b) <= 0.5 * 10 ** -d + 1e-9;
}
