/**
 * Tables in columns of spaces, as pdftotext -layout writes them: every wrapped line of a cell is its own
 * line, the cells of a row sit side by side. Columns come from gutters no line uses (each holding a
 * header label or enough text); rows from STT numbers, blank lines, a task cell starting again or a new
 * agency in the lead column; a wrapped cell's lines are joined into the cell above.
 */
import { foldForMatch } from "../text/vietnamese";
import type { TableBlock } from "./model";
import { detectLayout, isHeaderLike, MAX_ROWS, toGrid } from "./tables";
import {
  cell,
  dropEmptyColumns,
  isKnownTable,
  type RecoveredTable,
  ROW_NUMBER,
  round2,
  SUB_LABEL,
  segmentsOf,
  type Word,
} from "./text-tables.shared";

/** Words of a line with their character positions. */
function wordsOf(line: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ x: m.index, text: m[0] });
  return out;
}

function isLayoutHeader(line: string): boolean {
  if (line.includes("\t")) return false;
  const segs = segmentsOf(line);
  if (segs.length < 3) return false;
  const labelled = segs.filter((s) => s.text.length <= 60 && isHeaderLike([s.text])).length;
  // Justified prose has runs of spaces too: a header opens with the STT label or holds three labels.
  const opensWithNumber = /^(stt|tt|so tt|so thu tu)$/.test(foldForMatch(segs[0].text));
  return (labelled >= 3 || (opensWithNumber && labelled >= 2)) && segs.every((s) => s.text.length <= 60);
}

/** An appendix heading, a signature block, or a numbered heading of the text ("III. NHIỆM VỤ", "2. Các sở"). */
const ENDS_TABLE = /^\s*(PHỤ LỤC|Nơi nhận|KT\.|TM\.|CHỦ TỊCH)|^\s{0,2}(?:[IVXLC]{1,6}|\d{1,2})\.\s\p{L}/u;
const MAX_TABLE_LINES = 60_000;

export function columnsAt(lines: string[], start: number): RecoveredTable | null {
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
  // Columns from the data lines: header labels are centred and would make columns of their own.
  // A section row in capitals ("I   NHÓM NHIỆM VỤ") is data, not a header line.
  const numberedLine = (l: string) => {
    const g = segmentsOf(l)[0];
    return Boolean(g && g.x < 4 && ROW_NUMBER.test(g.text.split(" ")[0]));
  };
  const isHeadLine = (l: string) => (isLayoutHeader(l) || isHeaderContinuation(l)) && !numberedLine(l);
  let pageEnd = k;
  while (
    pageEnd < end &&
    !lines[pageEnd].startsWith("\f") &&
    !(pageEnd > k && isLayoutHeader(lines[pageEnd]))
  )
    pageEnd++;
  const data = lines.slice(k, pageEnd).filter((l) => !isHeadLine(l));
  const columns = columnStarts(data.length >= 2 ? data : lines.slice(first, end), anchors, spanEnd);
  if (columns.length < 3) return null;
  const split = splitter(columns, null, columns.length);
  const headerLines = lines.slice(first, k).filter((l) => l.trim());
  const header = layoutHeader(headerLines.map(headerSplitter(columns)));
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
  const labels = columns.map((_, c) =>
    foldForMatch(
      headerLines
        .map(headerSplitter(columns))
        .map((l) => l[c])
        .join(" "),
    ),
  );
  // Each page lays the table out again (pdftotext places every page anew): a repeated header or a form
  // feed starts a page whose columns are found on that page and matched to the first page's by label.
  const splitAt = new Map<number, (line: string) => string[]>();
  for (let i = k; i < end; i++) {
    if (!(lines[i].startsWith("\f") || (isLayoutHeader(lines[i]) && i > k))) continue;
    let j = i;
    while (
      j < end &&
      j < i + 6 &&
      lines[j].trim() &&
      isHeadLine(lines[j]) &&
      !ROW_NUMBER.test(segmentsOf(lines[j])[0]?.text ?? "")
    )
      j++;
    let next = i + 1;
    while (next < end && !lines[next].startsWith("\f") && !(isLayoutHeader(lines[next]) && next > j)) next++;
    const pageData = lines.slice(j, next).filter((l) => l.trim() && !isHeadLine(l));
    if (pageData.length < 4) continue;
    const pageHead = lines.slice(i, j).filter((l) => l.trim());
    const pageAnchors = pageHead.flatMap(segmentsOf).map((g) => g.x);
    const own = columnStarts(pageData, pageAnchors, spanEnd);
    if (own.length < 2) continue;
    // One column more, right after the STT: a sub-heading column (an index component merged down over
    // its rows) that this page has and the first page has not; it stays a cell of its own.
    const withSub = own.length === columns.length + 1 && own[1] < columns[1] + own[0] - columns[0] + 4;
    splitAt.set(
      i,
      withSub
        ? splitter(own, null, own.length)
        : splitter(own, matchColumns(own, pageHead, columns, labels), columns.length),
    );
  }
  const rows: string[][] = [];
  const subs: string[] = [];
  const rowSources: Array<{ line: number }> = [];
  let current: string[] | null = null;
  let blankBefore = false;
  let guessedStarts = 0;
  let inRepeatedHeader = false;
  let previousContent = "";
  const roles = detectLayout(
    toGrid({ kind: "table", rows: header.map((r) => r.map(cell)), source: {} }).rows,
  ).roles;
  const numberAt = Math.max(0, roles.indexOf("number"));
  const leadAt = roles.indexOf("lead");
  const contentAt = roles.includes("content") ? roles.indexOf("content") : Math.max(1, roles.indexOf("name"));
  let pageSplit = split;
  for (let i = k; i < end && rows.length < MAX_ROWS; i++) {
    const line = lines[i];
    pageSplit = splitAt.get(i) ?? pageSplit;
    if (!line.trim()) {
      blankBefore = true;
      continue;
    }
    let cells = pageSplit(line);
    let sub = "";
    if (cells.length === columns.length + 1) {
      sub = cells[1];
      cells = [cells[0], ...cells.slice(2)];
    }
    const filled = cells.filter(Boolean);
    // A page number between the halves of a table.
    if (filled.length === 1 && /^(-\s*)?\d{1,3}(\s*-)?$/.test(filled[0]) && !cells[0]) continue;
    // The header repeated on the next page.
    if (isLayoutHeader(line) && repeatsHeader(line, signature)) {
      inRepeatedHeader = true;
      continue;
    }
    if (inRepeatedHeader && isHeaderContinuation(line) && !ROW_NUMBER.test(cells[0])) continue;
    inRepeatedHeader = false;
    const numbered = ROW_NUMBER.test(cells[numberAt]);
    const content = cells[contentAt] ?? "";
    const others = cells.filter((c, k) => k > contentAt && c);
    const upper = (t: string) => /^[\p{Lu}\d"“(-]/u.test(t);
    // Another cell starting a row starts with a capital or a bullet; "15)" is the rest of "(Vị trí".
    const opens = (t: string) => /^[\p{Lu}"“(-]/u.test(t);
    // A title in capitals running onto the next line ("… CÁC CHÍNH" / "SÁCH") is one title.
    const titleGoesOn = isAllCaps(current?.[contentAt] ?? "") && isAllCaps(content);
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
        !titleGoesOn &&
        (blankBefore || (others.length > 0 && others.every(opens)) || newAgency || contentPaused));
    if (newRow) {
      if (!numbered && current) guessedStarts++;
      current = [...cells];
      rows.push(current);
      subs.push(sub);
      rowSources.push({ line: i + 1 });
    } else if (current) {
      for (let c = 0; c < cells.length; c++) {
        if (cells[c]) current[c] = current[c] ? `${current[c]} ${cells[c]}` : cells[c];
      }
      if (sub) subs[subs.length - 1] = `${subs[subs.length - 1]} ${sub}`.trim();
    }
    blankBefore = false;
  }
  if (rows.length < 1) return null;
  // A row under a sub-heading column carries it right after its STT, as a pasted Word table does.
  const withSubs = rows.map((r, n) => (subs[n] ? [r[0], subs[n], ...r.slice(1)] : r));
  const block: TableBlock = {
    kind: "table",
    rows: [...header, ...withSubs].map((r) => r.map(cell)),
    rowSources: [...header.map(() => ({ line: first + 1 })), ...rowSources],
    source: { line: first + 1 },
  };
  const table = subs.some(Boolean) ? block : dropEmptyColumns(block);
  if (!isKnownTable(table)) return null;
  table.confidence = round2(0.85 - 0.2 * (guessedStarts / rows.length));
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
  // From the first text of all (a column of few STT numbers counts), gutters by the tolerance.
  const firstUsed = used.findIndex((n) => n > 0);
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
  // A sparse column (a sub-heading column holding a few words) is below the tolerance; where a header
  // label starts right after positions no line uses at all, a column starts there too.
  for (const a of anchors) {
    if (a < 2 || a >= width || kept.some((s) => Math.abs(s - a) <= 2)) continue;
    if (used[a - 1] === 0 && used[a - 2] === 0 && used[a] > 0) kept.push(a);
  }
  return kept.sort((x, y) => x - y);
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
  if (lines.length === 1) return [last];
  const upper = join(lines.slice(0, -1));
  // Sub-labels make a row of their own only under a parent spanning columns (a sub-label's column has
  // no label above it); "(Vị trí)" under "Chỉ tiêu năm 2023" is the rest of that label.
  const subOnly =
    last.some(Boolean) &&
    last.filter(Boolean).every((t) => SUB_LABEL.test(foldForMatch(t))) &&
    last.some((t, c) => t && !upper[c]);
  if (subOnly) return [upper, last];
  return [join(lines)];
}

/** Cuts a line at column starts; `map` sends each of these columns to a column of the table. */
function splitter(columns: number[], map: number[] | null, width: number): (line: string) => string[] {
  return (line) => {
    const cells = Array.from({ length: width }, () => [] as string[]);
    for (const w of wordsOf(line)) {
      let c = columns.length - 1;
      while (c > 0 && w.x < columns[c] - 1) c--;
      cells[Math.min(width - 1, map ? map[c] : c)].push(w.text);
    }
    return cells.map((ws) => ws.join(" "));
  };
}

/** Header labels are centred over their column: a label goes where its middle is. */
function headerSplitter(columns: number[]): (line: string) => string[] {
  return (line) => {
    const cells = columns.map(() => [] as string[]);
    for (const g of segmentsOf(line)) {
      const middle = g.x + g.text.length / 2;
      let c = columns.length - 1;
      while (c > 0 && middle < columns[c]) c--;
      cells[c].push(g.text);
    }
    return cells.map((ws) => ws.join(" "));
  };
}

/**
 * The first page's column for each column of another page: by the words of the page's repeated header
 * when it has one, else by order (the same count) or by position relative to the first column.
 */
function matchColumns(own: number[], head: string[], main: number[], labels: string[]): number[] {
  const ownLabels = own.map((_, c) => foldForMatch(head.map((l) => headerSplitter(own)(l)[c]).join(" ")));
  const shift = own[0] - main[0];
  const byLabel = own.map((x, c) => {
    const words = new Set(ownLabels[c].split(" ").filter(Boolean));
    let best = -1;
    let bestScore = 0;
    labels.forEach((label, m) => {
      // Shared words over the larger label: "Chỉ tiêu năm 2023" is the target column, not "Tiêu chí".
      const theirs = new Set(label.split(" ").filter(Boolean));
      const shared = [...theirs].filter((w) => words.has(w)).length;
      const score = shared / Math.max(1, theirs.size, words.size);
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    });
    if (best >= 0) return best;
    let nearest = 0;
    for (let m = 1; m < main.length; m++) if (main[m] <= x - shift + 1) nearest = m;
    return nearest;
  });
  // The same columns in the same order: keep them as they are (labels only break ties of layout).
  if (own.length === main.length && byLabel.every((m, c) => m === c || !ownLabels[c]))
    return own.map((_, c) => c);
  return own.length === main.length && !head.length ? own.map((_, c) => c) : byLabel;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 1 && letters === letters.toUpperCase();
}

/** A line whose words are (nearly) all words of the table's header: the header repeated on a new page. */
function repeatsHeader(line: string, signature: string): boolean {
  const known = new Set(signature.split(" "));
  const words = foldForMatch(line).split(" ").filter(Boolean);
  return words.length > 0 && words.filter((w) => known.has(w)).length >= words.length * 0.8;
}
