/**
 * The demo's dates, all relative to the province's today: the plan issued some months ago, deadlines
 * written as a plan writes them ("Trước ngày 15/3/2027", "Quý II/2027", "Tháng 01/2027") that fall
 * before and after today, and the reporting periods of the last three months. Pure: today is passed.
 */
import { endOfMonth, toIsoDate } from "../../../../core/src/deadlines/deadline.calendar";
import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import { addDays, periodContaining, shiftPeriod } from "../../../../core/src/reporting/periods";
import { instantIn } from "../../../../core/src/time/clock";
import { now, provinceTimeZone } from "../../app/clock";

const ROMAN = ["I", "II", "III", "IV"];

const ymd = (iso: IsoDate) => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8, 10)),
});

/** The first day of the month `offset` months from `iso`'s. */
function monthStart(iso: IsoDate, offset: number): IsoDate {
  const { year, month } = ymd(iso);
  const index = year * 12 + (month - 1) + offset;
  return toIsoDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

export function demoCalendar(today: IsoDate) {
  const thisMonth = periodContaining("monthly", today);
  return {
    today,
    year: ymd(today).year,
    /** The day `offset` days from today. */
    day: (offset: number) => addDays(today, offset),
    /** The demo plan's issue day: five months ago, on the 20th. */
    planIssued: () => toIsoDate(ymd(monthStart(today, -5)).year, ymd(monthStart(today, -5)).month, 20),
    /** "Trước ngày 15/3/2027": the day `offset` days from today. */
    before(offset: number) {
      const { year, month, day } = ymd(addDays(today, offset));
      return `Trước ngày ${day}/${month}/${year}`;
    },
    /** "Tháng 01/2027": the month `offset` months from this one (due on its last day). */
    month(offset: number) {
      const { year, month } = ymd(monthStart(today, offset));
      return `Tháng ${String(month).padStart(2, "0")}/${year}`;
    },
    /** "Quý II/2027": the quarter `offset` quarters from this one. */
    quarter(offset: number) {
      const { year, month } = ymd(monthStart(today, offset * 3));
      return `Quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
    },
    /** The last day of the month `offset` months from this one. */
    monthEnd(offset: number) {
      const { year, month } = ymd(monthStart(today, offset));
      return endOfMonth(year, month);
    },
    /** The monthly periods opened in the demo: two months ago, last month, this month (oldest first). */
    periods: () => [shiftPeriod(thisMonth, -2), shiftPeriod(thisMonth, -1), thisMonth],
  };
}

export type DemoCalendar = ReturnType<typeof demoCalendar>;

/** An instant on a province day, at an hour of the working day there. */
export const instantOn = (day: IsoDate, hour = 9) => instantIn(provinceTimeZone(), day, hour);

/**
 * An instant on `day` at `hour`, never later than a minute ago: a step replayed "today" happens
 * before the seed runs, never in the future of the real clock.
 */
export function pastInstant(day: IsoDate, hour: number) {
  const wanted = instantOn(day, hour);
  const latest = new Date(now().getTime() - 60_000);
  return wanted < latest ? wanted : latest;
}
