/**
 * Task status per assigned unit, as the Government's task-tracking practice classes it: not started,
 * in progress within the deadline, overdue, completed on time, completed late. Recurring work is judged
 * per reporting period. Pure: the caller passes "today", so tests fix the clock.
 */
import { endOfMonth, toIsoDate } from "../deadlines/deadline.calendar";
import { dueDate as deadlineDue } from "../deadlines/deadline.due";
import type { Deadline, Frequency, IsoDate, RecurringDeadline } from "../deadlines/deadline.types";
import { addDays } from "../reporting/periods";

export const ASSIGNMENT_STATUSES = [
  "notStarted",
  "inProgress",
  "overdue",
  "completedOnTime",
  "completedLate",
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS_VI: Record<AssignmentStatus, string> = {
  notStarted: "Chưa thực hiện",
  inProgress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn",
  completedOnTime: "Hoàn thành đúng hạn",
  completedLate: "Hoàn thành quá hạn",
};

export interface ProgressFacts {
  /** The day by which the work is due; null when the deadline sets none. */
  due: IsoDate | null;
  /** The day the unit reported the work done; null while it is not. */
  completedAt: IsoDate | null;
  /** 0-100 */
  progress: number;
}

/** Classifies one-off work (or one period of recurring work) on `today`. */
export function classifyStatus({ due, completedAt, progress, today }: ProgressFacts & { today: IsoDate }) {
  if (completedAt)
    return (due && completedAt > due ? "completedLate" : "completedOnTime") as AssignmentStatus;
  if (due && today > due) return "overdue" as AssignmentStatus;
  return (progress > 0 ? "inProgress" : "notStarted") as AssignmentStatus;
}

/** What a unit states about its work (progress, completion day) and what the plan says (due, recurring). */
export interface WorkFacts {
  /** The assignment's due day (a recurring task's: the end of its window); null when none. */
  due: IsoDate | null;
  /** Recurring work ("Thường xuyên", "hằng tháng") is judged per reporting period. */
  recurring: boolean;
  completedAt: IsoDate | null;
  progress: number;
}

/**
 * The day a report's entry is judged on: today while its period runs, and once the period is over,
 * the day after it ends. An entry states the work as of its period: a task due inside the period and
 * not finished by its end is overdue in that period; one due after it is still in progress there.
 */
export function judgementDay(today: IsoDate, periodEnd: IsoDate): IsoDate {
  const after = addDays(periodEnd, 1);
  return after < today ? after : today;
}

/** What a period's entry is due by: recurring work by the period's end (or its window's end, if sooner). */
export function periodDue(f: Pick<WorkFacts, "due" | "recurring">, periodEnd: IsoDate): IsoDate | null {
  if (!f.recurring) return f.due;
  return f.due && f.due < periodEnd ? f.due : periodEnd;
}

/**
 * THE status rule: the class of a unit's work on one task, never typed by a person. Every screen,
 * document and export uses it, and the SQL of lists and aggregates mirrors it in one place
 * (`server/src/features/plans/views/status.sql.ts`, tested against this function).
 * Without `periodEnd`: the work as a whole, today. With it: the work as one report's entry states it.
 */
export function workStatus(f: WorkFacts & { today: IsoDate; periodEnd?: IsoDate | null }): AssignmentStatus {
  if (!f.periodEnd) return classifyStatus(f);
  return classifyStatus({
    due: periodDue(f, f.periodEnd),
    completedAt: f.completedAt,
    progress: f.progress,
    today: judgementDay(f.today, f.periodEnd),
  });
}

export interface ReportingPeriod {
  /** "2023-M06", "2023-Q3", "2023-H1", "2023" */
  key: string;
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
}

const MONTHS_PER: Record<Exclude<Frequency, "continuous">, number> = {
  monthly: 1,
  quarterly: 3,
  halfYearly: 6,
  yearly: 12,
};

function keyOf(year: number, firstMonth: number, months: number) {
  if (months === 1) return `${year}-M${String(firstMonth).padStart(2, "0")}`;
  if (months === 3) return `${year}-Q${(firstMonth + 2) / 3}`;
  if (months === 6) return `${year}-H${firstMonth === 1 ? 1 : 2}`;
  return String(year);
}

/**
 * The reporting periods of recurring work inside its window. "Thường xuyên" has no rhythm of its own:
 * it is judged at the plan's reporting rhythm (`continuousAs`, quarterly by default as seed 003 IV.1.b).
 * `dueDay` sets the due day inside the period's last month ("trước ngày 15 của tháng cuối kỳ").
 */
export function reportingPeriods({
  deadline,
  issued,
  continuousAs = "quarterly",
  dueDay,
  limit = 240,
}: {
  deadline: Pick<RecurringDeadline, "frequency" | "from" | "until">;
  issued: IsoDate;
  continuousAs?: Exclude<Frequency, "continuous">;
  dueDay?: number;
  limit?: number;
}): ReportingPeriod[] {
  const frequency = deadline.frequency === "continuous" ? continuousAs : deadline.frequency;
  const months = MONTHS_PER[frequency];
  const from = deadline.from ?? issued;
  const until = deadline.until ?? `${issued.slice(0, 4)}-12-31`;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  // Periods are aligned on the calendar: a quarter starts in January, April, July or October.
  month = Math.floor((month - 1) / months) * months + 1;
  const out: ReportingPeriod[] = [];
  while (out.length < limit) {
    const lastMonth = month + months - 1;
    const start = toIsoDate(year, month, 1);
    if (start > until) break;
    const end = endOfMonth(year, lastMonth);
    const due = dueDay ? toIsoDate(year, lastMonth, Math.min(dueDay, Number(end.slice(8, 10)))) : end;
    out.push({ key: keyOf(year, month, months), start, end, due });
    month += months;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

export interface PeriodStatus extends ReportingPeriod {
  status: AssignmentStatus;
}

/** Each period that has begun by `today`, judged from the day its work was reported done. */
export function classifyPeriods({
  periods,
  completedByPeriod,
  today,
}: {
  periods: ReportingPeriod[];
  completedByPeriod: Record<string, IsoDate | undefined>;
  today: IsoDate;
}): PeriodStatus[] {
  return periods
    .filter((p) => p.start <= today)
    .map((p) => ({
      ...p,
      status: classifyStatus({
        due: p.due,
        completedAt: completedByPeriod[p.key] ?? null,
        progress: completedByPeriod[p.key] ? 100 : 0,
        today,
      }),
    }));
}

/**
 * The status of one assignment: one-off work from its due date; recurring work from its periods (the
 * latest overdue period wins, else the current one; after the window, the whole work's completion).
 */
export function classifyAssignment({
  deadline,
  issued,
  completedAt,
  progress,
  completedByPeriod = {},
  today,
}: {
  deadline: Deadline;
  issued: IsoDate;
  completedAt: IsoDate | null;
  progress: number;
  completedByPeriod?: Record<string, IsoDate | undefined>;
  today: IsoDate;
}): { status: AssignmentStatus; periods: PeriodStatus[] } {
  if (deadline.kind !== "recurring") {
    const { dueDate } = dueOf(deadline);
    return { status: classifyStatus({ due: dueDate, completedAt, progress, today }), periods: [] };
  }
  const periods = classifyPeriods({
    periods: reportingPeriods({ deadline, issued }),
    completedByPeriod,
    today,
  });
  if (completedAt)
    return { status: classifyStatus({ due: deadline.until, completedAt, progress, today }), periods };
  const overdue = periods.filter((p) => p.status === "overdue");
  if (overdue.length) return { status: "overdue", periods };
  const current = periods.find((p) => p.start <= today && today <= p.end);
  if (current) return { status: progress > 0 || periods.length > 1 ? "inProgress" : current.status, periods };
  return { status: classifyStatus({ due: deadline.until, completedAt, progress, today }), periods };
}

function dueOf(deadline: Deadline) {
  return { dueDate: deadlineDue(deadline) };
}
