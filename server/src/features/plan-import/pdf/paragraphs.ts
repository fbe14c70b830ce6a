/**
 * Running text (everything outside a table) as lines with a blank line where a paragraph ends. A PDF
 * has no paragraphs, only positions: a paragraph break is a gap wider than the page's usual spacing
 * for that font size, or a change of size. The closing block ("Nơi nhận:" on the left, the signature
 * on the right) is read one side after the other rather than line by line across both.
 */
import { lineText } from "./lines";
import type { Line } from "./types";

/**
 * Lines of running text, with a blank line where a paragraph ends: Word leaves space after a
 * paragraph, so a gap wider than the page's usual line spacing (or a change of font size) is a break.
 */
export function textLines(lines: Line[], usual: Spacing): string[] {
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
export type Spacing = (size: number) => number;

export function usualSpacing(lines: Line[]): Spacing {
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
