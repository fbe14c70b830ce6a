/**
 * The deadline of a task written as a sentence: a labelled one ("thời gian trình trong tháng 3/2024",
 * "… hoàn thành trước ngày 30/6/2024"), one in brackets ("(công khai liên tục trong năm)") or a rhythm
 * ("Định kỳ hằng tháng, rà soát …", not a reporting rhythm). Kept as written; only what the deadline parser understands as a
 * day, a period or recurring work is taken, so a note in brackets ("(nếu có)", "(công khai ngay sau
 * khi ban hành)") never becomes a deadline.
 */
import { parseDeadline } from "../deadlines";

const LABELLED_DATE =
  /((?:trước|trong|chậm nhất|hoàn thành trong|hoàn thành trước)\s+(?:ngày\s+\d{1,2}[/-]\d{1,2}[/-]\d{4}|tháng\s+\d{1,2}[/-]\d{4}|quý\s+[IV1-4]+[/-]\d{4}|năm\s+\d{4}))/iu;
const LABEL = /(thời gian|thời hạn|hoàn thành|tiến độ)[^.;]{0,80}?/iu;
const RHYTHM = /định kỳ\s+(?:(?:hằng|hàng|mỗi)\s+)?(?:tháng|quý|năm|06 tháng|6 tháng)(?!\p{L})/iu;
const TIMED = new Set(["date", "month", "quarter", "year", "recurring", "milestones"]);

const understoodTimed = (phrase: string) => {
  const d = parseDeadline(phrase);
  return d.kind !== "unknown" && TIMED.has(d.kind);
};

export function proseDeadline(text: string): string | null {
  const labelled = LABEL.exec(text);
  if (labelled) {
    const m = LABELLED_DATE.exec(text.slice(labelled.index));
    if (m) return m[1];
  }
  for (const m of text.matchAll(/\(([^()]{3,120})\)/gu)) {
    const inner = m[1].trim();
    if (/\d{4}|năm|tháng|quý|thường xuyên|liên tục|hằng|hàng/iu.test(inner) && understoodTimed(inner))
      return inner;
  }
  const rhythm = RHYTHM.exec(text);
  if (!rhythm || !understoodTimed(rhythm[0])) return null;
  // "định kỳ hằng quý, 06 tháng … báo cáo UBND tỉnh" is how often to report, not when the work is due.
  const clause = text.slice(rhythm.index + rhythm[0].length).split(/[.;]/u)[0];
  return /báo cáo/iu.test(clause.slice(0, 80)) ? null : rhythm[0];
}
