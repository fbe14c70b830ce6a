/**
 * Reporting periods and their due dates. Pure calendar arithmetic on ISO dates (no `Date` time zones):
 * a period is a calendar month, quarter, half-year or year, or an ad hoc window with its own deadline.
 */
import { daysInMonth, endOfMonth, parseIsoDate, toIsoDate } from "../deadlines/deadline.calendar";
import type { IsoDate } from "../deadlines/deadline.types";
import { periodName } from "../words/periods";

export const REPORT_FREQUENCIES = ["monthly", "quarterly", "halfYearly", "yearly", "adHoc"] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];
export type CalendarFrequency = Exclude<ReportFrequency, "adHoc">;

export const REPORT_FREQUENCY_LABELS_VI: Record<ReportFrequency, string> = {
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  halfYearly: "6 tháng",
  yearly: "Hằng năm",
  adHoc: "Đột xuất",
};

/**
 * When a period's report is due: a day of the period's last month ("trước ngày 15 của tháng cuối kỳ",
 * clamped to the month's end), some days after the period ends, or a fixed day (ad hoc requests).
 */
export type DueRule =
  | { kind: "dayOfLastMonth"; day: number }
  | { kind: "daysAfterEnd"; days: number }
  | { kind: "fixedDate"; date: IsoDate };

export interface Period {
  /** "2025-M06", "2025-Q2", "2025-H1", "2025-Y", or "AH" for an ad hoc window */
  key: string;
  frequency: ReportFrequency;
  start: IsoDate;
  end: IsoDate;
}

export interface PeriodDates extends Period {
  opensOn: IsoDate;
  due: IsoDate;
  /** After this day, entry and submission need the coordinator's permission; null: never locked. */
  lockDate: IsoDate | null;
}

const MONTHS: Record<CalendarFrequency, number> = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 };

const pad2 = (n: number) => String(n).padStart(2, "0");

function ymd(iso: IsoDate) {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`Ngày không hợp lệ: ${iso}`);
  return d;
}

/** Days since 1970-01-01 of an ISO date (UTC arithmetic, whole days only). */
const dayNumber = (iso: IsoDate) => {
  const { year, month, day } = ymd(iso);
  return Date.UTC(year, month - 1, day) / 86_400_000;
};
const fromDayNumber = (n: number): IsoDate => new Date(n * 86_400_000).toISOString().slice(0, 10);

export const addDays = (iso: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(iso) + days);
/** Whole days from `a` to `b` (negative when b is before a). */
export const daysBetween = (a: IsoDate, b: IsoDate) => dayNumber(b) - dayNumber(a);

function keyOf(frequency: CalendarFrequency, year: number, firstMonth: number) {
  switch (frequency) {
    case "monthly":
      return `${year}-M${pad2(firstMonth)}`;
    case "quarterly":
      return `${year}-Q${(firstMonth + 2) / 3}`;
    case "halfYearly":
      return `${year}-H${firstMonth === 1 ? 1 : 2}`;
    case "yearly":
      return `${year}-Y`;
  }
}

function periodFrom(frequency: CalendarFrequency, year: number, firstMonth: number): Period {
  const months = MONTHS[frequency];
  return {
    key: keyOf(frequency, year, firstMonth),
    frequency,
    start: toIsoDate(year, firstMonth, 1),
    end: endOfMonth(year, firstMonth + months - 1),
  };
}

/** The calendar period of `frequency` that contains `date`. */
export function periodContaining(frequency: CalendarFrequency, date: IsoDate): Period {
  const { year, month } = ymd(date);
  const months = MONTHS[frequency];
  return periodFrom(frequency, year, Math.floor((month - 1) / months) * months + 1);
}

const KEY_RE = /^(\d{4})-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])|Y)$/;

/** Reads a period key ("2025-M06", "2025-Q2", "2025-H1", "2025-Y"); undefined when malformed. */
export function parsePeriodKey(key: string): Period | undefined {
  const m = KEY_RE.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return undefined;
  if (m[2]) return periodFrom("monthly", year, Number(m[2]));
  if (m[3]) return periodFrom("quarterly", year, (Number(m[3]) - 1) * 3 + 1);
  if (m[4]) return periodFrom("halfYearly", year, m[4] === "1" ? 1 : 7);
  return periodFrom("yearly", year, 1);
}

/** The period after / before a calendar period. */
export function shiftPeriod(period: Period, by: number): Period {
  if (period.frequency === "adHoc") throw new RangeError("Kỳ đột xuất không có kỳ trước, kỳ sau");
  const months = MONTHS[period.frequency];
  const { year, month } = ymd(period.start);
  const index = year * 12 + (month - 1) + by * months;
  return periodFrom(period.frequency, Math.floor(index / 12), (index % 12) + 1);
}

/** The calendar periods of `frequency` that overlap [from, to], in order. */
export function periodsBetween({
  frequency,
  from,
  to,
  limit = 600,
}: {
  frequency: CalendarFrequency;
  from: IsoDate;
  to: IsoDate;
  limit?: number;
}): Period[] {
  const out: Period[] = [];
  let p = periodContaining(frequency, from);
  while (p.start <= to && out.length < limit) {
    out.push(p);
    p = shiftPeriod(p, 1);
  }
  return out;
}

/** The due date of a period under a rule. */
export function dueDateOf(period: Pick<Period, "end">, rule: DueRule): IsoDate {
  switch (rule.kind) {
    case "fixedDate":
      return rule.date;
    case "daysAfterEnd":
      return addDays(period.end, rule.days);
    case "dayOfLastMonth": {
      const { year, month } = ymd(period.end);
      return toIsoDate(year, month, Math.min(Math.max(1, rule.day), daysInMonth(year, month)));
    }
  }
}

/** A period with its opening, due and lock days under an obligation's settings. */
export function periodDates({
  period,
  dueRule,
  openOffsetDays = 0,
  lockAfterDays = null,
}: {
  period: Period;
  dueRule: DueRule;
  /** Days after the period's start the report opens (negative: before it starts). */
  openOffsetDays?: number;
  /** Days after the due date the report locks; null: never. */
  lockAfterDays?: number | null;
}): PeriodDates {
  const due = dueDateOf(period, dueRule);
  return {
    ...period,
    opensOn: addDays(period.start, openOffsetDays),
    due,
    lockDate: lockAfterDays === null ? null : addDays(due, lockAfterDays),
  };
}

/** An ad hoc request's window: its own start and deadline; the period ends on the deadline. */
export function adHocPeriod({ start, due }: { start: IsoDate; due: IsoDate }): Period {
  if (daysBetween(start, due) < 0) throw new RangeError("Hạn báo cáo trước ngày bắt đầu");
  return { key: "AH", frequency: "adHoc", start, end: due };
}

/**
 * Vietnamese label of a period: "Tháng 6/2025", "Quý II/2025", "6 tháng đầu năm 2025", "Năm 2025"; the
 * naming itself lives with the other names in `core/src/words/periods.ts`.
 */
export function periodLabel(period: Period, title?: string | null): string {
  return periodName(period, { title });
}

/** Whether a frequency's period key fits it ("2025-Q2" is quarterly). */
export function keyMatches(frequency: ReportFrequency, key: string): boolean {
  if (frequency === "adHoc") return key === "AH";
  return parsePeriodKey(key)?.frequency === frequency;
}

/**
 * The period a scheduler opens on `today`: the latest one whose opening day has come (so a negative
 * offset opens next month's report before it starts, and an offset past the period's end opens the
 * one just ended); an ad hoc request's window while it lasts. Earlier periods are never opened by the
 * clock: a plan issued in June does not fill January to May with late reports (those are opened by
 * hand). Null when nothing is open yet.
 */
export function periodToOpen({
  frequency,
  today,
  openOffsetDays = 0,
  adHoc = null,
}: {
  frequency: ReportFrequency;
  today: IsoDate;
  openOffsetDays?: number;
  adHoc?: { start: IsoDate; due: IsoDate } | null;
}): Period | null {
  if (frequency === "adHoc") {
    if (!adHoc || daysBetween(adHoc.start, adHoc.due) < 0) return null;
    const open = daysBetween(adHoc.start, today) >= 0 && daysBetween(today, adHoc.due) >= 0;
    return open ? adHocPeriod(adHoc) : null;
  }
  const current = periodContaining(frequency, today);
  const opened = [shiftPeriod(current, 1), current, shiftPeriod(current, -1)].filter(
    (p) => daysBetween(addDays(p.start, openOffsetDays), today) >= 0,
  );
  return opened[0] ?? null;
}
