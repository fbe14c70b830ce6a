/**
 * Rules for deadlines that name one day or period: "Trước ngày 15/6/2023", "Tháng 9/2022",
 * "Quý III/2023", "6 tháng đầu năm 2023", "Trong năm 2022", and lists of them as milestones.
 */

import { formatDayNumbers, isValidDay, monthLabel, toIsoDate } from "./deadline.calendar";
import {
  acceptableLabel,
  isUnknown,
  type ParseContext,
  quote,
  resolveYear,
  scanTails,
  unknown,
  withLabel,
} from "./deadline.parse.shared";
import { type Prepared, slicePrepared, tidy, trimPrepared } from "./deadline.text";
import type { DatedDeadline, Milestone, MilestonesDeadline, UnknownDeadline } from "./deadline.types";

type DatedResult = DatedDeadline | UnknownDeadline;

/** Words before the deadline that do not change it: "trước ngày", "trong tháng", "chậm nhất", "đến hết". */
const LEADING =
  /^((?:(?:truoc|trong|vao|den|het|toi|han chot|han|cham nhat|khong muon hon|khong qua)\s*:?\s+)*)/;

const YEAR = "(\\d{4}|\\d{2})";
const SEP = "\\s*[/.\\-]\\s*";
const YEAR_SUFFIX = `(?:\\s*,?\\s*(?:nam\\s+|[/.\\-]\\s*)${YEAR})?`;

const DAY_MONTH_YEAR = new RegExp(`^(?:ngay\\s+)?(\\d{1,2})${SEP}(\\d{1,2})${SEP}${YEAR}$`);
const DAY_MONTH = new RegExp(`^(?:ngay\\s+)?(\\d{1,2})${SEP}(\\d{1,2})$`);
const DATE_IN_WORDS = new RegExp(`^ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})${YEAR_SUFFIX}$`);
const MONTH = new RegExp(`^(?:(cuoi)\\s+)?thang\\s+(\\d{1,2})${YEAR_SUFFIX}$`);
const MONTH_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const QUARTER = new RegExp(`^(?:(cuoi)\\s+)?quy\\s+([ivx]+|\\d{1,2})${YEAR_SUFFIX}$`);
const HALF = new RegExp(`^(?:(?:0?6|sau)\\s+thang|nua)\\s+(dau|cuoi)\\s+nam(?:\\s+${YEAR})?$`);
const YEAR_ONLY = new RegExp(`^(?:(cuoi|dau)\\s+)?nam(?:\\s+${YEAR})?$`);
const BARE_YEAR = /^(\d{4})$/;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Reads "III", "3" and also recognises nonsense like "V" or "7" so it can be reported. */
function quarterNumber(written: string): number | undefined {
  if (/^\d+$/.test(written)) return Number(written);
  return ROMAN[written] ?? (/^[ivx]+$/.test(written) ? 0 : undefined);
}

/**
 * Parses a phrase that is only a dated deadline (no label): the rules are anchored at both ends so that
 * a partial match never passes for understanding. Undefined means "not this kind of phrase"; an unknown
 * deadline means "this kind, but wrong" (31/02, quarter V, missing year).
 */
export function parseDatedCore(p: Prepared, ctx: ParseContext): DatedResult | undefined {
  const text = tidy(p.original);
  const leading = LEADING.exec(p.folded)?.[1] ?? "";
  const before = /(?:^|\s)truoc\s/.test(leading);
  const c = p.folded.slice(leading.length).replace(/\s+/g, " ").trim();
  if (c === "") return undefined;

  const date = (day: string, month: string, written: string | undefined): DatedResult => {
    const y = resolveYear(written, ctx, text);
    if ("problem" in y) return unknown(text, y.problem);
    const [d, m] = [Number(day), Number(month)];
    if (!isValidDay(y.year, m, d)) {
      const why = m < 1 || m > 12 ? ` (không có tháng ${m})` : "";
      return unknown(text, `Ngày ${formatDayNumbers(d, m, y.year)} không tồn tại${why}`);
    }
    return { kind: "date", text, date: toIsoDate(y.year, m, d) };
  };

  let m = DAY_MONTH_YEAR.exec(c) ?? DATE_IN_WORDS.exec(c);
  if (m) return date(m[1], m[2], m[3]);
  m = DAY_MONTH.exec(c);
  if (m) return date(m[1], m[2], undefined);

  // "Trước tháng 6/2023" may mean before June starts or before it ends: flag it rather than pick one.
  const periodBefore = (endOfPeriod: boolean, what: string): UnknownDeadline | undefined =>
    before && !endOfPeriod
      ? unknown(text, `Không rõ ${quote(text)} là trước khi ${what} bắt đầu hay trước khi kết thúc`)
      : undefined;

  m = MONTH.exec(c) ?? MONTH_YEAR.exec(c);
  if (m) {
    const isMonthWord = m.length === 4;
    const [end, monthWritten, yearWritten] = isMonthWord ? [m[1], m[2], m[3]] : [undefined, m[1], m[2]];
    const y = resolveYear(yearWritten, ctx, text);
    if ("problem" in y) return unknown(text, y.problem);
    const month = Number(monthWritten);
    if (month < 1 || month > 12) return unknown(text, `Tháng ${monthLabel(month, y.year)} không tồn tại`);
    return periodBefore(end !== undefined, "tháng") ?? { kind: "month", text, year: y.year, month };
  }

  m = QUARTER.exec(c);
  if (m) {
    const q = quarterNumber(m[2]);
    if (q === undefined) return undefined;
    const y = resolveYear(m[3], ctx, text);
    if ("problem" in y) return unknown(text, y.problem);
    if (q < 1 || q > 4) return unknown(text, `Quý ${m[2].toUpperCase()}/${y.year} không tồn tại`);
    return (
      periodBefore(m[1] !== undefined, "quý") ?? {
        kind: "quarter",
        text,
        year: y.year,
        quarter: q as 1 | 2 | 3 | 4,
      }
    );
  }

  m = HALF.exec(c);
  if (m) {
    const y = resolveYear(m[2], ctx, text);
    if ("problem" in y) return unknown(text, y.problem);
    const part = m[1] === "dau" ? "firstHalf" : "secondHalf";
    return periodBefore(false, "nửa năm") ?? { kind: "year", text, year: y.year, part };
  }

  m = YEAR_ONLY.exec(c) ?? BARE_YEAR.exec(c);
  if (m) {
    const [edge, written] = m.length === 3 ? [m[1], m[2]] : [undefined, m[1]];
    const y = resolveYear(written, ctx, text);
    if ("problem" in y) return unknown(text, y.problem);
    // "Đầu năm" is read as the first quarter: the usual meaning in plans, and it keeps a due date.
    if (edge === "dau") return { kind: "quarter", text, year: y.year, quarter: 1 };
    return periodBefore(edge === "cuoi", "năm") ?? { kind: "year", text, year: y.year, part: "whole" };
  }
  return undefined;
}

/** A dated deadline with optional words before it: "Kế hoạch ban hành trước 15/9/2022". */
export function parseLabelledDated(p: Prepared, ctx: ParseContext): DatedResult | undefined {
  const found = scanTails(p, (tail) => parseDatedCore(tail, ctx));
  if (found === undefined) return undefined;
  if (isUnknown(found.result)) return found.result;
  if (!acceptableLabel(found.labelFolded)) return undefined;
  return withLabel(found.result, found.label);
}

const LIST_SEPARATOR = /\s*(?:,|&|\bva\b|\bhoac\b)\s*/g;

function splitList(p: Prepared): Prepared[] {
  const items: Prepared[] = [];
  let last = 0;
  for (const m of p.folded.matchAll(LIST_SEPARATOR)) {
    items.push(trimPrepared(slicePrepared(p, last, m.index)));
    last = m.index + m[0].length;
  }
  items.push(trimPrepared(slicePrepared(p, last)));
  return items.filter((i) => i.folded !== "");
}

/**
 * "Tháng 06/2023 và Tháng 12/2023", "quý I, II/2023", "tháng 6 và tháng 12/2023": several dated items in
 * one phrase become milestones. The year written at the end is lent to items without one, and a bare
 * number after "quý"/"tháng" items ("II/2023") inherits the unit word.
 */
export function parseDatedList(
  p: Prepared,
  ctx: ParseContext,
): MilestonesDeadline | UnknownDeadline | undefined {
  const items = splitList(p);
  if (items.length < 2) return undefined;
  const listYear = /(\d{4})\s*$/.exec(items[items.length - 1].folded)?.[1];
  const itemCtx: ParseContext = listYear === undefined ? ctx : { ...ctx, listYear: Number(listYear) };
  const milestones: Milestone[] = [];
  let unit: { folded: string; original: string } | undefined;
  for (const raw of items) {
    let item = raw;
    const unitWord = /(?:^|\s)(quy|thang)\s+(?:[ivx]+|\d)/.exec(item.folded);
    if (unitWord) {
      const at = unitWord.index + unitWord[0].indexOf(unitWord[1]);
      unit = { folded: unitWord[1], original: item.original.slice(at, at + unitWord[1].length) };
    } else if (unit && /^([ivx]+|\d{1,2})\b/.test(item.folded)) {
      item = { folded: `${unit.folded} ${item.folded}`, original: `${unit.original} ${item.original}` };
    }
    const d = parseLabelledDated(item, itemCtx);
    if (d === undefined) return undefined;
    if (isUnknown(d)) return d;
    // The name moves to the milestone; the deadline keeps only its own words.
    const { label, ...deadline } = d;
    milestones.push(
      label === undefined
        ? { label: tidy(item.original), named: false, deadline }
        : { label, named: true, deadline },
    );
  }
  return { kind: "milestones", text: tidy(p.original), milestones };
}
