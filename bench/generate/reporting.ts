import { type DueRule, parsePeriodKey, periodDates, shiftPeriod } from "../../core/src/reporting/periods";
import type { Database } from "../../server/src/app/db";
import { progress } from "../log";

/** Monthly periods the generator opens: the twelve months up to the reference day (2026-11-20). */
export const REPORTING_PERIODS = [
  "2025-M12",
  "2026-M01",
  "2026-M02",
  "2026-M03",
  "2026-M04",
  "2026-M05",
  "2026-M06",
  "2026-M07",
  "2026-M08",
  "2026-M09",
  "2026-M10",
  "2026-M11",
] as const;
/** The open period: its reports are mostly drafts the units are still filling in. */
export const CURRENT_PERIOD = REPORTING_PERIODS[REPORTING_PERIODS.length - 1];
/** Title prefix of the generated obligations (one monthly obligation per plan). */
export const OBLIGATION_TITLE_PREFIX = "Báo cáo tháng tình hình thực hiện";
const DUE_RULE: DueRule = { kind: "dayOfLastMonth", day: 20 };

/**
 * One monthly reporting obligation per plan (due on the 20th, received by the plan's owner), and its
 * twelve periods opened with the server's own statements (reporting/obligations/periods.repository.ts: one report per
 * assigned unit, one entry per assignment, carried forward from the previous period), one bulk
 * INSERT … SELECT per period. Then a realistic mix of states: past reports mostly submitted on time,
 * some late or accepted, a few never sent; the current period mostly drafts. Entries state the
 * assignment's progress and completion, as the server carries them forward (their class is derived). Deterministic: states are drawn from a hash of the row's key.
 */
export async function insertReporting({ database }: { database: Database }) {
  const started = Date.now();
  await database.query(
    `insert into reporting_obligations (plan_id, province_id, title, frequency, due_rule, open_offset_days,
       receiving_unit_id, requires_approval, created_by)
     select p.id, p.province_id, $1 || ' ' || p.number, 'monthly', $2::jsonb, -10, p.owner_unit_id, false, p.created_by
     from plans p order by p.issued_date`,
    [OBLIGATION_TITLE_PREFIX, JSON.stringify(DUE_RULE)],
  );
  for (const key of REPORTING_PERIODS) {
    const period = parsePeriodKey(key);
    if (!period) throw new Error(`bad period ${key}`);
    const dates = periodDates({ period, dueRule: DUE_RULE, openOffsetDays: -10, lockAfterDays: null });
    const previousKey = shiftPeriod(period, -1).key;
    const reports = await database.query<{ n: number }>(
      `with ins as (
         insert into reports (obligation_id, plan_id, province_id, unit_id, unit_path, unit_kind, period_key,
           period_start, period_end, opens_on, due_date, lock_date)
         select o.id, o.plan_id, o.province_id, u.id, u.path, u.kind, $1, $2::date, $3::date, $4::date, $5::date, null
         from reporting_obligations o
         join (select distinct a.plan_id, a.unit_id from task_assignments a join plan_tasks t on t.id = a.task_id
               where a.ended_at is null and t.removed_at is null) x on x.plan_id = o.plan_id
         join org_units u on u.id = x.unit_id
         on conflict on constraint reports_obligation_period_unit_key do nothing
         returning 1)
       select count(*)::int as n from ins`,
      [key, dates.start, dates.end, dates.opensOn, dates.due],
    );
    const entries = await database.query<{ n: number }>(
      `with ins as (
         insert into report_entries (report_id, assignment_id, task_id, progress, narrative, figures,
           completed_at, carried_from_id)
         select r.id, a.id, a.task_id,
           case when t.deadline->>'kind' = 'recurring' then 0 else a.progress end,
           coalesce(pe.narrative, ''), coalesce(pe.figures, '[]'::jsonb),
           case when t.deadline->>'kind' = 'recurring' then null else a.completed_at end, pe.id
         from reports r
         join task_assignments a on a.plan_id = r.plan_id and a.unit_id = r.unit_id and a.ended_at is null
         join plan_tasks t on t.id = a.task_id and t.removed_at is null and t.kind = 'task'
         left join reports pr on pr.obligation_id = r.obligation_id and pr.unit_id = r.unit_id and pr.period_key = $2
         left join report_entries pe on pe.report_id = pr.id and pe.assignment_id = a.id
         where r.period_key = $1
         on conflict on constraint report_entries_report_assignment_key do nothing
         returning 1)
       select count(*)::int as n from ins`,
      [key, previousKey],
    );
    progress(`  reporting ${key}: ${reports[0].n} reports, ${entries[0].n} entries`);
  }
  // States: h in [0, 100) from the report's key, fixed across runs.
  await database.query(
    `with h as (
       select id, due_date, abs(hashtext(obligation_id::text || unit_id::text || period_key)) % 100 as h,
         period_key = $1 as current from reports)
     update reports r set
       state = case when h.current then (case when h.h < 60 then 'draft' else 'submitted' end)
         when h.h < 8 then 'draft' when h.h < 60 then 'accepted' else 'submitted' end,
       first_submitted_at = case when (h.current and h.h < 60) or (not h.current and h.h < 8) then null
         else (h.due_date + (case when h.h >= 88 then (h.h - 85) else -(h.h % 9) end) * interval '1 day'
               + interval '9 hours') end,
       submitted_at = case when (h.current and h.h < 60) or (not h.current and h.h < 8) then null
         else (h.due_date + (case when h.h >= 88 then (h.h - 85) else -(h.h % 9) end) * interval '1 day'
               + interval '9 hours') end,
       accepted_at = case when not h.current and h.h >= 8 and h.h < 60 then h.due_date + interval '5 days' end,
       results = case when h.h >= 8 then 'Đơn vị đã triển khai các nhiệm vụ theo kế hoạch.' else '' end,
       version = case when h.h >= 8 then 3 else 1 end
     from h where h.id = r.id`,
    [CURRENT_PERIOD],
  );
  await database.query("vacuum analyze reporting_obligations, reports, report_entries");
  progress(`generated reporting (${REPORTING_PERIODS.length} monthly periods) in ${Date.now() - started} ms`);
}
