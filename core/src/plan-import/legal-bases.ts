/**
 * Legal bases of a plan: the acts its preamble cites ("Căn cứ Luật …; Nghị quyết số 76/NQ-CP ngày
 * 15/7/2021 của Chính phủ …", "Thực hiện Chỉ thị số 11-CT/TU …"), each with its kind, number, date and
 * issuer as written. Patterns look around letters with \p{L} (a JavaScript \b never matches after "ứ").
 */
import type { LegalBasis } from "./model";

const KINDS =
  "Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết liên tịch|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư liên tịch|Thông tư|Kế hoạch|Chương trình hành động|Chương trình|Công văn|Văn bản|Công điện|Hướng dẫn|Kết luận|Thông báo|Đề án|Quy chế";
/** An act starts with its kind word (capitalised) followed by "số", a name or a date. */
const ACT_START = new RegExp(`(?<![\\p{L}\\p{N}])(${KINDS})(?![\\p{L}\\p{N}])`, "u");
const SPLIT = new RegExp(`;\\s*|,\\s*(?=(?:${KINDS})(?![\\p{L}\\p{N}])\\s+(?:số|\\p{Lu}))`, "u");
const NUMBER = /(?<![\p{L}\p{N}])số\s*:?\s*(\d+[\p{L}\d]*(?:[/-][\p{L}\d.]+)+)/u;
const DATE_SLASH = /(?<![\p{L}\p{N}])ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;
const DATE_WORDS = /(?<![\p{L}\p{N}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
/** "của Chính phủ về …", "của Chủ tịch UBND tỉnh ban hành …": the issuer stops where the subject starts. */
const ISSUER =
  /(?<![\p{L}\p{N}])của\s+((?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Chủ tịch|Bộ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Huyện ủy|Ban|Văn phòng|Sở|Tổng cục|Cục|Kiểm toán|Thanh tra|Tòa án|Viện)(?![\p{L}\p{N}]).*?)(?=\s+(?:về|quy định|hướng dẫn|ban hành|triển khai|phê duyệt|sửa đổi|thực hiện|tăng cường|đẩy mạnh|nâng cao|cải thiện)(?![\p{L}\p{N}])|\s*[,;.(]|$)/u;

function isoDate(d: string, m: string, y: string): string | null {
  const [dd, mm, yy] = [Number(d), Number(m), Number(y)];
  const probe = new Date(Date.UTC(yy, mm - 1, dd));
  if (probe.getUTCMonth() !== mm - 1 || probe.getUTCDate() !== dd) return null;
  return `${yy}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/** One act as written ("Chỉ thị số 11-CT/TU ngày 07/9/2021 của Tỉnh ủy về …"). */
export function parseAct(text: string, source: string): LegalBasis {
  const kind = ACT_START.exec(text);
  const head = kind ? text.slice(kind.index) : text;
  const number = NUMBER.exec(head);
  const date = DATE_SLASH.exec(head) ?? DATE_WORDS.exec(head);
  const issuer = ISSUER.exec(head);
  return {
    text,
    source,
    kind: kind?.[1] ?? null,
    number: number?.[1] ?? null,
    date: date ? isoDate(date[1], date[2], date[3]) : null,
    issuer: issuer?.[1].trim() ?? null,
  };
}

/**
 * The acts of a "Căn cứ …" or "Thực hiện …" paragraph, split at ";" and at a comma before the next act;
 * a piece naming no act continues the one before it.
 */
export function legalBasesIn(paragraph: string, source: string): LegalBasis[] {
  const body = paragraph
    .replace(/^\s*(?:Căn cứ|Thực hiện|Triển khai)(?![\p{L}\p{N}])\s*/iu, "")
    // "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …" closes the list.
    .split(/,\s*(?:Ủy ban|UBND|Sở|Ban)(?![\p{L}\p{N}])[^,]*ban hành/u)[0]
    .trim();
  const out: LegalBasis[] = [];
  for (const raw of body.split(SPLIT)) {
    const piece = raw.trim().replace(/[;,.]\s*$/, "");
    if (!piece) continue;
    const startsAct = ACT_START.exec(piece)?.index === 0 || /^(?:các|những)\s/iu.test(piece);
    if (!startsAct && out.length) {
      out[out.length - 1] = parseAct(`${out[out.length - 1].text}; ${piece}`, source);
      continue;
    }
    out.push(parseAct(piece, source));
  }
  return out.filter((b) => b.kind || b.number);
}
