/**
 * The status rule of core's `workStatus` as one SQL expression, for the lists and aggregates that
 * filter or count by class in the database (task list, my tasks, dashboard, drill-down, scorecards,
 * exports). This is the only SQL form of the rule: `status.sql.test.ts` checks it against core on
 * many facts, on PGlite and PostgreSQL. Arguments are SQL expressions of the row being judged.
 */
import { type SQL, sql } from "drizzle-orm";

export interface WorkStatusColumns {
  /** The assignment's due day (date). */
  due: SQL;
  completedAt: SQL;
  progress: SQL;
  /** The province's today, "YYYY-MM-DD". */
  today: string;
  /** A report entry: its period's last day, and whether the task is recurring (judged per period). */
  period?: { end: SQL; recurring: SQL };
}

export function workStatusSql(c: WorkStatusColumns): SQL {
  const due = c.period
    ? sql`(case when ${c.period.recurring} and (${c.due} is null or ${c.due} >= ${c.period.end})
        then ${c.period.end} else ${c.due} end)`
    : c.due;
  const day = c.period ? sql`least(${c.today}::date, ${c.period.end} + 1)` : sql`${c.today}::date`;
  return sql`(case when ${c.completedAt} is not null and ${c.completedAt} > ${due} then 'completedLate'
    when ${c.completedAt} is not null then 'completedOnTime'
    when ${due} < ${day} then 'overdue'
    when ${c.progress} > 0 then 'inProgress' else 'notStarted' end)`;
}

/** The columns of an assignment `a` judged as a whole, today (task list, my tasks). */
export const assignmentStatusSql = (today: string) =>
  workStatusSql({ due: sql`a.due_date`, completedAt: sql`a.completed_at`, progress: sql`a.progress`, today });

/**
 * An entry `e` of report `r` on assignment `a` of task `t`: the work as the entry states it for the
 * report's period (what every dashboard figure, drill-down and export counts).
 */
export const entryStatusSql = (today: string) =>
  workStatusSql({
    due: sql`a.due_date`,
    completedAt: sql`e.completed_at`,
    progress: sql`e.progress`,
    today,
    period: { end: sql`r.period_end`, recurring: sql`(t.deadline->>'kind' = 'recurring')` },
  });
