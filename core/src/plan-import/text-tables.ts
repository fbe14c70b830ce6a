/**
 * Tables recovered from plain text, in the two shapes converters write them besides tab-separated rows:
 *  - one cell per line: every row begins with a tab line (the STT cell, often empty) and each further
 *    cell stands on its own tab-indented line (Word tables saved or copied by many converters);
 *  - columns of spaces (pdftotext -layout): every wrapped line of a cell is its own line, cells of a row
 *    sit side by side, separated by runs of spaces that line up from line to line.
 * Pure and bounded: a run is read once, columns are found from the positions of the text, and every
 * table gets a confidence (lower when rows had to be padded, merged or guessed).
 */
import { foldForMatch } from "../text/vietnamese";
import type { TableBlock, TableCell } from "./model";
import { detectLayout, isHeaderLike, MAX_COLUMNS, MAX_ROWS, toGrid } from "./tables";

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
const ROW_NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXLC]{1,6}\.?)$/;
/** Labels of a second header row under a merged parent ("Phân công thực hiện" → "Chủ trì", "Phối hợp"). */
const SUB_LABEL = /^(chu tri|phoi hop|diem|vi tri|xep hang|thu hang|hang|diem so|ty le)$/;
const MAX_RUN_CELLS = 200_000;

const cell = (text: string): TableCell => ({ text, colSpan: 1, rowSpan: 1 });

/** Finds both shapes in the lines of a text; the runs never overlap and are in line order. */
export function recoverTextTables(lines: string[]): RecoveredTable[] {
  const out: RecoveredTable[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].trim() && !lines[i].includes("\t")) i++;
  const head = letterheadAt(lines, i);
  if (head) {
    out.push(head);
    i = head.end;
  }
  while (i < lines.length) {
    const found = cellPerLineAt(lines, i) ?? columnsAt(lines, i);
    if (found) {
      out.push(found);
      i = Math.max(found.end, i + 1);
    } else i++;
  }
  return out;
}

// --- one cell per line -------------------------------------------------------------------------------

/** A line that is one cell: leading tab(s) and no other tab; or nothing but a tab. */
const isCellLine = (line: string) => /^[ ]*\t/.test(line) && !/\S\t/.test(line.replace(/^[\t ]+/, ""));

function cellPerLineAt(lines: string[], start: number): RecoveredTable | null {
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

function dropEmptyColumns(table: TableBlock): TableBlock {
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  const keep = Array.from({ length: width }, (_, c) => table.rows.some((r) => r[c]?.text.trim()));
  if (keep.every(Boolean)) return table;
  return { ...table, rows: table.rows.map((r) => r.filter((_, c) => keep[c])) };
}

function isKnownTable(table: TableBlock): boolean {
  const { rows } = toGrid(table);
  const layout = detectLayout(rows);
  return layout.kind !== "other";
}

const round2 = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;

// --- columns of spaces -------------------------------------------------------------------------------

interface Word {
  x: number;
  text: string;
}

/** Words of a line with their character positions. */
function wordsOf(line: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ x: m.index, text: m[0] });
  return out;
}

/** Runs of words separated by at least two spaces: the candidate cells of a line. */
function segmentsOf(line: string): Word[] {
  const out: Word[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ x: m.index, text: m[0] });
  return out;
}

function isLayoutHeader(line: string): boolean {
  if (line.includes("\t")) return false;
  const segs = segmentsOf(line);
  if (segs.length < 3) return false;
  const labelled = segs.filter((s) => s.text.length <= 60 && isHeaderLike([s.text])).length;
  return labelled >= 2 && segs.every((s) => s.text.length <= 60);
}

/** An appendix heading, a signature block, or a numbered heading of the text ("III. NHIỆM VỤ", "2. Các sở"). */
const ENDS_TABLE = /^\s*(PHỤ LỤC|Nơi nhận|KT\.|TM\.|CHỦ TỊCH)|^\s{0,2}(?:[IVXLC]{1,6}|\d{1,2})\.\s\p{L}/u;
const MAX_TABLE_LINES = 60_000;

function columnsAt(lines: string[], start: number): RecoveredTable | null {
  if (!isLayoutHeader(lines[start])) return null;
  // Header labels wrapped onto the line above ("PHÂN CÔNG" over "THỰC HIỆN").
  let first = start;
  while (first > 0 && first > start - 2 && isHeaderContinuation(lines[first - 1])) first--;
  // Header lines: up to the first line whose first run is a row number.
  let k = start + 1;
  // The rest of a wrapped label ("2023 (Vị trí)" under "Chỉ tiêu năm"): short runs, none in the STT column.
  const labelRest = (line: string) => {
    const segs = segmentsOf(line);
    return (
      segs.length > 0 && !line.includes("\t") && segs[0].x >= 4 && segs.every((g) => g.text.length <= 30)
    );
  };
  while (k < lines.length && k < start + 6 && (isHeaderContinuation(lines[k]) || labelRest(lines[k]))) {
    const firstRun = segmentsOf(lines[k])[0];
    if (firstRun && firstRun.x < 4 && ROW_NUMBER.test(firstRun.text.split(" ")[0])) break;
    k++;
  }
  const headerSegs = lines.slice(first, k).flatMap(segmentsOf);
  const anchors = [...new Set(headerSegs.map((s) => s.x))].sort((a, b) => a - b);
  const spanEnd = Math.max(...headerSegs.map((s) => s.x + s.text.length));
  // The region: until a line of prose running across the columns, an appendix heading or two blank lines.
  let end = k;
  let blanks = 0;
  while (end < lines.length && end - start < MAX_TABLE_LINES) {
    const line = lines[end];
    if (line.includes("\t")) break;
    if (!line.trim()) {
      if (++blanks >= 3) break;
      end++;
      continue;
    }
    blanks = 0;
    if (ENDS_TABLE.test(line) && !isLayoutHeader(line)) break;
    if (isProse(line, anchors)) break;
    end++;
  }
  while (end > start + 1 && !lines[end - 1].trim()) end--;
  const region = lines.slice(first, end);
  const columns = columnStarts(region, anchors, spanEnd);
  if (columns.length < 3) return null;
  const split = (line: string) => {
    const cells = columns.map(() => [] as string[]);
    for (const w of wordsOf(line)) {
      let c = columns.length - 1;
      while (c > 0 && w.x < columns[c] - 1) c--;
      cells[c].push(w.text);
    }
    return cells.map((ws) => ws.join(" "));
  };
  const headerLines = lines.slice(first, k).filter((l) => l.trim());
  const header = layoutHeader(headerLines.map(split));
  // A merged "Nhiệm vụ" label over a sub-heading column and the task column sits in the second one;
  // the reader of task tables expects it first, with the empty half after it.
  const top = header[0] ?? [];
  for (let c = 1; c + 1 < top.length; c++) {
    if (!top[c] && /^(nhiem vu|noi dung|giai phap)/.test(foldForMatch(top[c + 1]))) {
      top[c] = top[c + 1];
      top[c + 1] = "";
      break;
    }
  }
  const signature = foldForMatch(header.flat().join(" "));
  const roles = detectLayout(
    toGrid({ kind: "table", rows: header.map((r) => r.map(cell)), source: {} }).rows,
  ).roles;
  const numberAt = Math.max(0, roles.indexOf("number"));
  const leadAt = roles.indexOf("lead");
  const contentAt = roles.includes("content") ? roles.indexOf("content") : Math.max(1, roles.indexOf("name"));
  const rows: string[][] = [];
  const rowSources: Array<{ line: number }> = [];
  let current: string[] | null = null;
  let blankBefore = false;
  let guessedStarts = 0;
  let inRepeatedHeader = false;
  let previousContent = "";
  for (let i = k; i < end && rows.length < MAX_ROWS; i++) {
    const line = lines[i];
    if (!line.trim()) {
      blankBefore = true;
      continue;
    }
    const cells = split(line);
    const filled = cells.filter(Boolean);
    // A page number between the halves of a table.
    if (filled.length === 1 && /^(-\s*)?\d{1,3}(\s*-)?$/.test(filled[0]) && !cells[0]) continue;
    // The header repeated on the next page.
    if (isLayoutHeader(line) && signature.includes(foldForMatch(filled.slice(0, 2).join(" ")))) {
      inRepeatedHeader = true;
      continue;
    }
    if (inRepeatedHeader && isHeaderContinuation(line) && !ROW_NUMBER.test(cells[0])) continue;
    inRepeatedHeader = false;
    const numbered = ROW_NUMBER.test(cells[numberAt]);
    const content = cells[contentAt] ?? "";
    const others = cells.filter((c, k) => k > contentAt && c);
    const upper = (t: string) => /^[\p{Lu}\d"“(-]/u.test(t);
    // Without a number, a row starts where its cells start together: the task in capitals with every
    // other cell in capitals, or with a new agency in the lead column (a lead cell's next line is lower case).
    // The task cell had ended (its column empty on the line above) and text starts there again.
    const contentPaused = previousContent === "" && Boolean(current?.[contentAt]);
    previousContent = content;
    const lead = leadAt >= 0 ? (cells[leadAt] ?? "") : "";
    const newAgency = lead !== "" && /^\p{Lu}/u.test(lead) && Boolean(current?.[leadAt]);
    const newRow =
      !current ||
      numbered ||
      (upper(content) &&
        !cells[numberAt] &&
        (blankBefore || (others.length > 0 && others.every(upper)) || newAgency || contentPaused));
    if (newRow) {
      if (!numbered && current) guessedStarts++;
      current = [...cells];
      rows.push(current);
      rowSources.push({ line: i + 1 });
    } else if (current) {
      for (let c = 0; c < cells.length; c++) {
        if (cells[c]) current[c] = current[c] ? `${current[c]} ${cells[c]}` : cells[c];
      }
    }
    blankBefore = false;
  }
  if (rows.length < 1) return null;
  const table: TableBlock = dropEmptyColumns({
    kind: "table",
    rows: [...header, ...rows].map((r) => r.map(cell)),
    rowSources: [...header.map(() => ({ line: first + 1 })), ...rowSources],
    source: { line: first + 1 },
  });
  if (!isKnownTable(table)) return null;
  table.confidence = round2(0.85 - 0.3 * (guessedStarts / rows.length));
  return { start: first, end, table, shape: "columns" };
}

/** A short line of header words only (a wrapped header label). */
function isHeaderContinuation(line: string): boolean {
  if (!line.trim() || line.includes("\t")) return false;
  const segs = segmentsOf(line);
  return segs.every((s) => s.text.length <= 30 && s.text === s.text.toUpperCase() && /\p{L}/u.test(s.text));
}

/** A line of running text: one run of words starting in the first columns and crossing two column anchors. */
function isProse(line: string, anchors: number[]): boolean {
  const segs = segmentsOf(line);
  if (segs.length !== 1) return false;
  const s = segs[0];
  const crossed = anchors.filter((a) => a > s.x + 1 && a < s.x + s.text.length - 1).length;
  return crossed >= 2 && s.x <= (anchors[1] ?? 0);
}

/**
 * Column starts: positions where a gutter (a run of at least two character positions that (almost) no
 * line uses) ends. A column must hold the start of a header label, so a gutter inside a column of short
 * texts does not split it.
 */
function columnStarts(region: string[], anchors: number[], spanEnd: number): number[] {
  const width = Math.min(2_000, Math.max(spanEnd, ...region.map((l) => l.length)));
  const used = new Array<number>(width + 1).fill(0);
  let counted = 0;
  for (const line of region) {
    if (!line.trim()) continue;
    counted++;
    for (const s of segmentsOf(line)) {
      for (let x = s.x; x < Math.min(width, s.x + s.text.length); x++) used[x]++;
    }
  }
  const tolerance = Math.max(0, Math.floor(counted * 0.03));
  const starts: number[] = [];
  const firstUsed = used.findIndex((n) => n > tolerance);
  if (firstUsed < 0) return [];
  starts.push(0);
  let gap = 0;
  for (let x = firstUsed; x < width; x++) {
    if (used[x] <= tolerance) gap++;
    else {
      if (gap >= 2) starts.push(x);
      gap = 0;
    }
  }
  // Keep a column when a header label starts in it (labels may be centred: anywhere in the column), or
  // when it holds text on enough lines (the second half of a merged header cell has no label of its own).
  const lineCount = (from: number, to: number) =>
    region.filter((l) => segmentsOf(l).some((s) => s.x >= from && s.x < to)).length;
  const kept = starts.filter((s, k) => {
    const next = starts[k + 1] ?? Number.POSITIVE_INFINITY;
    if (k === 0 || anchors.some((a) => a >= s - 1 && a < next - 1)) return true;
    const n = lineCount(s, next);
    return n >= 3 && n >= counted * 0.05;
  });
  return kept;
}

/**
 * Header lines to header rows: the last line becomes a row of sub-labels when it holds only sub-labels
 * under a parent ("Chủ trì", "Phối hợp"; "Điểm", "Vị trí"); the other lines are joined per column.
 */
function layoutHeader(lines: string[][]): string[][] {
  if (!lines.length) return [];
  const join = (ls: string[][]) =>
    ls[0].map((_, c) =>
      ls
        .map((l) => l[c])
        .filter(Boolean)
        .join(" "),
    );
  const last = lines[lines.length - 1];
  const subOnly =
    lines.length > 1 &&
    last.some(Boolean) &&
    last.filter(Boolean).every((t) => SUB_LABEL.test(foldForMatch(t)));
  if (subOnly) return [join(lines.slice(0, -1)), last];
  return [join(lines)];
}

// --- side-by-side text: the letterhead, the signature block ----------------------------------------------

/**
 * Cells of a layout run (rows opened by an empty line) read column by column: the letterhead's left
 * column (the issuer, then "Số: …") before its right one (the motto, then "…, ngày … tháng … năm …").
 * Capitalised lines of one column that follow each other are one name ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH").
 */
function columnWise(cells: string[]): string[] {
  const rows: string[][] = [];
  let row: string[] = [];
  for (const c of cells) {
    if (!c) {
      if (row.length) rows.push(row);
      row = [];
    } else row.push(c);
  }
  if (row.length) rows.push(row);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: string[] = [];
  for (let col = 0; col < width; col++) {
    let name = "";
    for (const r of rows) {
      const text = r[col];
      if (!text) continue;
      const upper = text === text.toUpperCase() && /\p{Lu}/u.test(text) && !/^Số\s*:/iu.test(text);
      if (upper && name) name = `${name} ${text}`;
      else {
        if (name) out.push(name);
        name = "";
        if (upper) name = text;
        else out.push(text);
      }
    }
    if (name) out.push(name);
  }
  return out;
}

/** A two-column letterhead written side by side with spaces (pdftotext -layout) at the top of the text. */
function letterheadAt(lines: string[], start: number): RecoveredTable | null {
  const cells: string[] = [];
  let end = start;
  while (end < lines.length && end < start + 8 && lines[end].trim() && !lines[end].includes("\t")) {
    const segs = segmentsOf(lines[end]);
    if (segs.length !== 2) break;
    cells.push("", segs[0].text, segs[1].text);
    end++;
  }
  if (end - start < 2) return null;
  const text = cells.join(" ");
  if (!/CỘNG HÒA|CỘNG HOÀ|Độc lập|Số\s*:|ngày\s+\d/u.test(text)) return null;
  return { start, end, paragraphs: columnWise(cells), shape: "layout" };
}
