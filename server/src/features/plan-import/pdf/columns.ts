/**
 * A table's columns from its header cells. Without drawn borders, each boundary between two header
 * cells is moved to the gutter the rows below cross least (a cell's text is wider than its label);
 * with drawn verticals, the borders are the columns and a label across a border is either a parent
 * label over several columns or a merged cell. `span` tells which columns a run covers.
 */
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { Line, PdfItem } from "./types";

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
export function span(bounds: number[], it: PdfItem): [number, number] {
  const first = columnAt(bounds, it.x + Math.min(2, it.w / 2));
  const last = columnAt(bounds, it.x + it.w - Math.min(2, it.w / 2));
  return [first, Math.max(first, last)];
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
