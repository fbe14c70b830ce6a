/**
 * Text runs into lines. pdf.js gives one run per piece of text a word processor drew; runs sharing a
 * baseline make a line, left to right. Two repairs happen here because every later step reads lines:
 * runs that touch are joined (a word cut in two), and letters a fallback font drew over the blanks of
 * a run without them ("T NH BÌNH Đ NH" + "Ỉ" + "Ị") are spliced back into place. A line as text puts a
 * tab where a gap is wide enough to be a column break.
 */
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { Line, PdfItem } from "./types";

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

/** A line holding only a page number ("- 3 -"): neither text nor a table row. */
export const PAGE_NUMBER = /^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$/;
