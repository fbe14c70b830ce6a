/**
 * The Decree 30 letterhead of page 1: two blocks side by side (the issuer on the left, the motto and
 * the date on the right) read as one block after the other, and each side's lines as paragraphs
 * (consecutive capitals are one name). `headerParagraphs` is also used for a Word document's
 * letterhead table, so both readers give the extraction the same paragraphs.
 */
import { lineText } from "./lines";
import type { Line, PdfPage } from "./types";

/** Page 1's letterhead: two blocks side by side (issuer left, motto and date right) read one after the other. */
export function letterhead(lines: Line[], page: PdfPage): { lines: string[]; used: number } | null {
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
