/**
 * Vietnamese wording of a deadline, in the administrative style of the plans (dd/mm/yyyy, Roman
 * quarters). The wording is chosen so that parsing it again gives the same deadline: the interface can
 * show and store normalised phrases without losing meaning.
 */

import { formatVietnameseDate } from "./deadline.calendar";
import type { DatedDeadline, Deadline, Frequency, Milestone, RecurringDeadline } from "./deadline.types";

const ROMAN = ["", "I", "II", "III", "IV"];
const pad2 = (n: number): string => String(n).padStart(2, "0");

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The deadline words alone; `inSentence` gives the form that follows a name ("… trong tháng 06/2023"). */
function datedWords(d: DatedDeadline, inSentence: boolean): string {
  switch (d.kind) {
    case "date":
      return `Trước ngày ${formatVietnameseDate(d.date)}`;
    case "month":
      return `${inSentence ? "Trong tháng" : "Tháng"} ${pad2(d.month)}/${d.year}`;
    case "quarter":
      return `${inSentence ? "Trong quý" : "Quý"} ${ROMAN[d.quarter]}/${d.year}`;
    case "year":
      if (d.part === "firstHalf") return `${inSentence ? "Trong 6" : "6"} tháng đầu năm ${d.year}`;
      if (d.part === "secondHalf") return `${inSentence ? "Trong 6" : "6"} tháng cuối năm ${d.year}`;
      return `${inSentence ? "Trong năm" : "Năm"} ${d.year}`;
  }
}

/** The rhythm of recurring work in words ("Hằng tháng"): the deadline's words and the report form's. */
export const RHYTHM_WORDS: Record<Frequency, string> = {
  continuous: "Thường xuyên",
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  halfYearly: "Định kỳ 6 tháng",
  yearly: "Hằng năm",
};

function yearOf(iso: string): string {
  return iso.slice(0, 4);
}

function recurringWords(d: RecurringDeadline): string {
  const rhythm = RHYTHM_WORDS[d.frequency];
  const head = d.label ? `${d.label} ${lowerFirst(rhythm)}` : rhythm;
  const { from, until } = d;
  const wholeYears = from?.endsWith("-01-01") && until?.endsWith("-12-31");
  if (wholeYears && from && until && yearOf(from) === yearOf(until))
    return `${head} trong năm ${yearOf(from)}`;
  // "Giai đoạn 2021-2025" is read back as yearly work, so only yearly work is written that way.
  if (wholeYears && from && until && d.frequency === "yearly" && !d.label) {
    return `Giai đoạn ${yearOf(from)}-${yearOf(until)}`;
  }
  if (from && until) return `${head} (từ ${formatVietnameseDate(from)} đến ${formatVietnameseDate(until)})`;
  if (from) return `${head} (từ ${formatVietnameseDate(from)})`;
  if (until) return `${head} (đến ${formatVietnameseDate(until)})`;
  return head;
}

function milestoneWords(m: Milestone): string {
  const words = datedWords(m.deadline, m.named);
  return m.named ? `${m.label}: ${lowerFirst(words)}` : words;
}

export function renderDeadline(d: Deadline): string {
  switch (d.kind) {
    case "date":
    case "month":
    case "quarter":
    case "year":
      return d.label ? `${d.label} ${lowerFirst(datedWords(d, true))}` : datedWords(d, false);
    case "recurring":
      return recurringWords(d);
    case "milestones":
      return d.milestones.map(milestoneWords).join("; ");
    case "followsPlan":
      return d.label ? `${d.label} theo ${d.reference}` : `Theo ${d.reference}`;
    case "conditional":
      return d.label ? `${d.label} sau khi ${d.condition}` : `Sau khi ${d.condition}`;
    case "unknown":
      // Shown as written, so a person sees exactly what the plan says.
      return d.text.trim() === "" ? "Chưa xác định" : d.text.trim();
  }
}
