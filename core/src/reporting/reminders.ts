/**
 * The reminder schedule of a report: offsets in days from its due date (defaults 7, 3, 1 days before,
 * on the day, and the day after). Pure, so the job's choices can be tested with a fixed clock.
 */
import type { IsoDate } from "../deadlines/deadline.types";
import { addDays } from "./periods";

export const DEFAULT_REMINDER_OFFSETS = [-7, -3, -1, 0, 1] as const;
/** How far back a job that did not run (server down) still sends what it missed. */
export const REMINDER_CATCH_UP_DAYS = 2;

export type ReminderKind = "reminder" | "dueToday" | "overdue";

export const reminderKind = (offset: number): ReminderKind =>
  offset < 0 ? "reminder" : offset === 0 ? "dueToday" : "overdue";

/** The reminders of one report that are due on `today` (within the catch-up window), latest first. */
export function dueReminders({
  due,
  offsets,
  today,
  catchUpDays = REMINDER_CATCH_UP_DAYS,
}: {
  due: IsoDate;
  offsets: readonly number[];
  today: IsoDate;
  catchUpDays?: number;
}): Array<{ offset: number; sendOn: IsoDate; kind: ReminderKind }> {
  const earliest = addDays(today, -catchUpDays);
  return [...new Set(offsets)]
    .map((offset) => ({ offset, sendOn: addDays(due, offset), kind: reminderKind(offset) }))
    .filter((r) => r.sendOn <= today && r.sendOn >= earliest)
    .sort((a, b) => b.offset - a.offset);
}
