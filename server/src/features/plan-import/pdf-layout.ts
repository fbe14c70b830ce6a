/**
 * PDF tables from geometry. pdf.js gives positioned text runs and the page's drawn lines; a word
 * processor prints a table as one run per cell line at the cell's x, and its borders as lines. So:
 *  - a header row is found by its words (STT, nội dung, chủ trì…), and its cells give the columns;
 *    each boundary between two header cells is moved to where no text of the rows below crosses it;
 *  - rows are the bands between horizontal borders (a border missing over a column means the cell is
 *    merged with the one above); without borders, a row starts at a number in the STT column;
 *  - a page that repeats the header continues the table (the repeated header is dropped), and a first
 *    row with no number that starts in lower case is the rest of the row cut by the page break.
 * The result is a table block like a Word table, with a confidence. Everything is linear in the number
 * of runs of a page (sorting aside): a 200-page plan must read in a few seconds.
 */
import type { SourceRef, TableBlock, TableCell } from "../../../../core/src/plan-import/model";
import { foldForMatch } from "../../../../core/src/text/vietnamese";

export interface PdfItem {
  x: number;
  /** Baseline, PDF space (grows upwards). */
  y: number;
  w: number;
  size: number;
  s: string;
}

/** A drawn horizontal (y1 === y2) or vertical (x1 === x2) line of the page. */
export interface PdfRule {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface PdfPage {
  items: PdfItem[];
  rules: PdfRule[];
  width: number;
}

interface Line {
  y: number;
  size: number;
  items: PdfItem[];
}

export type PageSegment =
  | { kind: "text"; lines: string[]; page: number }
  | { kind: "table"; block: TableBlock };

// --- lines --------------------------------------------------------------------------------------------

/** Runs sharing a baseline (within a third of the font size) make one line, left to right. */
export function toLines(items: PdfItem[]): Line[] {
  const sorted = items.filter((i) => i.s.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.max(1.5, last.size * 0.35)) last.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const l of lines) {
    l.items = touching(spliceOverlays(l.items.flatMap(splitFallbackRun).sort((a, b) => a.x - b.x)));
  }
  return lines;
}

/**
 * Runs that touch are one piece of text (a word cut where a substituted letter was drawn apart): a
 * spanning section row must reach across its columns as one run, not fall into them in pieces.
 */
function touching(items: PdfItem[]): PdfItem[] {
  const out: PdfItem[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    const gap = last ? it.x - (last.x + last.w) : Number.POSITIVE_INFINITY;
    if (last && gap < it.size * 0.2 && gap > -it.size) {
      const sep = gap > it.size * 0.12 && !last.s.endsWith(" ") && !it.s.startsWith(" ") ? " " : "";
      out[out.length - 1] = {
        ...last,
        s: `${last.s}${sep}${it.s}`,
        w: Math.max(last.w, it.x + it.w - last.x),
      };
    } else out.push(it);
  }
  return out;
}

/**
 * A fallback font's run can carry several missing letters with the blanks between them ("ỗ ự" drawn
 * over "n l c"): each letter is placed on its own, at its share of the run's width.
 */
function splitFallbackRun(it: PdfItem): PdfItem[] {
  const chars = [...it.s];
  if (chars.length > 9 || !it.s.includes(" ") || !chars.every((c) => c === " " || c > "\u007f")) return [it];
  const each = it.w / chars.length;
  return chars.flatMap((c, i) => (c === " " ? [] : [{ ...it, s: c, x: it.x + each * i, w: each }]));
}

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;

/** Whether a word is one Vietnamese syllable (tones and marks folded away). */
function isSyllable(word: string): boolean {
  return SYLLABLE.test(foldForMatch(word).replace(/\s+/g, ""));
}

/** The letters around position `at` of a list of characters (each entry may hold several). */
function wordAt(chars: string[], at: number): string {
  const letter = (c: string | undefined) => c !== undefined && /^\p{L}+$/u.test(c);
  let a = at;
  let b = at;
  while (letter(chars[a - 1])) a--;
  while (letter(chars[b + 1])) b++;
  return chars.slice(a, b + 1).join("");
}

/**
 * Font substitution: a font without some Vietnamese letters prints a run with a blank where each is
 * missing, and the missing letters come as separate runs from another font, drawn over the blanks
 * ("T NH BÌNH Đ NH" + "Ỉ" + "Ị"). A short run lying inside a longer one goes into the blank nearest
 * its position (positions estimated in proportion to the characters); one in a gap between runs is
 * already in place once runs are sorted by x.
 */
function spliceOverlays(items: PdfItem[]): PdfItem[] {
  if (items.length < 2) return items;
  const out: Array<{ host: PdfItem; overlays: PdfItem[] }> = [];
  for (const it of items) {
    const last = out[out.length - 1];
    const host = last?.host;
    const inside =
      host &&
      it.s.length <= 3 &&
      host.s.length > it.s.length &&
      it.x > host.x + 0.5 &&
      it.x + it.w <= host.x + host.w + 1;
    if (inside) last.overlays.push(it);
    else out.push({ host: it, overlays: [] });
  }
  return out.map(({ host, overlays }) => (overlays.length ? fill(host, overlays) : host));
}

/** Puts each overlay into its host run, right to left so the positions estimated stay true. */
function fill(host: PdfItem, overlays: PdfItem[]): PdfItem {
  const chars = [...host.s];
  const length = chars.length;
  const placed = overlays
    .map((o) => ({ o, at: ((o.x - host.x) / host.w) * length }))
    .sort((a, b) => b.at - a.at);
  for (const { o, at } of placed) {
    let best = -1;
    for (let i = 0; i < chars.length; i++)
      if (chars[i] === " " && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
    if (best < 0 || Math.abs(best - at) > 3) {
      chars.splice(Math.round(at), 0, o.s);
      continue;
    }
    // The blank is the missing letter ("T NH" + "Ỉ") when filling it makes one syllable; a word
    // space that also took the missing letter's place ("(V trí" + "ị") keeps its space.
    const filled = [...chars];
    filled[best] = o.s;
    if (isSyllable(wordAt(filled, best))) chars[best] = o.s;
    else chars.splice(best, 0, o.s);
  }
  return { ...host, s: chars.join("") };
}

/** A line as text: a gap wider than about a character and a half is a column break (tab). */
export function lineText(line: Line): string {
  let out = "";
  let end = -1;
  for (const part of line.items) {
    if (end >= 0)
      out +=
        part.x - end > Math.max(6, part.size * 1.2)
          ? "\t"
          : part.x - end > 1 && !out.endsWith(" ") && !part.s.startsWith(" ")
            ? " "
            : "";
    out += part.s;
    end = part.x + part.w;
  }
  return out;
}

/**
 * Lines of running text, with a blank line where a paragraph ends: Word leaves space after a
 * paragraph, so a gap wider than the page's usual line spacing (or a change of font size) is a break.
 */
function textLines(lines: Line[], usual: Spacing): string[] {
  // The closing block: "Nơi nhận:" and its list on the left, the signature on the right.
  const closing = lines.findIndex((l) => /^Nơi nhận\b/u.test(lineText(l)) && lineText(l).includes("\t"));
  if (closing >= 0) {
    const line = lines[closing];
    const split = line.items.find(
      (it, k) => k > 0 && it.x - (line.items[k - 1].x + line.items[k - 1].w) > it.size * 1.2,
    );
    if (split) {
      const left: Line[] = [];
      const right: Line[] = [];
      for (const l of lines.slice(closing)) {
        const a = l.items.filter((it) => it.x < split.x - 5);
        const b = l.items.filter((it) => it.x >= split.x - 5);
        if (a.length) left.push({ ...l, items: a });
        if (b.length) right.push({ ...l, items: b });
      }
      return [
        ...textLines(lines.slice(0, closing), usual),
        "",
        ...left.map(lineText),
        "",
        ...right.map(lineText),
      ];
    }
  }
  const out: string[] = [];
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    const spacing = usual(l.size);
    if (prev && (prev.y - l.y > spacing + Math.max(1.5, spacing * 0.1) || Math.abs(prev.size - l.size) > 1))
      out.push("");
    out.push(lineText(l));
  });
  return out;
}

/** The distance between two consecutive lines of a paragraph of a font size on the page (its line spacing). */
type Spacing = (size: number) => number;

function usualSpacing(lines: Line[]): Spacing {
  const bySize = new Map<number, Map<number, number>>();
  for (let k = 1; k < lines.length; k++) {
    const size = Math.round(lines[k].size);
    if (Math.round(lines[k - 1].size) !== size) continue;
    const gap = Math.round((lines[k - 1].y - lines[k].y) * 2) / 2;
    if (gap <= 0 || gap > size * 3) continue;
    const counts = bySize.get(size) ?? new Map<number, number>();
    counts.set(gap, (counts.get(gap) ?? 0) + 1);
    bySize.set(size, counts);
  }
  const usual = new Map<number, number>();
  for (const [size, counts] of bySize) {
    // Space between paragraphs only adds to the line spacing: the smallest gap seen twice is the
    // spacing (short paragraphs, headings, make the larger gaps the more frequent).
    const seen = [...counts].sort((a, b) => a[0] - b[0]);
    usual.set(size, (seen.find(([, c]) => c >= 2) ?? seen[0])[0]);
  }
  return (size) => usual.get(Math.round(size)) ?? size * 1.3;
}

const PAGE_NUMBER = /^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$/;

// --- header rows ----------------------------------------------------------------------------------------

const HEADER_KEYS: ReadonlyArray<readonly [string, RegExp]> = [
  ["number", /(^| )(stt|tt|so tt|so thu tu)( |$)/],
  ["content", /(^| )(noi dung|nhiem vu|giai phap|cong viec|hoat dong|tieu chi|chi so|linh vuc)( |$)/],
  ["lead", /(^| )(chu tri|co quan|don vi|trach nhiem|phan cong)( |$)/],
  ["coordinator", /(^| )phoi hop( |$)/],
  ["result", /(^| )(san pham|ket qua)( |$)/],
  ["deadline", /(^| )(thoi gian|thoi han|tien do|hoan thanh|thoi diem)( |$)/],
  ["note", /(^| )ghi chu( |$)/],
  ["target", /(^| )(chi tieu|muc tieu|nam (19|20)\d\d|vi tri|xep hang)( |$)/],
];
const HEADER_VOCAB = new Set(
  (
    "stt st tt so thu tu noi dung nhiem vu giai phap cong viec hoat dong co quan don vi chu tri phoi hop " +
    "san pham ket qua du kien dat duoc thoi gian han hoan thanh tien do diem ghi chu phan cong thuc hien trach " +
    "nhiem tieu chi thanh phan chi so muc nam vi tri xep hang hien trang ke hoach linh vuc ten cac chinh cu the"
  ).split(" "),
);

function headerRoles(folded: string): Set<string> {
  const roles = new Set<string>();
  for (const [role, re] of HEADER_KEYS) if (re.test(folded)) roles.add(role);
  return roles;
}

const headerishSeen = new WeakMap<Line, boolean>();

/** Short words of a header cell only: no run longer than a label, most words from the header vocabulary. */
function headerish(line: Line): boolean {
  // Asked of every line of an unruled table (does another table start here?): folded once per line.
  let known = headerishSeen.get(line);
  if (known === undefined) {
    known = isHeaderish(line);
    headerishSeen.set(line, known);
  }
  return known;
}

function isHeaderish(line: Line): boolean {
  if (line.items.some((i) => i.s.trim().length > 45)) return false;
  const words = foldForMatch(lineText(line)).split(" ").filter(Boolean);
  if (!words.length) return false;
  // Single letters are the ends of labels wrapped in a narrow column ("ST" + "T").
  const known = words.filter(
    (w) => HEADER_VOCAB.has(w) || /^(19|20)\d\d$/.test(w) || /^[a-z]$/.test(w),
  ).length;
  return known / words.length >= 0.8;
}

/** The header band starting at or after `from`: [first, last] line index, or null. */
function findHeader(lines: Line[], from: number): { first: number; last: number } | null {
  for (let i = from; i < lines.length; i++) {
    if (!headerish(lines[i])) continue;
    let last = i;
    const roles = new Set<string>();
    for (let k = i; k < lines.length && k < i + 6; k++) {
      if (!headerish(lines[k])) break;
      if (k > i && lines[k - 1].y - lines[k].y > lines[k].size * 1.9) break;
      last = k;
      for (const r of headerRoles(foldForMatch(lineText(lines[k])))) roles.add(r);
    }
    const columns = lines[i].items.length + (last > i ? 1 : 0);
    if (columns >= 2 && (roles.size >= 3 || (roles.has("content") && roles.size >= 2)))
      return { first: i, last };
    i = last;
  }
  return null;
}

// --- columns --------------------------------------------------------------------------------------------

export interface Columns {
  /** Left edges of the columns and the right edge of the last: bounds.length = columns + 1. */
  bounds: number[];
  header: string[];
  signature: string;
}

function overlaps(a: { x: number; w: number }, b: { x: number; w: number }, slack = 0): boolean {
  return a.x < b.x + b.w - slack && b.x < a.x + a.w - slack;
}

/** Columns from the header band's cells, each boundary placed where the rows below cross least. */
export function columnsOf(band: Line[], below: Line[], verticals: number[] = []): Columns | null {
  const items = band.flatMap(phrases);
  if (verticals.length >= 3) return ruledColumns(items, verticals);
  // A parent label ("PHÂN CÔNG THỰC HIỆN") spans labels below it that do not overlap each other.
  const isParent = (p: PdfItem) => {
    const under = items.filter((o) => o !== p && o.y < p.y - 1 && overlaps(o, p, 1));
    return under.some((a) => under.some((b) => a !== b && !overlaps(a, b)));
  };
  const leaves = items.filter((i) => !isParent(i));
  const parents = items.filter((i) => !leaves.includes(i));
  const groups: Array<{ x1: number; x2: number; items: PdfItem[] }> = [];
  for (const it of [...leaves].sort((a, b) => a.x - b.x)) {
    const g = groups[groups.length - 1];
    if (g && it.x < g.x2 - 1) {
      g.x2 = Math.max(g.x2, it.x + it.w);
      g.items.push(it);
    } else groups.push({ x1: it.x, x2: it.x + it.w, items: [it] });
  }
  if (groups.length < 2) return null;
  const data = below.flatMap((l) => l.items);
  const bounds = [0];
  for (let g = 0; g + 1 < groups.length; g++) bounds.push(gutter(groups[g].x2, groups[g + 1].x1, data));
  // The outer edges: the header's, widened to the rows' runs that fit in the first (last) column,
  // as a centred header sits inside a wider column of left-aligned cells.
  const g0 = groups[0];
  const gn = groups[groups.length - 1];
  const inner = bounds[bounds.length - 1];
  bounds[0] = Math.min(g0.x1, ...data.filter((d) => d.x + d.w <= bounds[1] + 2).map((d) => d.x)) - 1;
  bounds.push(
    Math.max(
      gn.x2,
      ...data.filter((d) => d.x >= inner - 2 && d.x + d.w <= gn.x2 + 60).map((d) => d.x + d.w),
    ) + 1,
  );
  const header = groups.map((g, c) => {
    const over = parents.filter((p) => p.x < bounds[c + 1] && p.x + p.w > bounds[c]);
    return headerText([...over, ...g.items]);
  });
  return { bounds, header, signature: header.map(foldForMatch).join("|") };
}

/**
 * Where the boundary between two header cells goes: the middle of the widest stretch between them
 * that the fewest runs below cross (room for a wider number than the header's rows show).
 */
function gutter(lo: number, hi: number, data: PdfItem[]): number {
  const candidates = [lo + 0.5, hi - 0.5, (lo + hi) / 2];
  for (const d of data) {
    if (d.x > lo && d.x < hi) candidates.push(d.x - 0.5);
    if (d.x + d.w > lo && d.x + d.w < hi) candidates.push(d.x + d.w + 0.5);
  }
  const scored = candidates
    .filter((c) => c >= lo && c <= hi)
    .sort((a, b) => a - b)
    .map((c) => {
      let cover = 0;
      for (const d of data) if (d.x < c && d.x + d.w > c) cover++;
      return { c, cover };
    });
  const least = Math.min(...scored.map((x) => x.cover));
  let best = (lo + hi) / 2;
  let widest = -1;
  for (let a = 0; a < scored.length; a++) {
    if (scored[a].cover !== least) continue;
    let b = a;
    while (b + 1 < scored.length && scored[b + 1].cover === least) b++;
    if (scored[b].c - scored[a].c > widest) {
      widest = scored[b].c - scored[a].c;
      best = (scored[a].c + scored[b].c) / 2;
    }
    a = b;
  }
  return best;
}

/** A header cell's runs, top to bottom, as one label. */
function headerText(items: PdfItem[]): string {
  return (
    [...items]
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((i) => i.s.trim())
      // A short label wrapped inside a narrow column ("ST" + "T") is one word.
      .reduce<string[]>((acc, t) => {
        const prev = acc[acc.length - 1];
        if (prev && /^\p{Lu}{1,3}$/u.test(prev) && /^\p{Lu}{1,2}$/u.test(t)) acc[acc.length - 1] = prev + t;
        else acc.push(t);
        return acc;
      }, [])
      .join(" ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Columns between the table's drawn vertical borders. A header label across a border is a parent
 * ("PHÂN CÔNG THỰC HIỆN" over "CHỦ TRÌ" and "PHỐI HỢP") when labels sit under it in the columns it
 * covers, and names each; otherwise it is a merged cell and names its first column only (the empty
 * one after it is read by the extraction as the merged cell's other half).
 */
function ruledColumns(items: PdfItem[], verticals: number[]): Columns | null {
  const bounds = verticals;
  const width = bounds.length - 1;
  const cells: PdfItem[][] = Array.from({ length: width }, () => []);
  for (const it of items) {
    const [a, b] = span(bounds, it);
    if (a === b) {
      cells[a].push(it);
      continue;
    }
    const under = items.filter((o) => o !== it && o.y < it.y - 1 && overlaps(o, it, 1));
    const covered = new Set(under.map((o) => columnAt(bounds, o.x + o.w / 2)));
    if (covered.size >= 2) for (let c = a; c <= b; c++) cells[c].push(it);
    else cells[a].push(it);
  }
  const header = cells.map(headerText);
  if (header.filter(Boolean).length < 2) return null;
  return { bounds, header, signature: header.map(foldForMatch).join("|") };
}

function columnAt(bounds: number[], x: number): number {
  for (let c = 0; c + 1 < bounds.length; c++) if (x < bounds[c + 1]) return c;
  return bounds.length - 2;
}

/** The columns a run covers: [first, last]. */
function span(bounds: number[], it: PdfItem): [number, number] {
  const first = columnAt(bounds, it.x + Math.min(2, it.w / 2));
  const last = columnAt(bounds, it.x + it.w - Math.min(2, it.w / 2));
  return [first, Math.max(first, last)];
}

// --- rows -----------------------------------------------------------------------------------------------

interface RowDraft {
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

/**
 * Word-by-word runs (Word's PDF export positions each word) of one line merged into the phrases they
 * print: runs closer than half a character belong together; a header cell's words must not each
 * look like a column.
 */
function phrases(line: Line): PdfItem[] {
  const out: PdfItem[] = [];
  for (const it of line.items) {
    const last = out[out.length - 1];
    if (last && it.x - (last.x + last.w) < it.size * 0.45) {
      const sep = it.x - (last.x + last.w) > it.size * 0.12 ? " " : "";
      out[out.length - 1] = { ...last, s: `${last.s}${sep}${it.s}`, w: it.x + it.w - last.x };
    } else out.push({ ...it });
  }
  return out;
}

function cellText(items: PdfItem[]): string {
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

const NUMBER_CELL = /^(\d{1,4}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ]\))$/u;
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

function horizontalAt(rules: PdfRule[], x1: number, x2: number) {
  const ys: Array<{ y: number; x1: number; x2: number }> = [];
  for (const r of rules) {
    if (Math.abs(r.y1 - r.y2) > 1.5 || r.x2 - r.x1 < 8) continue;
    if (r.x2 < x1 || r.x1 > x2) continue;
    ys.push({ y: (r.y1 + r.y2) / 2, x1: r.x1, x2: r.x2 });
  }
  return ys.sort((a, b) => b.y - a.y);
}

/**
 * The bottom of a ruled table: the table's outer borders are vertical lines unbroken from its top to
 * its bottom (inner ones stop at rows spanning the width). Null when the page draws no borders there.
 */
export function ruledBottom(rules: PdfRule[], x1: number, x2: number, top: number): number | null {
  const byX = new Map<number, Array<[number, number]>>();
  for (const r of rules) {
    if (Math.abs(r.x1 - r.x2) > 1.5 || r.x1 < x1 || r.x1 > x2) continue;
    const key = Math.round(r.x1);
    const list = byX.get(key) ?? [];
    list.push([Math.min(r.y1, r.y2), Math.max(r.y1, r.y2)]);
    byX.set(key, list);
  }
  let bottom: number | null = null;
  for (const list of byX.values()) {
    list.sort((a, b) => b[1] - a[1]);
    // Collinear pieces meeting within 3 pt are one border (generators draw a cell's side at a time).
    let lo = list[0][0];
    let hi = list[0][1];
    for (const [a, b] of list.slice(1)) {
      if (b >= lo - 3) lo = Math.min(lo, a);
      else {
        if (hi >= top && lo <= top) bottom = Math.min(bottom ?? lo, lo);
        lo = a;
        hi = b;
      }
    }
    if (hi >= top && lo <= top) bottom = Math.min(bottom ?? lo, lo);
  }
  return bottom;
}

/**
 * Adds the table lines of one page to `table`, from line `from`; returns the index of the first line
 * after the table. Rows come from horizontal borders when the page has them.
 */
function readRows(
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

/** The table as a block: header row, then rows with column and row spans as Word would give them. */
export function tableBlock(table: OpenTable): TableBlock {
  const width = table.columns.header.length;
  const rows: TableCell[][] = [table.columns.header.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))];
  const rowSources: SourceRef[] = [table.source];
  const origins: Array<TableCell | null> = Array.from({ length: width }, () => null);
  for (const draft of table.rows) {
    const out: TableCell[] = [];
    for (let c = 0; c < width; ) {
      const items = draft.cells[c];
      let open = 1;
      while (c + open < width && draft.open[c + open - 1]) open++;
      const spanCols = Math.min(Math.max(draft.spans[c], open), width - c);
      // Runs of the columns a spanning run covers belong to the spanning cell.
      for (let k = 1; k < spanCols; k++) items.push(...draft.cells[c + k]);
      const text = cellText(items);
      const origin = origins[c];
      // A run across columns with nothing after it in the row spans to the row's end (a section row).
      if (spanCols > 1 && draft.cells.slice(c + spanCols).every((x) => !x.length)) {
        const all = width - c;
        if (all > spanCols) {
          for (let k = spanCols; k < all; k++) items.push(...draft.cells[c + k]);
          c += all;
          const cell: TableCell = { text, colSpan: all, rowSpan: 1 };
          out.push(cell);
          origins.fill(null, c - all, c);
          continue;
        }
      }
      if (draft.mergedUp[c] && origin && spanCols === 1) {
        origin.rowSpan++;
        if (text) origin.text = origin.text ? `${origin.text} ${text}` : text;
      } else {
        const cell: TableCell = { text, colSpan: spanCols, rowSpan: 1 };
        out.push(cell);
        for (let k = 0; k < spanCols; k++) origins[c + k] = spanCols === 1 ? cell : null;
      }
      c += spanCols;
    }
    rows.push(out);
    rowSources.push({ page: draft.page });
  }
  return {
    kind: "table",
    rows,
    headerRows: 1,
    rowSources,
    source: table.source,
    confidence: tableConfidence(table),
  };
}

/** How far the geometry can be trusted: borders, runs that stay in their column, rows with numbers. */
function tableConfidence(t: OpenTable): number {
  const fit = t.lines
    ? 1 - Math.max(0, t.crossingLines - t.rows.filter((r) => r.crossing).length) / t.lines
    : 0;
  const numbered = t.rows.length
    ? t.rows.filter((r) => NUMBER_CELL.test(cellText(r.cells[0]))).length / t.rows.length
    : 0;
  const base = t.ruled ? 0.95 : t.numberColumn ? 0.6 + 0.3 * numbered : 0.55;
  return Math.round(Math.max(0.1, Math.min(1, base * fit)) * 100) / 100;
}

// --- pages ----------------------------------------------------------------------------------------------

/** Page 1's letterhead: two blocks side by side (issuer left, motto and date right) read one after the other. */
function letterhead(lines: Line[], page: PdfPage): { lines: string[]; used: number } | null {
  const mid = page.width / 2;
  let used = 0;
  const left: Line[] = [];
  const right: Line[] = [];
  for (const line of lines.slice(0, 14)) {
    const text = lineText(line);
    if (/^\s*(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|CHỈ THỊ|BÁO CÁO|ĐỀ ÁN|HƯỚNG DẪN|THÔNG BÁO)\b/u.test(text))
      break;
    // A line from the left margin across the middle of the page is the body, not a letterhead side.
    const end = Math.max(...line.items.map((i) => i.x + i.w));
    if (!text.includes("\t") && line.items[0].x < mid / 2 && end > mid + 20) break;
    const l = line.items.filter((i) => i.x + i.w / 2 < mid);
    const r = line.items.filter((i) => i.x + i.w / 2 >= mid);
    if (l.length) left.push({ ...line, items: l });
    if (r.length) right.push({ ...line, items: r });
    used++;
  }
  const all = [...left, ...right].map(lineText);
  if (!used || !all.some((t) => /CỘNG HÒA|CỘNG HOÀ|Độc lập/u.test(t)) || !left.length) return null;
  return {
    lines: [...headerParagraphs(left.map(lineText)), ...headerParagraphs(right.map(lineText))],
    used,
  };
}

/**
 * The lines of one side of a Decree 30 letterhead as paragraphs: consecutive capitals are one name
 * ("ỦY BAN NHÂN DÂN" + "TỈNH BÌNH ĐỊNH"), rules ("______") are dropped, each paragraph stands alone.
 */
export function headerParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  let caps = false;
  for (const raw of lines) {
    const t = raw.replace(/\s+/g, " ").trim();
    if (!t || /^[-_–—.=*\s]+$/.test(t)) {
      caps = false;
      continue;
    }
    const letters = t.replace(/[^\p{L}]/gu, "");
    const upper = letters.length > 1 && letters === letters.toUpperCase();
    if (upper && caps && out.length) out[out.length - 1] = `${out[out.length - 1]} ${t}`;
    else out.push(t);
    caps = upper && !/CỘNG HÒA|CỘNG HOÀ/u.test(t) ? true : upper;
  }
  return out;
}

/** The lines a table may hold below `from`: down to its bottom border, or the next 80 lines. */
function below(lines: Line[], from: number, bottom: number | null): Line[] {
  const out: Line[] = [];
  for (let k = from; k < lines.length && k < from + 80; k++) {
    if (bottom !== null && lines[k].y < bottom) break;
    out.push(lines[k]);
  }
  return out;
}

/** How far from its header's text a table's outer border may be (a centred label in a wide column). */
const BORDER_REACH = 150;

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 1 && letters === letters.toUpperCase();
}

/**
 * The same header repeated on the next page, though its labels may wrap differently there: the
 * same columns, each label the same as or the start of the other.
 */
export function sameHeader(a: Columns, b: Columns): boolean {
  if (a.header.length !== b.header.length) return false;
  return a.header.every((label, c) => {
    const x = foldForMatch(label);
    const y = foldForMatch(b.header[c]);
    return x.startsWith(y) || y.startsWith(x);
  });
}

/**
 * A ruled header ends at the first border drawn across the whole table under its first line (the
 * border under a parent label covers its columns only): lines below it are the first row.
 */
function trimBand(band: Line[], page: PdfPage, bottom: number | null): Line[] {
  if (bottom === null || band.length < 2) return band;
  const items = band.flatMap((l) => l.items);
  const x1 = Math.min(...items.map((i) => i.x));
  const x2 = Math.max(...items.map((i) => i.x + i.w));
  const rules = page.rules.filter(
    (r) => Math.abs(r.y1 - r.y2) <= 1.5 && r.x1 <= x1 + 2 && r.x2 >= x2 - 2 && r.y1 < band[0].y,
  );
  const y = Math.max(...rules.map((r) => r.y1), Number.NEGATIVE_INFINITY);
  // A label in capitals may overflow its header cell past the border ("THỜI GIAN HOÀN" + "THÀNH").
  const kept = band.filter((l) => l.y > y || isCapitals(lineText(l)));
  return kept.length ? kept : band;
}

function bandBottom(page: PdfPage, band: Line[]): number | null {
  const items = band.flatMap((l) => l.items);
  const x1 = Math.min(...items.map((i) => i.x)) - BORDER_REACH;
  const x2 = Math.max(...items.map((i) => i.x + i.w)) + BORDER_REACH;
  return ruledBottom(page.rules, x1, x2, band[0].y);
}

/**
 * The x of the table's vertical borders between its top (the header) and its bottom: the column
 * boundaries of a ruled table, inner ones included even where they start below a merged header cell.
 */
function bandVerticals(page: PdfPage, band: Line[], bottom: number | null): number[] {
  if (bottom === null) return [];
  const items = band.flatMap((l) => l.items);
  const x1 = Math.min(...items.map((i) => i.x)) - BORDER_REACH;
  const x2 = Math.max(...items.map((i) => i.x + i.w)) + BORDER_REACH;
  const top = band[0].y + band[0].size;
  const xs: number[] = [];
  for (const r of page.rules) {
    if (Math.abs(r.x1 - r.x2) > 1.5 || r.x1 < x1 || r.x1 > x2) continue;
    if (Math.max(r.y1, r.y2) < bottom || Math.min(r.y1, r.y2) > top + 4) continue;
    xs.push((r.x1 + r.x2) / 2);
  }
  xs.sort((a, b) => a - b);
  const merged: number[] = [];
  for (const x of xs) if (!merged.length || x - merged[merged.length - 1] > 2) merged.push(x);
  // The outer borders must enclose the header's text, or these lines are something else.
  if (merged.length < 3 || merged[0] > Math.min(...items.map((i) => i.x)) + 1) return [];
  if (merged[merged.length - 1] < Math.max(...items.map((i) => i.x + i.w)) - 1) return [];
  return merged;
}

/** Reads every page: tables by geometry, the rest as text lines. */
export function layoutPages(pages: PdfPage[]): { segments: PageSegment[]; tables: OpenTable[] } {
  const segments: PageSegment[] = [];
  const tables: OpenTable[] = [];
  let open: OpenTable | null = null;
  const text = (lines: string[], page: number) => {
    if (!lines.length) return;
    const last = segments[segments.length - 1];
    if (last?.kind === "text" && last.page === page) last.lines.push(...lines);
    else segments.push({ kind: "text", lines, page });
  };
  const close = () => {
    if (open) segments.push({ kind: "table", block: tableBlock(open) });
    open = null;
  };
  pages.forEach((page, p) => {
    const pageNo = p + 1;
    const lines = toLines(page.items);
    const usual = usualSpacing(lines);
    let i = 0;
    if (p === 0) {
      const head = letterhead(lines, page);
      if (head) {
        text(
          head.lines.flatMap((l) => [l, ""]),
          pageNo,
        );
        i = head.used;
      }
    }
    // Page numbers at the top of a page stand between the two halves of a table.
    while (i < lines.length && PAGE_NUMBER.test(lineText(lines[i]))) i++;
    if (open) {
      const continued: OpenTable = open;
      const header = findHeader(lines, i);
      if (header && header.first === i) {
        const bottom = bandBottom(page, lines.slice(header.first, header.last + 1));
        const band = trimBand(lines.slice(header.first, header.last + 1), page, bottom);
        header.last = header.first + band.length - 1;
        const cols = columnsOf(
          band,
          below(lines, header.last + 1, bottom),
          bandVerticals(page, band, bottom),
        );
        if (cols && sameHeader(cols, continued.columns)) {
          // The repeated header is dropped; this page's own boundaries fit its rows best.
          continued.columns = cols;
          i = readRows(continued, lines, header.last + 1, page, pageNo, bottom);
        } else close();
      } else if (continued.atPageEnd && i < lines.length) {
        const { bounds } = continued.columns;
        const bottom = ruledBottom(page.rules, bounds[0] - 15, bounds[bounds.length - 1] + 15, lines[i].y);
        // A ruled table goes on only under its borders: a heading above the next table is not a row.
        if (continued.ruled && bottom === null) close();
        else {
          const before = continued.lines;
          const next = readRows(continued, lines, i, page, pageNo, bottom);
          if (continued.lines === before) close();
          i = next;
        }
      } else close();
      if (open && !continued.atPageEnd) close();
    }
    while (i < lines.length) {
      const header = findHeader(lines, i);
      if (!header) {
        text(
          textLines(
            lines.slice(i).filter((l) => !PAGE_NUMBER.test(lineText(l))),
            usual,
          ),
          pageNo,
        );
        break;
      }
      text(textLines(lines.slice(i, header.first), usual), pageNo);
      const bottom = bandBottom(page, lines.slice(header.first, header.last + 1));
      const band = trimBand(lines.slice(header.first, header.last + 1), page, bottom);
      header.last = header.first + band.length - 1;
      const columns = columnsOf(
        band,
        below(lines, header.last + 1, bottom),
        bandVerticals(page, band, bottom),
      );
      if (!columns) {
        text(band.map(lineText), pageNo);
        i = header.last + 1;
        continue;
      }
      close();
      const table: OpenTable = {
        columns,
        rows: [],
        numberColumn: /^(stt|tt|so tt|so thu tu)$/.test(foldForMatch(columns.header[0])),
        lines: 0,
        crossingLines: 0,
        ruled: false,
        joined: 0,
        source: { page: pageNo },
        atPageEnd: false,
      };
      open = table;
      tables.push(table);
      i = readRows(table, lines, header.last + 1, page, pageNo, bottom);
      if (!table.atPageEnd) close();
    }
  });
  close();
  return { segments, tables };
}
