/**
 * The province's clock, pure: which calendar day and hour it is in a time zone at an instant. Every
 * "today" a person reads (deadlines, overdue, locks, periods, reminders, digests) is a day in the
 * province (DOMAIN.md §6: a report due on the 15th is on time until 23:59 on the 15th, Hanoi time),
 * never the UTC day of `toISOString()`. The server reads the zone from its configuration
 * (`server/src/app/clock.ts`); the web app asks the server's zone through /api/me.
 */
import type { IsoDate } from "../deadlines/deadline.types";

export const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the zone (an IANA name such as "Asia/Ho_Chi_Minh"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

type LocalTime = { day: IsoDate; hour: number; minute: number };
/**
 * The last answer per zone, for its minute: formatting a date in a zone costs more than a page's
 * own work (measured: 8 % of a report open's CPU), and every zone's day and hour change on a
 * minute boundary.
 */
const lastByZone = new Map<string, { minute: number; time: LocalTime }>();

/** The calendar day and the hour and minute in `timeZone` at the instant `at`. */
export function localTimeIn(timeZone: string, at: Date): LocalTime {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastByZone.get(timeZone);
  if (last?.minute === minute) return last.time;
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const time = {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
  lastByZone.set(timeZone, { minute, time });
  return time;
}

/** The calendar day in `timeZone` at the instant `at`. */
export const dayIn = (timeZone: string, at: Date): IsoDate => localTimeIn(timeZone, at).day;

/** How far the wall clock of `timeZone` is ahead of UTC at the instant `at`, in milliseconds. */
function offsetMs(timeZone: string, at: Date): number {
  const { day, hour, minute } = localTimeIn(timeZone, at);
  const wall = Date.parse(`${day}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  return wall - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant at which the clock in `timeZone` shows `hour`:00 on `day` (07:00 in Hanoi is 00:00Z).
 * Measured twice, so a zone whose offset changes overnight (summer time) lands on the right hour.
 */
export function instantIn(timeZone: string, day: IsoDate, hour: number): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000;
  const first = wall - offsetMs(timeZone, new Date(wall));
  return new Date(wall - offsetMs(timeZone, new Date(first)));
}
