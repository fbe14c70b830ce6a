/**
 * The plan's reporting rule, read from its implementation or reporting section: how often
 * ("định kỳ hằng quý, 06 tháng, năm"), to whom ("báo cáo UBND tỉnh", "gửi Sở Nội vụ và Sở Tài chính"),
 * through whom ("(qua Sở Nội vụ)") and by when ("trước ngày 15 của tháng cuối quý"). A sentence about
 * reports inside a task ("Báo cáo kết quả hằng tháng" in a task cell) is that task's, not the plan's
 * rule: the caller reads only the sections a rule lives in.
 */
import { foldForMatch, foldVietnamese } from "../text/vietnamese";
import type { ExtractedPlan, ExtractedReporting, UnitRef } from "./model";
import { isUnitStart, splitUnitCell, unitPhraseAt } from "./units";

/** Patterns on folded text (ASCII, punctuation kept for ", năm,"), so word boundaries are safe here. */
const REPORTING_FREQ: ReadonlyArray<readonly [RegExp, NonNullable<ExtractedReporting["frequency"]>]> = [
  [/\b(hang|moi|dinh ky) thang\b|\bhang thang\b/, "monthly"],
  // "theo quý", not "theo quy định".
  [/\b(hang|moi|dinh ky|theo) quy\b(?! dinh)/, "quarterly"],
  [/\b(0?6|sau) thang\b/, "halfYearly"],
  [/\b(hang|moi|dinh ky|cuoi) nam\b|, nam\b/, "yearly"],
  [/\bdot xuat\b/, "adHoc"],
];

const NEAR =
  /dinh ky[^.;]{0,80}bao cao|bao cao[^.;]{0,40}(hang|moi|dinh ky) (thang|quy|nam)|(hang|moi) (thang|quy|nam)[^.;]{0,60}bao cao|bao cao dot xuat|che do bao cao/;

/** A numbered item that is only the reporting rule ("b) Định kỳ hằng quý … báo cáo UBND tỉnh"): not a task. */
export function isReportingOnly(text: string): boolean {
  const t = text.trim();
  return /^(?:định kỳ|hằng|hàng)(?!\p{L})[^.]*báo cáo|^báo cáo(?!\p{L})/iu.test(t) && !/chủ trì/iu.test(t);
}

/** Words that end the receiver's name in a reporting sentence ("báo cáo UBND tỉnh kết quả thực hiện"). */
const RECEIVER_END =
  /\s+(?:kết quả|tình hình|để|về việc|định kỳ|thông qua|trước ngày|chậm nhất|theo)(?!\p{L}).*$/iu;
const RECEIVER_CUE = /(?:^|[\s,;(])(?:gửi(?:\s+về)?|báo cáo|cho|về|lên)\s+/giu;

/** Who the reports go to: "gửi Sở Nội vụ và Sở Tài chính", "báo cáo UBND tỉnh (qua …)". */
function receiversIn(sentence: string): string[] {
  // "(qua Sở Nội vụ)" names the relay, read apart.
  const plain = sentence.replace(/\(qua\s+[^)]*\)/giu, " ");
  const out: string[] = [];
  for (let m = RECEIVER_CUE.exec(plain); m; m = RECEIVER_CUE.exec(plain)) {
    const rest = plain.slice(m.index + m[0].length);
    if (!isUnitStart(rest)) continue;
    const phrase = unitPhraseAt(rest)?.replace(RECEIVER_END, "");
    if (!phrase) continue;
    for (const n of splitUnitCell(phrase)) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** "trước ngày 15 của tháng cuối kỳ/quý", "trước ngày 20 hằng tháng": the day of the period's last month. */
function dueDayOf(rule: string | null): number | null {
  if (!rule) return null;
  const m = /ngày\s+(\d{1,2})(?!\s*[/.-]\s*\d)/iu.exec(rule);
  const day = m ? Number(m[1]) : Number.NaN;
  return day >= 1 && day <= 31 ? day : null;
}

export function readReporting(
  text: string,
  source: string,
  plan: ExtractedPlan,
  resolveUnits: (names: string[], requested?: boolean) => UnitRef[],
) {
  for (const sentence of text.split(/(?<=[.;])\s+(?=\p{Lu})/u)) {
    const f = foldForMatch(sentence);
    if (!NEAR.test(f)) continue;
    const withCommas = foldVietnamese(sentence);
    const frequencies = REPORTING_FREQ.filter(([re]) => re.test(withCommas)).map(([, k]) => k);
    const viaMatch = /\(qua\s+([^)]+)\)|(?:^|\s)qua\s+((?:Sở|Văn phòng|Ban|Phòng)[^,.;()]+)/u.exec(sentence);
    const via = viaMatch ? resolveUnits(splitUnitCell(viaMatch[1] ?? viaMatch[2])) : [];
    const receivers = resolveUnits(receiversIn(sentence));
    const due =
      /\(((?:trước|chậm nhất(?: vào)?) ngày[^)]*)\)|(?:^|\s)((?:trước|chậm nhất(?: vào)?) ngày \d{1,2}(?:[^.;()]{0,60}))/iu.exec(
        sentence,
      );
    const dueRule = due ? (due[1] ?? due[2]).trim() : null;
    const r: ExtractedReporting = {
      text: sentence.trim(),
      frequency: frequencies[0] ?? null,
      frequencies,
      receivers,
      via,
      dueRule,
      dueDay: dueDayOf(dueRule),
      source,
      confidence: frequencies.length ? 0.8 : 0.5,
      flags: [],
    };
    if (!frequencies.length) r.flags.push("Không rõ kỳ báo cáo; cần chọn tháng, quý, 6 tháng hoặc năm.");
    if (!receivers.length && !via.length) r.flags.push("Không rõ báo cáo gửi cơ quan nào; cần chọn.");
    for (const v of [...receivers, ...via])
      if (!v.unit) r.flags.push(`Không tìm thấy "${v.text}" trong danh mục đơn vị.`);
    plan.reporting.push(r);
  }
}
