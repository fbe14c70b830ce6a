/**
 * Tables written one cell per line, as many converters write a Word table: every row begins with a tab
 * line (its STT cell, often empty, or an empty line before it) and each further cell stands on its own
 * tab-indented line. The row length comes from the distance between successive STT numbers, checked
 * against the row starts; the header's cell count splits it into a parent and a sub-label row.
 */
import { foldForMatch } from "../text/vietnamese";
import type { TableCell } from "./model";
import { isHeaderLike, MAX_COLUMNS, MAX_ROWS } from "./tables";
import { columnWise } from "./text-layout";
import {
  cell,
  dropEmptyColumns,
  isKnownTable,
  MAX_RUN_CELLS,
  type RecoveredTable,
  ROW_NUMBER,
  round2,
  SUB_LABEL,
} from "./text-tables.shared";

/** A line that is one cell: leading tab(s) and no other tab; or nothing but a tab. */
const isCellLine = (line: string) => /^[ ]*\t/.test(line) && !/\S\t/.test(line.replace(/^[\t ]+/, ""));

export function cellPerLineAt(lines: string[], start: number): RecoveredTable | null {
  if (!isCellLine(lines[start]) || (start > 0 && isCellLine(lines[start - 1]))) return null;
  let end = start;
  const cells: string[] = [];
  const lineOf: number[] = [];
  while (end < lines.length && cells.length < MAX_RUN_CELLS) {
    if (isCellLine(lines[end])) {
      cells.push(lines[end].replace(/\s+/g, " ").trim());
      lineOf.push(end + 1);
      end++;
    } else if (!lines[end].trim() && end + 1 < lines.length && isCellLine(lines[end + 1])) end++;
    else {
      // Further paragraphs of a cell written without the tab ("\tfirst paragraph" then "second"):
      // lines up to the next cell line belong to the cell above.
      let k = end;
      while (k < lines.length && k < end + 20 && lines[k].trim() && !lines[k].includes("\t")) k++;
      if (!cells.length || k === end || k >= lines.length || !isCellLine(lines[k])) break;
      const rest = lines.slice(end, k).map((l) => l.trim());
      cells[cells.length - 1] = [cells[cells.length - 1], ...rest].join(" ").trim();
      end = k;
    }
  }
  if (cells.length < 2) return null;
  // A marker line before the header ("\t" then "\tSTT") means each row starts with an empty line.
  const firstNumber = cells.findIndex((c) => ROW_NUMBER.test(c));
  const headerCells = (firstNumber < 0 ? cells : cells.slice(0, firstNumber)).slice(0, 40);
  // Lines right under a tab-separated table are that table's rows, not a layout of their own.
  const underTabRow = start > 0 && lines[start - 1].includes("\t");
  const asText = (): RecoveredTable | null =>
    underTabRow ? null : { start, end, paragraphs: columnWise(cells), shape: "layout" };
  if (headerCells.filter((c) => c && isHeaderLike([c])).length < 2) return asText();
  const period = rowPeriod(cells, Math.max(0, firstNumber)) ?? headerCells.filter(Boolean).length;
  if (period < 2 || period > MAX_COLUMNS) return asText();
  // The header ends where the first numbered row starts.
  let dataStart = firstNumber < 0 ? cells.length : firstNumber;
  // With marker lines the row begins one line before its number.
  if (dataStart > 0 && !cells[dataStart - 1] && dataStart % period === 1 % period && period > 2) {
    const markerAtStart = !cells[0];
    if (markerAtStart) dataStart--;
  }
  let confidence = 0.9;
  const header = headerRows(cells.slice(0, dataStart), period);
  if (header.guessed) confidence = Math.min(confidence, 0.6);
  const rows: TableCell[][] = header.rows.map((r) => r.map(cell));
  const rowSources = header.rows.map(() => ({ line: lineOf[0] }));
  let pos = dataStart;
  let fixed = 0;
  while (pos < cells.length && rows.length < MAX_ROWS) {
    let next = Math.min(pos + period, cells.length);
    // A row that starts with text where its STT should be: the rows are no longer in step.
    if (!startsRow(cells[pos])) fixed++;
    if (next < cells.length && !startsRow(cells[next])) {
      // The row has more lines (a cell written as several paragraphs) or fewer (empty cells left out):
      // find the next row by its number.
      const own = cells[pos];
      for (let j = pos + 2; j <= Math.min(pos + 2 * period, cells.length - 1); j++) {
        if (ROW_NUMBER.test(cells[j]) && (!own || followsNumber(own, cells[j]))) {
          next = j;
          break;
        }
      }
    }
    const raw = cells.slice(pos, next);
    if (raw.length !== period) fixed++;
    rows.push(fitRow(raw, period).map(cell));
    rowSources.push({ line: lineOf[pos] });
    pos = next;
  }
  const dataRows = rows.length - header.rows.length;
  if (dataRows < 1) return asText();
  confidence -= 0.8 * Math.min(1, fixed / dataRows);
  const table = dropEmptyColumns({ kind: "table", rows, rowSources, source: { line: start + 1 } });
  if (!isKnownTable(table)) return asText();
  table.confidence = round2(confidence);
  return { start, end, table, shape: "cellPerLine" };
}

/**
 * Cells per row. Values in the cells ("57", "20") are numbers too, and unnumbered rows make the distance
 * between two numbered rows a multiple of the row length; so each length that some pair of successive
 * numbers suggests is tried, and the one whose row starts hold the numbered rows and look like row
 * starts (a number or an empty STT cell) wins; the longest on a tie (values such as "57" look like
 * row numbers and would make a half row look right).
 */
function rowPeriod(cells: string[], origin: number): number | null {
  const candidates = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const chainLength = new Map<number, number>();
  const recent: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!ROW_NUMBER.test(cells[i])) continue;
    for (let k = recent.length - 1; k >= 0; k--) {
      const j = recent[k];
      if (i - j > MAX_COLUMNS) break;
      if (followsNumber(cells[j], cells[i])) {
        if (i - j >= 2) candidates.add(i - j);
        pairs.push([j, i]);
        chainLength.set(i, (chainLength.get(j) ?? 1) + 1);
        break;
      }
    }
    recent.push(i);
    if (recent.length > MAX_COLUMNS) recent.shift();
  }
  // Row numbers run 1, 2, 3…; a value followed by the next value ("84" then "85") rarely runs on.
  const long = new Set<number>();
  for (const [j, i] of pairs.reverse()) {
    if ((chainLength.get(i) ?? 0) >= 3 || long.has(i)) {
      long.add(i);
      long.add(j);
    }
  }
  const chained = long.size ? long : new Set(pairs.flat());
  const divisors = new Set<number>();
  for (const c of candidates) for (let d = 2; d <= c; d++) if (c % d === 0) divisors.add(d);
  let best: number | null = null;
  let bestScore = 0;
  for (const d of [...divisors].sort((x, y) => x - y)) {
    let onStart = 0;
    for (const i of chained) if (i >= origin && (i - origin) % d === 0) onStart++;
    let starts = 0;
    let rowLike = 0;
    for (let j = origin; j < cells.length; j += d) {
      starts++;
      if (startsRow(cells[j])) rowLike++;
    }
    const score = (onStart / Math.max(1, chained.size)) * (rowLike / Math.max(1, starts));
    if (score >= bestScore - 1e-9 && score > 0) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** "2" after "1", "1.3" after "1.2", "2" after "1.4", "II" after "I"… */
function followsNumber(a: string, b: string): boolean {
  const pa = a.replace(/\.$/, "");
  const pb = b.replace(/\.$/, "");
  if (/^\d/.test(pa) && /^\d/.test(pb)) {
    const x = pa.split(".").map(Number);
    const y = pb.split(".").map(Number);
    if (y.length === x.length && y.slice(0, -1).join(".") === x.slice(0, -1).join("."))
      return y[y.length - 1] === x[x.length - 1] + 1;
    if (y.length === x.length + 1) return y[y.length - 1] === 1 && y.slice(0, -1).join(".") === pa;
    if (y.length < x.length) return y[y.length - 1] === x[y.length - 1] + 1;
    return false;
  }
  return false;
}

const startsRow = (c: string | undefined) => c === undefined || !c || ROW_NUMBER.test(c);

/** A row read as more or fewer lines than the table has columns, fitted to the columns. */
function fitRow(raw: string[], width: number): string[] {
  const row = [...raw];
  // Extra lines: paragraphs of one cell; a line in lower case or a bullet continues the cell above.
  for (let k = row.length - 1; k > 1 && row.length > width; k--) {
    if (/^(\p{Ll}|[-+•–]\s)/u.test(row[k])) {
      row[k - 1] = `${row[k - 1]} ${row[k]}`.trim();
      row.splice(k, 1);
    }
  }
  while (row.length > width) {
    const last = row.pop() ?? "";
    row[row.length - 1] = `${row[row.length - 1]} ${last}`.trim();
  }
  // Missing cells: a deadline-looking last cell stays in the last column.
  if (row.length < width) {
    const last = row[row.length - 1] ?? "";
    const looksDeadline = /^(thường xuyên|hằng|hàng|định kỳ|trước|trong|quý|tháng|năm|\d{1,2}\/\d{4})/iu.test(
      last,
    );
    if (looksDeadline && row.length > 2) {
      row.pop();
      while (row.length < width - 1) row.push("");
      row.push(last);
    } else while (row.length < width) row.push("");
  }
  return row;
}

/**
 * The header as one row, or as a parent row and a sub-label row when a merged parent covers sub-labels
 * ("Phân công thực hiện" over "Chủ trì", "Phối hợp"): the cell counts say how many parents there are.
 */
function headerRows(cells: string[], width: number): { rows: string[][]; guessed: boolean } {
  if (!cells.length) return { rows: [], guessed: true };
  if (cells.length % width === 0) {
    const rows: string[][] = [];
    for (let k = 0; k < cells.length; k += width) rows.push(cells.slice(k, k + width));
    return { rows, guessed: false };
  }
  const parents = cells.length - width;
  let subs = 0;
  while (subs < cells.length && SUB_LABEL.test(foldForMatch(cells[cells.length - 1 - subs]))) subs++;
  const top = cells.slice(0, cells.length - subs);
  if (parents > 0 && subs >= 2 * parents && top.length - parents + subs === width) {
    const perParent = Math.floor(subs / parents);
    const parentAt = top
      .map((c, k) => ({ c: foldForMatch(c), k }))
      .filter(({ c }) =>
        /phan cong|thuc hien|trach nhiem|don vi|co quan|(19|20)\d\d|chi tieu|ket qua/.test(c),
      )
      .slice(-parents)
      .map(({ k }) => k);
    if (parentAt.length === parents) {
      const row1: string[] = [];
      const row2: string[] = [];
      let sub = cells.length - subs;
      top.forEach((label, k) => {
        if (parentAt.includes(k)) {
          for (let s = 0; s < perParent; s++) {
            row1.push(s === 0 ? label : "");
            row2.push(cells[sub++] ?? "");
          }
        } else {
          row1.push(label);
          row2.push("");
        }
      });
      if (row1.length === width) return { rows: [row1, row2], guessed: false };
    }
  }
  return { rows: [fitRow(cells, width)], guessed: true };
}
