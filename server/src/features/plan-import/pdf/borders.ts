/**
 * The drawn lines of a table: the horizontal borders that separate its rows, its bottom (where its
 * outer verticals end) and the x of its verticals (its column boundaries when ruled). Everything here
 * reads the page's rules only, so a table without borders gets null or nothing and is read by its
 * text alone.
 */
import type { Line, PdfPage, PdfRule } from "./types";

/** The horizontal borders reaching into [x1, x2], top to bottom (PDF y grows upwards). */
export function horizontalAt(rules: PdfRule[], x1: number, x2: number) {
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

/** How far from its header's text a table's outer border may be (a centred label in a wide column). */
const BORDER_REACH = 150;

export function bandBottom(page: PdfPage, band: Line[]): number | null {
  const items = band.flatMap((l) => l.items);
  const x1 = Math.min(...items.map((i) => i.x)) - BORDER_REACH;
  const x2 = Math.max(...items.map((i) => i.x + i.w)) + BORDER_REACH;
  return ruledBottom(page.rules, x1, x2, band[0].y);
}

/**
 * The x of the table's vertical borders between its top (the header) and its bottom: the column
 * boundaries of a ruled table, inner ones included even where they start below a merged header cell.
 */
export function bandVerticals(page: PdfPage, band: Line[], bottom: number | null): number[] {
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
