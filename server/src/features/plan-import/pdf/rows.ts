/**
 * A table's rows on one page. With borders, a row is the band between two horizontal borders (a
 * border missing over a column means the cell is merged with the one above); without, a row starts at
 * a number in the STT column (with no STT column, at a line that does not go on in lower case). A first row with no
 * number starting in lower case is the rest of the previous page's last row, cut by the page break,
 * and is joined back. A cell's runs become its text here (wrapped lines, list items, cut dates).
 */
import type { SourceRef } from "../../../../../core/src/plan-import/model";
import { horizontalAt } from "./borders";
import { type Columns, span } from "./columns";
import { findHeader } from "./header";
import { lineText, PAGE_NUMBER, toLines } from "./lines";
import type { Line, PdfItem, PdfPage } from "./types";

export interface RowDraft {
  /** Runs per column; a run covering several columns sits in its first with `spans`. */
  cells: PdfItem[][];
  spans: number[];
  /** Columns whose border above is missing: the cell continues the one above (merged). */
  mergedUp: boolean[];
  /** Inner boundaries (after column c) with no border drawn beside this row: the cells are one. */
  open: boolean[];
  page: number;
  crossing: boolean;
}

/** The runs of one line as words: a space where there is a gap, none where a word was split in two runs. */
function joinRuns(items: PdfItem[]): string {
  let out = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    out += out && it.x - end > it.size * 0.12 ? ` ${it.s}` : it.s;
    end = it.x + it.w;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** A cell's runs as its text: wrapped lines joined, list items on their own lines, cut dates mended. */
export function cellText(items: PdfItem[]): string {
  const lines = toLines(items);
  let out = "";
  for (const l of lines) {
    const t = joinRuns(l.items);
    if (!t) continue;
    if (!out) out = t;
    // A new list item; a dash after an unfinished line is a wrapped name ("Sở Lao động - Thương binh…").
    else if (/^[-–•+]\s/.test(t) && (/^[-–•+]\s/.test(out) || /[;.,:]$/.test(out))) out += `\n${t}`;
    // A date or number cut at the column edge ("30/9/202" + "3") is one word.
    else if (/[/.]\d*$/.test(out) && /^\d/.test(t)) out += t;
    else out += ` ${t}`;
  }
  return out;
}

export const NUMBER_CELL = /^(\d{1,4}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$/u;
const startsLower = (t: string) => /^[\p{Ll}(,;.]/u.test(t.trim());

export interface OpenTable {
  columns: Columns;
  rows: RowDraft[];
  numberColumn: boolean;
  lines: number;
  crossingLines: number;
  ruled: boolean;
  joined: number;
  source: SourceRef;
  /** The table reached the bottom of its last page: the next page may continue it. */
  atPageEnd: boolean;
}

/**
 * Adds the table lines of one page to `table`, from line `from`; returns the index of the first line
 * after the table. Rows come from horizontal borders when the page has them.
 */
export function readRows(
  table: OpenTable,
  lines: Line[],
  from: number,
  page: PdfPage,
  pageNo: number,
  bottom: number | null,
): number {
  const { bounds } = table.columns;
  const left = bounds[0];
  const right = bounds[bounds.length - 1];
  const ruled = bottom !== null;
  const minWidth = Math.min(...bounds.slice(1).map((b, c) => b - bounds[c]));
  const hs = ruled ? horizontalAt(page.rules, left, right).filter((h) => h.x2 - h.x1 >= minWidth * 0.6) : [];
  const gapLimit = (size: number) => size * 3.2;
  let i = from;
  let current: RowDraft | null = null;
  let prevY: number | null = null;
  let hIndex = 0;
  const firstRow = table.rows.length;
  const newRow = (mergedUp: boolean[]): RowDraft => {
    const row: RowDraft = {
      cells: bounds.slice(1).map(() => []),
      spans: bounds.slice(1).map(() => 1),
      mergedUp,
      open: bounds.slice(2).map(() => false),
      page: pageNo,
      crossing: false,
    };
    table.rows.push(row);
    return row;
  };
  const verticals = ruled ? page.rules.filter((r) => Math.abs(r.x1 - r.x2) <= 1.5) : [];
  // In a ruled table a row spanning columns (a section heading) has no border between them.
  const openBoundaries = (y: number) =>
    bounds
      .slice(1, -1)
      .map(
        (x) =>
          !verticals.some(
            (v) => Math.abs(v.x1 - x) < 2.5 && Math.min(v.y1, v.y2) <= y && Math.max(v.y1, v.y2) >= y,
          ),
      );
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (ruled && line.y < (bottom ?? 0)) break;
    if (!ruled && prevY !== null && prevY - line.y > gapLimit(line.size)) break;
    if (!ruled && prevY !== null && findHeader(lines.slice(i, i + 6), 0)?.first === 0) break;
    const cols = line.items.map((it) => span(bounds, it));
    const crosses = cols.some(([a, b]) => b > a);
    const inside = line.items.every((it) => it.x >= left - 3 && it.x + it.w <= right + 3);
    if (!inside) break;
    if (!ruled && crosses) {
      // Without borders, a run across columns is a spanning section row only when the table goes on.
      const next = lines[i + 1];
      const nextFits =
        next &&
        line.y - next.y <= gapLimit(next.size) &&
        next.items.every((it) => {
          const [a, b] = span(bounds, it);
          return a === b;
        });
      if (!nextFits || cols[0][0] > 1) break;
    }
    if (PAGE_NUMBER.test(lineText(line)) && (i === lines.length - 1 || i === 0)) {
      i++;
      break;
    }
    // Borders crossed since the previous line start new rows.
    let crossed: Array<{ y: number; x1: number; x2: number }> = [];
    if (ruled) {
      while (hIndex < hs.length && hs[hIndex].y > line.y + line.size * 0.7) {
        crossed.push(hs[hIndex]);
        hIndex++;
      }
      if (prevY === null) crossed = crossed.slice(-1);
    }
    const numberText =
      table.numberColumn && cols[0] && cols[0][0] === 0 && cols[0][1] === 0 ? line.items[0].s.trim() : "";
    let startsRow = false;
    let mergedUp = bounds.slice(1).map(() => false);
    if (ruled) {
      if (crossed.length || !current) {
        startsRow = true;
        const centers = bounds.slice(1).map((b, c) => (bounds[c] + b) / 2);
        mergedUp = centers.map(
          (x) => crossed.length > 0 && !crossed.some((h) => h.x1 <= x && h.x2 >= x) && current !== null,
        );
      }
    } else {
      // Without borders or numbers, a line whose cells all go on in lower case is a wrapped line of
      // the row above; any other line starts a row.
      const wrapped = line.items.every((it) => startsLower(it.s) || /^[-–,;.)]/.test(it.s.trim()));
      startsRow =
        !current ||
        crosses ||
        current.crossing ||
        NUMBER_CELL.test(numberText) ||
        (!table.numberColumn && !wrapped);
    }
    if (startsRow) {
      current = newRow(mergedUp);
      if (ruled) current.open = openBoundaries(line.y + line.size * 0.3);
    }
    const row = current as RowDraft;
    if (crosses) row.crossing = true;
    table.lines++;
    if (crosses) table.crossingLines++;
    line.items.forEach((it, k) => {
      const [a, b] = cols[k];
      row.cells[a].push(it);
      if (b > a) row.spans[a] = Math.max(row.spans[a], b - a + 1);
    });
    prevY = line.y;
  }
  if (ruled) table.ruled = true;
  table.atPageEnd = lines.slice(i).every((l) => PAGE_NUMBER.test(lineText(l)));
  // The first row of a continued page: without a number and starting in lower case, it is the rest of
  // the row the page break cut.
  const first = table.rows[firstRow];
  const prev = table.rows[firstRow - 1];
  if (first && prev && firstRow > 0) {
    const texts = first.cells.map(cellText);
    const filled = texts.filter(Boolean);
    // Most cells go on in lower case; one may start a name ("UBND tỉnh"); a date or an acronym
    // ("SIPAS, PAR INDEX); …") goes either way. A lone cell after an unfinished one goes on too.
    const lower = filled.filter(startsLower).length;
    const upper = filled.filter((t) => /^\p{Lu}\p{Ll}/u.test(t)).length;
    const lone = filled.length === 1 && !/[.;:]$/.test(cellText(prev.cells[texts.findIndex(Boolean)]).trim());
    const rest = (lower > 0 && upper * 2 < lower) || (filled.length > 0 && lower + upper === 0) || lone;
    if (!texts[0] && rest) {
      first.cells.forEach((items, c) => {
        prev.cells[c].push(...items.map((it) => ({ ...it, y: it.y - 100_000 })));
      });
      table.rows.splice(firstRow, 1);
      table.joined++;
    }
  }
  return i;
}
