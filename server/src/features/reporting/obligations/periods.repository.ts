/**
 * SQL of opening a period: two set-based inserts, the reports and then their entries carried forward
 * from the previous period.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../../app/db";
import type { ObligationRow } from "./obligations.repository";

/** The tasks a request is about: its one task, or the tasks chosen, or (neither) all of the plan's. */
const taskFilter = (o: ObligationRow) =>
  sql`${o.taskId ? sql`and a.task_id = ${o.taskId}` : sql``} ${
    o.taskIds ? sql`and a.task_id = any(${sql.param(o.taskIds)}::uuid[])` : sql``
  }`;

export function createPeriodsRepository(db: DbOrTx) {
  return {
    /**
     * One report per unit with an open assignment on the plan (or the task, or the chosen tasks), or
     * per chosen unit when the request names its units; existing ones are kept.
     */
    async insertReportsForPeriod(p: {
      obligation: ObligationRow;
      periodKey: string;
      start: string;
      end: string;
      opensOn: string;
      due: string;
      lockDate: string | null;
    }) {
      const o = p.obligation;
      const units = o.unitIds
        ? sql`(select unnest(${sql.param(o.unitIds)}::uuid[]) as unit_id)`
        : sql`(select distinct a.unit_id from task_assignments a join plan_tasks t on t.id = a.task_id
              where a.plan_id = ${o.planId} and a.ended_at is null and t.removed_at is null ${taskFilter(o)})`;
      const result =
        await db.execute(sql`insert into reports (obligation_id, plan_id, province_id, unit_id, unit_path,
          unit_kind, period_key, period_start, period_end, opens_on, due_date, lock_date)
        select ${o.id}, ${o.planId}, ${o.provinceId}, u.id, u.path, u.kind, ${p.periodKey}, ${p.start}, ${p.end},
          ${p.opensOn}, ${p.due}, ${p.lockDate}
        from ${units} x
        join org_units u on u.id = x.unit_id
        on conflict on constraint reports_obligation_period_unit_key do nothing
        returning id`);
      return rowsOf<{ id: string }>(result).length;
    },

    /**
     * The entries of every report of the period: linked to the previous period's (whose text the
     * form shows as last period's, apart; it becomes this period's only when the unit confirms the
     * task unchanged) with its figures, the progress and completion as the assignment holds them (one
     * figure per assignment); recurring work is judged per period, so it starts each period afresh.
     */
    async insertEntriesForPeriod(p: {
      obligation: ObligationRow;
      periodKey: string;
      previousKey: string | null;
    }) {
      const o = p.obligation;
      const result =
        await db.execute(sql`insert into report_entries (report_id, assignment_id, task_id, progress,
          narrative, figures, completed_at, carried_from_id)
        select r.id, a.id, a.task_id,
          case when t.deadline->>'kind' = 'recurring' then 0 else a.progress end,
          '', coalesce(pe.figures, '[]'::jsonb),
          case when t.deadline->>'kind' = 'recurring' then null else a.completed_at end, pe.id
        from reports r
        join task_assignments a on a.plan_id = r.plan_id and a.unit_id = r.unit_id and a.ended_at is null ${taskFilter(o)}
        join plan_tasks t on t.id = a.task_id and t.removed_at is null and t.kind = 'task'
        left join reports pr on pr.obligation_id = r.obligation_id and pr.unit_id = r.unit_id
          and pr.period_key = ${p.previousKey}
        left join report_entries pe on pe.report_id = pr.id and pe.assignment_id = a.id
        where r.obligation_id = ${o.id} and r.period_key = ${p.periodKey}
        on conflict on constraint report_entries_report_assignment_key do nothing
        returning id`);
      return rowsOf<{ id: string }>(result).length;
    },
  };
}
