/**
 * Side-by-side text that is no table: the Decree 30 letterhead (issuer and number on the left, motto,
 * place and date on the right) and the signature block, read column by column into paragraphs.
 */
import { type RecoveredTable, segmentsOf } from "./text-tables.shared";

/**
 * Cells of a layout run (rows opened by an empty line) read column by column: the letterhead's left
 * column (the issuer, then "Số: …") before its right one (the motto, then "…, ngày … tháng … năm …").
 * Capitalised lines of one column that follow each other are one name ("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH").
 */
/** A line of a letterhead that names a body of its own under the parent authority above it. */
const AGENCY = /^(SỞ|BAN|VĂN PHÒNG|THANH TRA|CỤC|CHI CỤC|PHÒNG|TRUNG TÂM|BỘ|TỔNG CỤC)(?![\p{L}\p{N}])/u;

export function columnWise(cells: string[]): string[] {
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
      if (upper && name && AGENCY.test(text)) {
        // "UBND TỈNH" over "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG": the second line is the issuing body, the first
        // its parent; the body comes first, as the issuer.
        out.push(text);
        out.push(name);
        name = "";
      } else if (upper && name) name = `${name} ${text}`;
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
export function letterheadAt(lines: string[], start: number): RecoveredTable | null {
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
