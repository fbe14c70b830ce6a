/**
 * Due dates computed from the model. Kept apart from parsing so that the rules ("a month is due on its
 * last day") live in one place and apply equally to parsed and hand-built deadlines.
 */

import { endOfMonth, toIsoDate } from "./deadline.calendar";
import type { DatedDeadline, Deadline, IsoDate } from "./deadline.types";

export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The days a dated deadline covers: a date is a one-day period. */
export function periodOf(d: DatedDeadline): Period {
  switch (d.kind) {
    case "date":
      return { start: d.date, end: d.date };
    case "month":
      return { start: toIsoDate(d.year, d.month, 1), end: endOfMonth(d.year, d.month) };
    case "quarter": {
      const lastMonth = d.quarter * 3;
      return { start: toIsoDate(d.year, lastMonth - 2, 1), end: endOfMonth(d.year, lastMonth) };
    }
    case "year":
      if (d.part === "firstHalf") return { start: toIsoDate(d.year, 1, 1), end: toIsoDate(d.year, 6, 30) };
      if (d.part === "secondHalf") return { start: toIsoDate(d.year, 7, 1), end: toIsoDate(d.year, 12, 31) };
      return { start: toIsoDate(d.year, 1, 1), end: toIsoDate(d.year, 12, 31) };
  }
}

/**
 * The day by which the task must be done, or null when the phrase sets none (open recurring work,
 * another plan's schedule, a condition, or a phrase not understood). A period is due on its last day;
 * milestones on the latest one; recurring work at the end of its window.
 */
export function dueDate(d: Deadline): IsoDate | null {
  switch (d.kind) {
    case "date":
    case "month":
    case "quarter":
    case "year":
      return periodOf(d).end;
    case "recurring":
      return d.until;
    case "milestones": {
      let latest: IsoDate | null = null;
      for (const m of d.milestones) {
        const end = periodOf(m.deadline).end;
        // ISO dates compare correctly as strings.
        if (latest === null || end > latest) latest = end;
      }
      return latest;
    }
    case "followsPlan":
    case "conditional":
    case "unknown":
      return null;
  }
}
