/**
 * What happened to each piece of work in the demo, decided once and replayed through the real write
 * paths: a unit's final statement on an assignment (progress, completion day) and what it stated at
 * the end of each earlier month; a unit's conduct in each reporting period. Choices are drawn from a
 * hash of stable names, so two fresh seeds on the same day tell the same story. Pure.
 */
import type { IsoDate } from "../../../../core/src/deadlines/deadline.types";
import { addDays, daysBetween } from "../../../../core/src/reporting/periods";

/** A number in [0, 1) drawn from `key` (FNV-1a): the same key, the same draw. */
export function draw(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

export interface Statement {
  progress: number;
  completedAt: IsoDate | null;
}

const roundTo5 = (n: number) => Math.round(n / 5) * 5;
const maxDay = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDay = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * A unit's final statement on one assignment, by where its due day falls: work due in the past is
 * mostly done on time, some late, some still overdue; work due later is mostly under way, some not
 * started, a little done early; recurring or undated work is under way or not started.
 */
export function finalStatement({
  key,
  due,
  recurring,
  issued,
  today,
}: {
  key: string;
  due: IsoDate | null;
  recurring: boolean;
  issued: IsoDate;
  today: IsoDate;
}): Statement {
  const roll = draw(key);
  const amount = draw(`${key}#amount`);
  const underWay = (low: number) => ({ progress: roundTo5(low + amount * (90 - low)), completedAt: null });
  if (recurring || !due) return roll < 0.15 ? { progress: 0, completedAt: null } : underWay(15);
  if (due < today) {
    if (roll < 0.55)
      return { progress: 100, completedAt: maxDay(issued, addDays(due, -Math.floor(amount * 30))) };
    if (roll < 0.78)
      return { progress: 100, completedAt: minDay(today, addDays(due, 1 + Math.floor(amount * 25))) };
    return underWay(30);
  }
  if (roll < 0.14)
    return { progress: 100, completedAt: maxDay(issued, addDays(today, -1 - Math.floor(amount * 40))) };
  if (roll < 0.3) return { progress: 0, completedAt: null };
  return underWay(10);
}

/**
 * What the unit had stated by `day` on the way to its final statement. Units state progress when
 * something moves, not every month (and every statement is a write with its roll-up): from half way
 * between the plan's issue and today, work under way stands at its final figure and work finished
 * later at half; finished work from its completion day on.
 */
export function statementBy(final: Statement, day: IsoDate, issued: IsoDate, today: IsoDate): Statement {
  if (final.completedAt && final.completedAt <= day) return final;
  if (daysBetween(issued, day) * 2 < daysBetween(issued, today)) return { progress: 0, completedAt: null };
  return final.completedAt ? { progress: 50, completedAt: null } : final;
}

/** How a unit conducts its report of one period, drawn by period age: older periods are settled. */
export type Conduct =
  | "accepted"
  | "acceptedLate"
  | "returnedThenAccepted"
  | "submitted"
  | "submittedLate"
  | "returned"
  | "resubmitted"
  | "pendingApproval"
  | "draft";

/** `age` 2: two months ago (settled); 1: last month (under review); 0: this month (being written). */
export function conductOf(key: string, age: number): Conduct {
  const roll = draw(key);
  if (age >= 2) {
    if (roll < 0.62) return "accepted";
    if (roll < 0.76) return "acceptedLate";
    if (roll < 0.86) return "returnedThenAccepted";
    if (roll < 0.9) return "submittedLate";
    return "draft";
  }
  if (age === 1) {
    if (roll < 0.3) return "accepted";
    if (roll < 0.55) return "submitted";
    if (roll < 0.63) return "returned";
    if (roll < 0.68) return "resubmitted";
    if (roll < 0.75) return "pendingApproval";
    if (roll < 0.85) return "submittedLate";
    return "draft";
  }
  return roll < 0.06 ? "submitted" : "draft";
}
