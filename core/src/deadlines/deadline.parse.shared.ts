/**
 * Pieces shared by the parser's rule files: the parsing context, year resolution, problems, labels and
 * the word-start scan that lets every rule accept a label before the deadline words.
 */

import { MAX_YEAR, MIN_YEAR, type Ymd } from "./deadline.calendar";
import { type Prepared, slicePrepared, tidy } from "./deadline.text";
import type { Deadline, UnknownDeadline } from "./deadline.types";

export interface ParseContext {
  /** The plan's issue date, when given and valid. */
  readonly issued?: Ymd & { readonly iso: string };
  /** A year written once for a whole list ("tháng 6 và tháng 12/2023"), lent to the items without one. */
  readonly listYear?: number;
}

const NOT_UNDERSTOOD = "Không hiểu được thời hạn";

/** The problem of a phrase no rule recognised (as opposed to one recognised but wrong, like 31/02). */
export function notUnderstood(text: string): UnknownDeadline {
  return unknown(text, `${NOT_UNDERSTOOD} ${quote(text)}; cần người kiểm tra`);
}

export function isNotUnderstood(d: UnknownDeadline): boolean {
  return d.problem.startsWith(NOT_UNDERSTOOD);
}

export function unknown(text: string, problem: string): UnknownDeadline {
  return { kind: "unknown", text, problem };
}

export function isUnknown(d: object | undefined): d is UnknownDeadline {
  return d !== undefined && "kind" in d && d.kind === "unknown";
}

/** Quotes user words inside a problem message, shortened so a message stays readable. */
export function quote(words: string): string {
  const t = tidy(words);
  return `“${t.length > 80 ? `${t.slice(0, 77)}…` : t}”`;
}

export type YearResult = { readonly year: number } | { readonly problem: string };

/**
 * Turns the year as written (4 digits, 2 digits or missing) into a full year. Short and missing years
 * borrow from the list's year or the plan's issue year; without either the phrase cannot be understood,
 * and saying so beats guessing the current year.
 */
export function resolveYear(written: string | undefined, ctx: ParseContext, phrase: string): YearResult {
  const base = ctx.listYear ?? ctx.issued?.year;
  if (written === undefined) {
    if (base === undefined) {
      return { problem: `Thiếu năm trong ${quote(phrase)}; cần ngày ban hành kế hoạch để biết năm nào` };
    }
    return { year: base };
  }
  const n = Number(written);
  if (written.length <= 2) {
    if (base === undefined) {
      return {
        problem: `Năm viết tắt “${written}” trong ${quote(phrase)} cần ngày ban hành kế hoạch để hiểu`,
      };
    }
    return { year: Math.floor(base / 100) * 100 + n };
  }
  if (n < MIN_YEAR || n > MAX_YEAR) return { problem: `Năm ${written} trong ${quote(phrase)} không hợp lý` };
  return { year: n };
}

const LABEL_MAX_LENGTH = 160;

/**
 * Words that, ending a label, change what the deadline means ("sau ngày 15/6" is not "by 15/6",
 * "từ ngày" starts a window): the deadline rules must not swallow them as a mere label.
 */
const MEANING_CHANGERS = new Set([
  "sau",
  "tu",
  "ke",
  "khong",
  "chua",
  "ngoai",
  "truoc",
  "giua",
  "dau",
  "cuoi",
]);

/**
 * Checks the words before a deadline. A label with digits means the rule matched only the tail of a
 * longer phrase whose start it did not understand ("giải ngân 100% … năm 2023"), so the rule must not
 * apply.
 */
export function acceptableLabel(labelFolded: string): boolean {
  const t = tidy(labelFolded);
  if (t === "") return true;
  if (/\d/.test(t) || t.length > LABEL_MAX_LENGTH) return false;
  // Roman quarter numbers are numbers too: "quý I, II năm 2023" is a list, not "năm 2023" with a label.
  if (/(?:^|\s)quy\s+[ivx]+(?:$|[\s,])/.test(t)) return false;
  const words = t.split(" ");
  return !MEANING_CHANGERS.has(words[words.length - 1]);
}

/** Indices where a word starts in the folded text (a label may end just before any of them). */
export function wordStarts(folded: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const prev = i === 0 ? " " : folded[i - 1];
    if (/[\s,:;(]/.test(prev) && !/\s/.test(folded[i])) starts.push(i);
  }
  return starts;
}

/** Label (original words, tidied) of the text before `index`, or undefined when there is none. */
export function labelBefore(p: Prepared, index: number): string | undefined {
  const label = tidy(p.original.slice(0, index));
  return label === "" ? undefined : label;
}

/**
 * Tries `rule` on each tail of the phrase that starts at a word, longest tail first, and returns the
 * first result with the label before it. The first tail that the rule recognises decides: a shorter
 * tail would only push more unexplained words into the label.
 */
export function scanTails<T extends object>(
  p: Prepared,
  rule: (tail: Prepared) => T | undefined,
): { result: T; label?: string; labelFolded: string } | undefined {
  for (const start of wordStarts(p.folded)) {
    const result = rule(slicePrepared(p, start));
    if (result !== undefined) {
      return { result, label: labelBefore(p, start), labelFolded: p.folded.slice(0, start) };
    }
  }
  return undefined;
}

export function withLabel<T extends Exclude<Deadline, UnknownDeadline>>(d: T, label: string | undefined): T {
  return label === undefined ? d : { ...d, label };
}
