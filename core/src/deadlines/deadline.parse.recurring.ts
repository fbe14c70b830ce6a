/**
 * Rules for recurring work: "Thường xuyên", "Báo cáo kết quả hằng tháng", "Định kỳ 6 tháng",
 * "Trong năm 2022 và những năm tiếp theo", "Bắt đầu thực hiện từ tháng 9/2022", "Giai đoạn 2021-2025".
 * They produce a draft whose window bounds stay "not stated" until the whole phrase (including any
 * parenthesis) is read, because only then may the plan's issue date fill the gaps.
 */

import { toIsoDate } from "./deadline.calendar";
import { periodOf } from "./deadline.due";
import { datedEnd } from "./deadline.parse.compound";
import { parseDatedCore } from "./deadline.parse.dated";
import {
  acceptableLabel,
  isUnknown,
  type ParseContext,
  quote,
  resolveYear,
  scanTails,
  unknown,
} from "./deadline.parse.shared";
import { type Prepared, slicePrepared, tidy, trimPrepared } from "./deadline.text";
import type { Frequency, IsoDate, RecurringDeadline, UnknownDeadline } from "./deadline.types";

/** A window bound left undefined was not stated; null was stated as open ("và những năm tiếp theo"). */
export interface Window {
  readonly from?: IsoDate | null;
  readonly until?: IsoDate | null;
}

export interface RecurringDraft {
  readonly kind: "recurringDraft";
  readonly text: string;
  readonly label?: string;
  readonly frequency: Frequency;
  readonly window: Window;
}

function yearRange(first: string, last: string, ctx: ParseContext, text: string): Window | UnknownDeadline {
  const a = resolveYear(first, ctx, text);
  if ("problem" in a) return unknown(text, a.problem);
  const b = resolveYear(last, ctx, text);
  if ("problem" in b) return unknown(text, b.problem);
  if (a.year > b.year) {
    return unknown(text, `Giai đoạn ${a.year}-${b.year} có năm bắt đầu sau năm kết thúc`);
  }
  return { from: toIsoDate(a.year, 1, 1), until: toIsoDate(b.year, 12, 31) };
}

function checkedWindow(w: Window, text: string): Window | UnknownDeadline {
  if (typeof w.from === "string" && typeof w.until === "string" && w.from > w.until) {
    return unknown(text, `Khoảng thời gian ${quote(text)} bắt đầu sau khi kết thúc`);
  }
  return w;
}

/** "Giai đoạn 2021-2025", "Năm 2024 - 2025", "2024-2025", "các năm 2024 đến 2025". */
const PERIOD_RANGE =
  /^(?:trong\s+)?(?:ca\s+)?(?:(?:giai doan|cac nam|nam)\s+)?(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|den|toi)\s*(?:nam\s+)?(\d{4})$/;
const FROM = /^(?:(?:bat dau|thuc hien|trien khai|ap dung)\s+)*(?:ke\s+)?tu\s+(.+)$/;
/** Splits "X đến (hết) Y" with one linear search, not a backtracking pattern: inputs can be long. */
const UNTIL_WORD = /\s(?:den|toi)\s+(?:het\s+)?|\s*,?\s+(?:va\s+)?(?:hoan thanh|ket thuc)\s+(?:truoc\s+)?/;
const UNTIL = /^(?:den|toi)\s+(?:het\s+)?(.+)$/;

function fromUntil(p: Prepared): { start: Prepared; end?: Prepared } | undefined {
  const m = FROM.exec(p.folded);
  if (!m) return undefined;
  // Group 1 runs to the end of the text, so its start is found from its length.
  let rest = slicePrepared(p, p.folded.length - m[1].length);
  const open = /\s+tro di$/.exec(rest.folded);
  if (open) rest = slicePrepared(rest, 0, open.index);
  const cut = UNTIL_WORD.exec(rest.folded);
  if (!cut) return { start: rest };
  return { start: slicePrepared(rest, 0, cut.index), end: slicePrepared(rest, cut.index + cut[0].length) };
}

/**
 * Reads the time window of recurring work: "trong năm 2022", "giai đoạn 2021-2025",
 * "từ 01/03/2024 đến 31/12/2024", "đến 31/12/2024", "từ tháng 9/2022". Undefined: not a window.
 */
export function parseWindow(raw: Prepared, ctx: ParseContext): Window | UnknownDeadline | undefined {
  const p = trimPrepared(raw);
  const text = tidy(p.original);
  const w = tidy(p.folded);
  if (w === "") return undefined;
  const years = PERIOD_RANGE.exec(w);
  if (years) return yearRange(years[1], years[2], ctx, text);

  const range = fromUntil(p);
  if (range) {
    let until: IsoDate | null = null;
    let listYear: number | undefined;
    if (range.end !== undefined) {
      const end = parseDatedCore(range.end, ctx);
      if (end === undefined) return undefined;
      if (isUnknown(end)) return unknown(text, end.problem);
      until = periodOf(end).end;
      listYear = end.kind === "date" ? Number(end.date.slice(0, 4)) : end.year;
    }
    // "từ nay" is the plan's own start: its issue date, unknown when not given.
    if (tidy(range.start.folded) === "nay")
      return checkedWindow({ from: ctx.issued?.iso ?? null, until }, text);
    // "từ tháng 6 đến tháng 12/2023": the start borrows the year written at the end.
    const start = parseDatedCore(range.start, listYear ? { ...ctx, listYear } : ctx);
    if (start === undefined) return undefined;
    if (isUnknown(start)) return unknown(text, start.problem);
    return checkedWindow({ from: periodOf(start).start, until }, text);
  }

  const until = UNTIL.exec(p.folded);
  if (until) {
    const end = parseDatedCore(slicePrepared(p, p.folded.length - until[1].length), ctx);
    if (end === undefined) return undefined;
    if (isUnknown(end)) return unknown(text, end.problem);
    return { until: periodOf(end).end };
  }

  // "trong năm" without a year: this plan's year, or no window when the issue date is unknown.
  if (/^trong\s+nam(?:\s+nay)?$/.test(w)) {
    const y = ctx.issued?.year;
    return y === undefined ? {} : { from: toIsoDate(y, 1, 1), until: toIsoDate(y, 12, 31) };
  }
  const period = parseDatedCore(p, ctx);
  if (period === undefined || isUnknown(period)) return period;
  const { start, end } = periodOf(period);
  return { from: start, until: end };
}

const ITEM = "(?:(?:hang|moi)\\s+)?(?:thang|quy|nam|tuan|ngay|(?:0?6|sau)\\s+thang)";
/** Every way the seeds (and common usage) write a rhythm; "hàng" folds to the same "hang" as "hằng". */
const RHYTHM = new RegExp(
  [
    `dinh ky\\s+${ITEM}(?:\\s*(?:,|va|hoac|/)\\s*${ITEM})*`,
    "(?<!ngan\\s)(?:hang|moi)\\s+(?:(?:0?6|sau)\\s+thang|thang|quy|nam|tuan|ngay)",
    "(?:0?6|sau)\\s+thang\\s+mot\\s+lan",
    "thuong xuyen",
    "lien tuc",
  ]
    .map((alt) => `(?<![a-z0-9])(?:${alt})(?![a-z0-9])`)
    .join("|"),
  "g",
);
/** Same alternatives, without the global flag's shared `lastIndex`, for yes/no questions. */
const HAS_RHYTHM = new RegExp(RHYTHM.source);
const RHYTHM_WORD = /(?:0?6|sau)\s+thang|thuong xuyen|lien tuc|thang|quy|nam|tuan|ngay/g;

/** Most specific first: a stated reporting rhythm says more than "thường xuyên" alone. */
const RANK: Record<Frequency, number> = { monthly: 0, quarterly: 1, halfYearly: 2, yearly: 3, continuous: 4 };

function rhythmOf(word: string): Frequency | "unsupported" {
  if (/thang$/.test(word) && /\d|sau/.test(word)) return "halfYearly";
  switch (word) {
    case "thang":
      return "monthly";
    case "quy":
      return "quarterly";
    case "nam":
      return "yearly";
    case "thuong xuyen":
    case "lien tuc":
      return "continuous";
    default:
      return "unsupported";
  }
}

export function moreSpecific(a: Frequency, b: Frequency): Frequency {
  return RANK[a] <= RANK[b] ? a : b;
}

const NEXT_YEARS =
  /^(?:trong\s+)?(?:(?:ke\s+)?tu\s+)?(?:nam\s+)?(\d{4})\s*,?\s+(?:va\s+)?(?:nhung|cac)\s+nam\s+(?:tiep theo|ke tiep|sau|tiep)$/;

/** Recurring-work rules; undefined when the phrase names no rhythm and no window of work. */
export function parseRecurring(p: Prepared, ctx: ParseContext): RecurringDraft | UnknownDeadline | undefined {
  const text = tidy(p.original);
  const draft = (frequency: Frequency, window: Window, label?: string): RecurringDraft => ({
    kind: "recurringDraft",
    text,
    frequency,
    window,
    ...(label === undefined ? {} : { label }),
  });

  // "Trong năm 2022 và những năm tiếp theo": every year from then on.
  const next = scanTails(p, (tail) => NEXT_YEARS.exec(tidy(tail.folded)) ?? undefined);
  // A rhythm in the label ("Hằng năm từ …") belongs to the rhythm rule, which reads windows too.
  const plainLabel = (labelFolded: string) => acceptableLabel(labelFolded) && !HAS_RHYTHM.test(labelFolded);
  if (next && plainLabel(next.labelFolded)) {
    const y = resolveYear(next.result[1], ctx, text);
    if ("problem" in y) return unknown(text, y.problem);
    return draft("yearly", { from: toIsoDate(y.year, 1, 1), until: null }, next.label);
  }

  // "Giai đoạn 2021-2025": the work of each year of the period; "từ tháng 9/2022": ongoing from then.
  const ranged = scanTails(p, (tail) => {
    const f = tidy(tail.folded);
    return PERIOD_RANGE.test(f) || FROM.test(tail.folded) ? parseWindow(tail, ctx) : undefined;
  });
  if (ranged && plainLabel(ranged.labelFolded)) {
    if (isUnknown(ranged.result)) return ranged.result;
    const yearly = PERIOD_RANGE.test(tidy(p.folded.slice(ranged.labelFolded.length)));
    return draft(yearly ? "yearly" : "continuous", ranged.result, ranged.label);
  }

  return parseRhythm(p, ctx, draft);
}

function parseRhythm(
  p: Prepared,
  ctx: ParseContext,
  draft: (f: Frequency, w: Window, label?: string) => RecurringDraft,
): RecurringDraft | UnknownDeadline | undefined {
  const text = tidy(p.original);
  const matches = [...p.folded.matchAll(RHYTHM)];
  if (matches.length === 0) return undefined;

  let frequency: Frequency | undefined;
  for (const m of matches) {
    for (const w of m[0].matchAll(RHYTHM_WORD)) {
      const r = rhythmOf(w[0].replace(/\s+/g, " "));
      if (r !== "unsupported") frequency = frequency === undefined ? r : moreSpecific(frequency, r);
    }
  }
  if (frequency === undefined) {
    return unknown(
      text,
      `Tần suất trong ${quote(text)} chưa được hỗ trợ (chỉ có: thường xuyên, hằng tháng, hằng quý, 6 tháng, hằng năm)`,
    );
  }

  // The words between rhythms ("Thường xuyên, báo cáo hằng quý") may only be words, not dates.
  for (let i = 1; i < matches.length; i++) {
    const between = p.folded.slice(matches[i - 1].index + matches[i - 1][0].length, matches[i].index);
    if (/\d/.test(between)) return unknown(text, `Không hiểu phần ${quote(between)} trong ${quote(text)}`);
  }

  const first = matches[0];
  const last = matches[matches.length - 1];
  const before = trimPrepared(slicePrepared(p, 0, first.index));
  const after = trimPrepared(slicePrepared(p, last.index + last[0].length));
  let window: Window = {};
  let label: string | undefined;
  for (const [part, isBefore] of [
    [before, true],
    [after, false],
  ] as const) {
    if (part.folded === "") continue;
    const w = parseWindow(part, ctx);
    if (isUnknown(w)) return w;
    const end = w === undefined && !isBefore ? datedEnd(part, ctx) : undefined;
    if (w !== undefined) window = { ...window, ...w };
    // "Hằng quý và trước ngày 15/12/2024": the rhythm runs until the dated end.
    else if (end) window = { ...window, until: periodOf(end).end };
    else if (/\d/.test(part.folded)) return unknown(text, `Không hiểu phần ${quote(part.original)}`);
    else if (isBefore) label = tidy(part.original);
    // Plain words after the rhythm ("hằng quý báo cáo UBND tỉnh") say who or what, not when.
  }
  const checked = checkedWindow(window, text);
  if (isUnknown(checked)) return checked;
  return draft(frequency, checked, label);
}

/**
 * Fills the bounds the phrase left unstated. Without a year, work runs from the plan's issue date to
 * the end of that year (a province plan is a yearly plan); "hằng năm" stays open-ended since a single
 * year would make it a one-off; a stated start with no end stays open.
 */
export function finalizeRecurring(d: RecurringDraft, ctx: ParseContext): RecurringDeadline {
  const issued = ctx.issued;
  let from = d.window.from !== undefined ? d.window.from : (issued?.iso ?? null);
  let until: IsoDate | null;
  if (d.window.until !== undefined) until = d.window.until;
  else if (d.window.from !== undefined || d.frequency === "yearly" || issued === undefined) until = null;
  else until = toIsoDate(issued.year, 12, 31);
  // A default start must not contradict a stated end ("đến 30/6/2023" in a plan issued in August).
  if (d.window.from === undefined && from !== null && until !== null && from > until) from = null;
  return {
    kind: "recurring",
    text: d.text,
    ...(d.label === undefined ? {} : { label: d.label }),
    frequency: d.frequency,
    from,
    until,
  };
}
