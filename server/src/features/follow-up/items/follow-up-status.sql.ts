/**
 * Core's `followUpStatus` (core/src/follow-up/items.ts) as one SQL expression, for the lists, exports
 * and aggregates that filter or count follow-up items by class in the database. It is the tasks' one
 * SQL form of the rule (`workStatusSql`) fed as core feeds `classifyStatus`: accepted work completed
 * on the day of the report accepted, reported or returned work in progress, a closed item no class.
 * `follow-up-status.sql.test.ts` checks it against core on many generated rows. Screens that show a
 * row's class compute it with core from the row's facts; this is for `where` and `count` only.
 */
import { type SQL, sql } from "drizzle-orm";
import { type ItemStatusFilter, UNFINISHED_STATUSES } from "../../../../../core/src/follow-up/items";
import type { AssignmentStatus } from "../../../../../core/src/plans/status";
import { workStatusSql } from "../../plans/views/status.sql";

export interface FollowUpStatusColumns {
  state: SQL;
  dueDate: SQL;
  doneOn: SQL;
  /** The province's today, "YYYY-MM-DD". */
  today: string;
}

export function followUpStatusSql(c: FollowUpStatusColumns): SQL {
  return sql`(case when ${c.state} = 'closed' then null else ${workStatusSql({
    due: c.dueDate,
    completedAt: sql`(case when ${c.state} = 'accepted' then ${c.doneOn} end)`,
    progress: sql`(case when ${c.state} in ('reported', 'returned') then 50 else 0 end)`,
    today: c.today,
  })} end)`;
}

/** The columns of an item `i`, today. */
export const itemStatusSql = (today: string) =>
  followUpStatusSql({ state: sql`i.state`, dueDate: sql`i.due_date`, doneOn: sql`i.done_on`, today });

/**
 * Items `i` of one class (or of every unfinished class): the expression itself, and before it the states (and deadlines) the class
 * implies, so the province index (province, kind, state, due date) narrows the rows first. Each
 * narrowing follows from the rule: a completed class needs an acceptance; in progress, a report or a
 * return; not started, neither; overdue, an open item with a deadline before today.
 */
export function itemStatusCondition(status: ItemStatusFilter, today: string): SQL {
  if (status === "unfinished")
    return sql`(i.state <> 'closed' and ${itemStatusSql(today)} in (${sql.join(
      UNFINISHED_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )}))`;
  const narrow: Record<AssignmentStatus, SQL> = {
    completedOnTime: sql`i.state = 'accepted'`,
    completedLate: sql`i.state = 'accepted' and i.due_date < i.done_on`,
    inProgress: sql`i.state in ('reported', 'returned')`,
    notStarted: sql`i.state in ('received', 'open', 'accepted')`,
    overdue: sql`i.state <> 'closed' and i.due_date < ${today}::date`,
  };
  return sql`(${narrow[status]} and ${itemStatusSql(today)} = ${status})`;
}
