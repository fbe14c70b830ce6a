/**
 * Finding a table's header row by its words (STT, nội dung, chủ trì…): a band of short lines mostly
 * from the header vocabulary, naming at least three roles (or the content and one more). Also the
 * two questions asked of a band once found: where a ruled header ends (the first border drawn across
 * the whole table), and whether a page's header repeats the previous page's (the table goes on).
 */
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import type { Columns } from "./columns";
import { lineText } from "./lines";
import type { Line, PdfPage } from "./types";

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
export function findHeader(lines: Line[], from: number): { first: number; last: number } | null {
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
export function trimBand(band: Line[], page: PdfPage, bottom: number | null): Line[] {
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
