/**
 * Calendar arithmetic on plain year/month/day numbers. Deliberately not `Date`: deadlines are whole days
 * in the province's calendar, and `Date` would drag in time zones and silently roll 31/02 into March.
 */

import type { IsoDate } from "./deadline.types";

/** Years outside this range are typing errors in a governance plan, not deadlines. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Reads a strict "YYYY-MM-DD" that exists in the calendar; anything else gives undefined. */
export function parseIsoDate(iso: unknown): Ymd | undefined {
  if (typeof iso !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { year, month, day } : undefined;
}

export function endOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** Vietnamese display order dd/mm/yyyy, as DOMAIN.md §3 requires. */
export function formatVietnameseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** "31/02/2023" even when the numbers do not form a real date, for error messages. */
export function formatDayNumbers(day: number, month: number, year?: number): string {
  return year === undefined ? `${pad2(day)}/${pad2(month)}` : `${pad2(day)}/${pad2(month)}/${year}`;
}

export function monthLabel(month: number, year?: number): string {
  return year === undefined ? pad2(month) : `${pad2(month)}/${year}`;
}
