/**
 * The coordinator's dashboard as a few set-based aggregates over one obligation's period. Every query
 * carries the actor's scope, so no row outside it is read.
 */
import { type SQL, sql } from "drizzle-orm";
import { numberInPlan } from "../../../../../core/src/plans/numbering";
import { judgementDay } from "../../../../../core/src/plans/status";
import { ADMIN_LEVELS, type AdminLevel } from "../../../../../core/src/reporting/levels";
import { provinceTimeZone } from "../../../app/clock";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { followUpStatusSql } from "../../follow-up/items/follow-up-status.sql";
import type { TaskScope } from "../../plans/plans.policy";
import { entryStatusSql, workStatusSql } from "../../plans/views/status.sql";
import { sectionNumberOf } from "../reports/report.sql";
import { reportScope } from "../reports/reports.repository";
import type { EntryExportRow } from "./exports.documents";

export interface ScorecardRow {
  unitId: string;
  unitName: string;
  unitKind: string;
  tasksDue: number;
  tasksOnTime: number;
  tasksLate: number;
  tasksOverdue: number;
  reportsExpected: number;
  reportsOnTime: number;
  targets: number;
  targetsMet: number;
  remediationDue: number;
  remediationOnTime: number;
  answersDue: number;
  answersOnTime: number;
}

export interface TaskEntryRow {
  entryId: string;
  reportId: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  reportState: string;
  role: string;
  dueDate: string | null;
  status: string;
  progress: number;
  narrative: string;
}

export interface UnitNarrativeRow {
  taskId: string;
  taskNumber: string;
  taskContent: string;
  sectionId: string | null;
  sectionNumber: string;
  sectionTitle: string;
  unitName: string;
  narrative: string;
}

export interface UnitReportWordsRow {
  unitName: string;
  results: string;
  difficulties: string;
  proposals: string;
}

const RECEIVED = sql`r.state in ('submitted', 'resubmitted', 'accepted')`;
// "On time" is judged on the province's calendar day of the first sending, in the configured zone.
const sentDay = (timeZone: string) => sql`(r.first_submitted_at at time zone ${timeZone}::text)::date`;

/**
 * A unit's administrative level, as `levelOfChain` (core) defines it: its own kind when that is a
 * commune or district, otherwise the nearest commune or district on its path, else province.
 */
export const levelOf = (kind: SQL, path: SQL) => sql`case when ${kind} in ('commune', 'district') then ${kind}
  when ${kind} = 'province' then 'province'
  else coalesce((select x.kind from unnest(string_to_array(trim(both '/' from ${path}), '/')::uuid[])
      with ordinality as chain(id, depth) join org_units x on x.id = chain.id
    where x.kind in ('commune', 'district') order by chain.depth desc limit 1), 'province') end`;
/** The report's level: its unit's. */
const LEVEL = levelOf(sql`r.unit_kind`, sql`r.unit_path`);

/** Entries finished in their period, by the one status rule (plans/views/status.sql.ts). */
const COMPLETED = (today: string) => sql`${entryStatusSql(today)} in ('completedOnTime', 'completedLate')`;
/** Entries with the assignment and task the rule reads. */
const ENTRIES = sql`reports r join report_entries e on e.report_id = r.id
  join task_assignments a on a.id = e.assignment_id join plan_tasks t on t.id = e.task_id`;

/** Aggregates over the obligation's periods in scope, newest 24, returned oldest first. */
async function perPeriod<T>(
  db: DbOrTx,
  p: { scope: TaskScope; obligationId: string; columns: SQL; from: SQL },
): Promise<Array<T & { periodKey: string; periodStart: string; periodEnd: string }>> {
  const result =
    await db.execute(sql`select r.period_key as "periodKey", min(r.period_start)::text as "periodStart",
      min(r.period_end)::text as "periodEnd", ${p.columns}
    from ${p.from}
    where r.obligation_id = ${p.obligationId} and ${reportScope(p.scope)}
    group by r.period_key order by min(r.period_start) desc limit 24`);
  return rowsOf<T & { periodKey: string; periodStart: string; periodEnd: string }>(result).reverse();
}

interface PeriodArgs {
  scope: TaskScope;
  obligationId: string;
  periodKey: string;
  today: string;
}
export interface Paging {
  limit: number;
  offset: number;
  /** Counts stop here: `total` is exact up to it. */
  cap: number;
}

interface OverdueRow {
  entryId: string;
  taskId: string;
  number: string;
  content: string;
  unitId: string;
  unitName: string;
  dueDate: string | null;
  progress: number;
}
/** A task's number with its section's ("II.3"), by core's one helper. */
const inPlanNumbering = <R extends { number: string; sectionNumber: string }>({
  sectionNumber,
  ...r
}: R) => ({
  ...r,
  number: numberInPlan(sectionNumber, r.number),
});

const overdueQuery = (p: PeriodArgs) => ({
  select: sql`select e.id as "entryId", t.id as "taskId", t.number, ${sectionNumberOf(sql`t`)} as "sectionNumber",
    t.content, r.unit_id as "unitId",
    u.name as "unitName", a.due_date::text as "dueDate", e.progress`,
  from: sql`from ${ENTRIES} join org_units u on u.id = r.unit_id
  where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and ${reportScope(p.scope)}
    and ${entryStatusSql(p.today)} = 'overdue'`,
  order: sql`a.due_date nulls last, t.sort_order, u.sort_key collate "C", e.id`,
});

/** One page of a dashboard list (its order ends on an id, so pages neither repeat nor skip) and its total. */
export async function paged<T>(db: DbOrTx, p: Paging, q: { select: SQL; from: SQL; order: SQL }) {
  // The window count comes with the page: the sort reads every matching row anyway.
  const rows = rowsOf<T & { full_count: string | number }>(
    await db.execute(sql`${q.select}, count(*) over () as full_count ${q.from}
      order by ${q.order} limit ${p.limit} offset ${p.offset}`),
  );
  if (rows.length || p.offset === 0)
    return { rows: rows.map(({ full_count: _, ...r }) => r as T), total: Number(rows[0]?.full_count ?? 0) };
  // A page past the end: count what there is, so the pager can go back.
  const count = await db.execute(
    sql`select count(*)::int as n from (select 1 ${q.from} limit ${p.cap + 1}) s`,
  );
  return { rows: [] as T[], total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0) };
}

export function createDashboardRepository(db: DbOrTx, timeZone = provinceTimeZone()) {
  const SENT_DAY = sentDay(timeZone);
  return {
    /** Expected, received and on time by unit kind and by administrative level, in one pass. */
    async rates(p: { scope: TaskScope; obligationId: string; periodKey: string }) {
      const result =
        await db.execute(sql`select r.unit_kind as "unitKind", r.level, count(*)::int as expected,
          (count(*) filter (where ${RECEIVED}))::int as received,
          (count(*) filter (where ${RECEIVED} and ${SENT_DAY} <= r.due_date))::int as "onTime"
        from (select r.*, ${LEVEL} as level from reports r
          where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and ${reportScope(p.scope)}) r
        group by grouping sets ((r.unit_kind), (r.level)) order by r.unit_kind, r.level`);
      const rows = rowsOf<{
        unitKind: string | null;
        level: AdminLevel | null;
        expected: number;
        received: number;
        onTime: number;
      }>(result);
      const counts = (r: (typeof rows)[number]) => ({
        expected: r.expected,
        received: r.received,
        onTime: r.onTime,
      });
      return {
        byKind: rows.flatMap((r) => (r.unitKind === null ? [] : [{ unitKind: r.unitKind, ...counts(r) }])),
        byLevel: ADMIN_LEVELS.flatMap((level) => {
          const r = rows.find((x) => x.unitKind === null && x.level === level);
          return r ? [{ level, ...counts(r) }] : [];
        }),
      };
    },
    /** Expected, received and on time for every period of the obligation: reports only, one pass. */
    async trend(p: { scope: TaskScope; obligationId: string }) {
      return perPeriod<{ expected: number; received: number; onTime: number }>(db, {
        ...p,
        columns: sql`count(*)::int as expected,
          (count(*) filter (where ${RECEIVED}))::int as received,
          (count(*) filter (where ${RECEIVED} and ${SENT_DAY} <= r.due_date))::int as "onTime"`,
        from: sql`reports r`,
      });
    },
    /**
     * Task entries per period of the obligation: how many, completed, overdue (as `entryStatusSql`
     * on that day), mean progress. Entries of every period: heavier than the report counts, so the
     * dashboard loads it apart.
     */
    async progressTrend(p: { scope: TaskScope; obligationId: string; today: string }) {
      return perPeriod<{ entries: number; completed: number; overdue: number; meanProgress: number }>(db, {
        ...p,
        columns: sql`count(*)::int as entries,
          (count(*) filter (where ${COMPLETED(p.today)}))::int as completed,
          (count(*) filter (where ${entryStatusSql(p.today)} = 'overdue'))::int as overdue,
          coalesce(round(avg(e.progress)), 0)::int as "meanProgress"`,
        from: ENTRIES,
      });
    },
    /** Reports not sent by their due day, or sent after it: one page, by unit name, and how many. */
    async lateUnits(p: PeriodArgs & Paging) {
      const from = sql`from reports r join org_units u on u.id = r.unit_id
        where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and ${reportScope(p.scope)}
          and ((not ${RECEIVED} and r.due_date < ${p.today}) or ${SENT_DAY} > r.due_date)`;
      return paged<{
        reportId: string;
        unitId: string;
        unitName: string;
        unitKind: string;
        state: string;
        dueDate: string;
        submittedAt: Date | string | null;
      }>(db, p, {
        select: sql`select r.id as "reportId", r.unit_id as "unitId", u.name as "unitName",
          r.unit_kind as "unitKind", r.state, r.due_date::text as "dueDate", r.first_submitted_at as "submittedAt"`,
        from,
        order: sql`u.sort_key collate "C", r.id`,
      });
    },
    async taskStatus(p: { scope: TaskScope; obligationId: string; periodKey: string; today: string }) {
      const result = await db.execute(sql`select ${entryStatusSql(p.today)} as status, count(*)::int as n
        from ${ENTRIES}
        where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and ${reportScope(p.scope)}
        group by 1`);
      return rowsOf<{ status: string; n: number }>(result);
    },
    /** Entries overdue as the dashboard's counter counts them: one page, by due date, and how many. */
    async overdueTasks(p: PeriodArgs & Paging) {
      const { rows, total } = await paged<OverdueRow & { sectionNumber: string }>(db, p, overdueQuery(p));
      return { rows: rows.map(inPlanNumbering), total };
    },
    /** Every overdue entry of the period: the consolidated report's annex lists them all. */
    async allOverdueTasks(p: PeriodArgs) {
      const q = overdueQuery(p);
      return rowsOf<OverdueRow & { sectionNumber: string }>(
        await db.execute(sql`${q.select} ${q.from} order by ${q.order}`),
      ).map(inPlanNumbering);
    },
    async components(p: { scope: TaskScope; obligationId: string; periodKey: string; today: string }) {
      const result =
        await db.execute(sql`select c.version_code as "versionCode", c.component_code as "componentCode",
          coalesce(min(ic.name_vi), '') as "nameVi", coalesce(min(ic.name_en), '') as "nameEn",
          count(distinct e.task_id)::int as tasks, count(*)::int as entries,
          coalesce(round(avg(e.progress)), 0)::int as "meanProgress",
          (count(*) filter (where ${COMPLETED(p.today)}))::int as completed
        from ${ENTRIES} join plan_task_components c on c.task_id = e.task_id
        left join index_components ic on ic.version_code = c.version_code and ic.code = c.component_code
        where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and ${reportScope(p.scope)}
        group by 1, 2 order by 1, 2`);
      return rowsOf<{
        versionCode: string;
        componentCode: string;
        nameVi: string;
        nameEn: string;
        tasks: number;
        entries: number;
        meanProgress: number;
        completed: number;
      }>(result);
    },
    /** One task's entries of the period in scope, by unit name, a page at a time, and its status counts. */
    async taskEntries(p: {
      scope: TaskScope;
      obligationId: string;
      periodKey: string;
      today: string;
      taskId: string;
      status?: string;
      page: number;
      pageSize: number;
    }) {
      const status = entryStatusSql(p.today);
      const from = sql`from ${ENTRIES} join org_units u on u.id = r.unit_id
        where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and e.task_id = ${p.taskId}
          and ${reportScope(p.scope)}`;
      const filter = p.status ? sql`and ${status} = ${p.status}` : sql``;
      const [rows, counts] = await Promise.all([
        db.execute(sql`select e.id as "entryId", r.id as "reportId", r.unit_id as "unitId", u.name as "unitName",
            r.unit_kind as "unitKind", r.state as "reportState", a.role, a.due_date::text as "dueDate",
            ${status} as status, e.progress, e.narrative
          ${from} ${filter}
          order by u.sort_key collate "C", r.unit_id limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`),
        db.execute(sql`select ${status} as status, count(*)::int as n ${from} group by 1`),
      ]);
      return {
        rows: rowsOf<TaskEntryRow>(rows),
        counts: rowsOf<{ status: string; n: number }>(counts),
      };
    },
    /**
     * What the units wrote in the reports they sent for the period: each entry's narrative with its
     * task and section, in plan order, and each report's results, difficulties and proposals. Only
     * reports that left the unit count (a draft is not yet the unit's word); empty text is skipped.
     */
    async unitWords(p: { scope: TaskScope; obligationId: string; periodKey: string }) {
      const where = sql`r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey}
        and ${RECEIVED} and ${reportScope(p.scope)}`;
      const [narratives, reports] = await Promise.all([
        db.execute(sql`select t.id as "taskId", t.number as "taskNumber", t.content as "taskContent",
            s.id as "sectionId", coalesce(s.number, '') as "sectionNumber", coalesce(s.content, '') as "sectionTitle",
            u.name as "unitName", btrim(e.narrative) as narrative
          from ${ENTRIES} join org_units u on u.id = r.unit_id
            left join plan_tasks s on s.id = t.parent_id and s.kind = 'section'
          where ${where} and btrim(e.narrative) <> ''
          order by s.sort_order nulls first, t.sort_order, t.id, u.sort_key collate "C", r.unit_id`),
        db.execute(sql`select u.name as "unitName", btrim(r.results) as results,
            btrim(r.difficulties) as difficulties, btrim(r.proposals) as proposals
          from reports r join org_units u on u.id = r.unit_id
          where ${where} and (btrim(r.results) <> '' or btrim(r.difficulties) <> '' or btrim(r.proposals) <> '')
          order by u.sort_key collate "C", r.unit_id`),
      ]);
      return {
        narratives: rowsOf<UnitNarrativeRow>(narratives),
        reports: rowsOf<UnitReportWordsRow>(reports),
      };
    },
    /** Every entry of the period, for the Excel export. */
    async exportRows(p: { scope: TaskScope; obligationId: string; periodKey: string; today: string }) {
      const result =
        await db.execute(sql`select u.name as "unitName", r.unit_kind as "unitKind", r.state as "reportState",
          t.number as "taskNumber", ${sectionNumberOf(sql`t`)} as "sectionNumber", t.content as "taskContent",
          a.role, a.due_date::text as "dueDate", ${entryStatusSql(p.today)} as status, e.progress, e.narrative, e.figures, e.completed_at::text as "completedAt"
        from ${ENTRIES} join org_units u on u.id = r.unit_id
        where r.obligation_id = ${p.obligationId} and r.period_key = ${p.periodKey} and ${reportScope(p.scope)}
        order by u.sort_key collate "C", r.unit_id, t.sort_order, a.role`);
      return rowsOf<EntryExportRow & { sectionNumber: string }>(result).map(({ sectionNumber, ...r }) => ({
        ...r,
        taskNumber: numberInPlan(sectionNumber, r.taskNumber),
      }));
    },

    /** Every province with units: the provinces an administrator's yearly scorecards count initiatives in. */
    async provinceIds() {
      const result = await db.execute(
        sql`select distinct province_id as "provinceId" from org_units where province_id is not null`,
      );
      return rowsOf<{ provinceId: string }>(result).map((r) => r.provinceId);
    },

    /**
     * Per unit and year: its assignments due that year (on time, late, overdue), its reports whose period
     * ends that year (on time), the quantitative targets its latest figures meet, and the follow-up
     * items it is responsible for that are due that year (remediation after inspection, recommendations
     * to answer): those not closed, and those accepted on time, by the items' one status rule judged
     * as the tasks' are (at the year's end, or today inside the year). A plan chosen narrows the tasks
     * and reports, and the units to those with its work; follow-up items belong to no plan.
     */
    async scorecards(p: { scope: TaskScope; year: number; planId: string | null; today: string }) {
      const from = `${p.year}-01-01`;
      const to = `${p.year}-12-31`;
      const planA = p.planId ? sql`and a.plan_id = ${p.planId}` : sql``;
      const planR = p.planId ? sql`and r.plan_id = ${p.planId}` : sql``;
      const num = sql`(tg->>'value')::float8`;
      // The work due in the year as it stood at the year's end (or today, inside the year).
      const yearStatus = workStatusSql({
        due: sql`a.due_date`,
        completedAt: sql`a.completed_at`,
        progress: sql`a.progress`,
        today: p.today,
        period: { end: sql`${to}::date`, recurring: sql`false` },
      });
      const itemStatus = followUpStatusSql({
        state: sql`i.state`,
        dueDate: sql`i.due_date`,
        doneOn: sql`i.done_on`,
        today: judgementDay(p.today, to),
      });
      const result = await db.execute(sql`with asg as (
          select a.unit_id, count(*)::int as total,
            (count(*) filter (where ${yearStatus} = 'completedOnTime'))::int as on_time,
            (count(*) filter (where ${yearStatus} = 'completedLate'))::int as late,
            (count(*) filter (where ${yearStatus} = 'overdue'))::int as overdue
          from task_assignments a
          where a.ended_at is null and a.due_date between ${from} and ${to} ${planA} and ${reportScope(p.scope, sql`a`)}
          group by a.unit_id
        ), rep as (
          select r.unit_id, count(*)::int as expected,
            (count(*) filter (where ${RECEIVED} and ${SENT_DAY} <= r.due_date))::int as on_time
          from reports r where r.period_end between ${from} and ${to} ${planR} and ${reportScope(p.scope)}
          group by r.unit_id
        ), latest as (
          select distinct on (e.assignment_id) e.assignment_id, e.figures, e.task_id, r.unit_id
          from reports r join report_entries e on e.report_id = r.id
          where r.period_end between ${from} and ${to} ${planR} and ${reportScope(p.scope)}
          order by e.assignment_id, r.period_end desc
        ), tgt as (
          select l.unit_id, count(*)::int as targets,
            (count(*) filter (where case tg->>'comparator' when '≥' then fv.v >= ${num} when '≤' then fv.v <= ${num}
              when '=' then fv.v = ${num} when '>' then fv.v > ${num} when '<' then fv.v < ${num} end))::int as met
          from latest l join plan_tasks t on t.id = l.task_id
          cross join lateral jsonb_array_elements(t.quantitative_targets) tg
          left join lateral (select (f->>'value')::float8 as v from jsonb_array_elements(l.figures) f
            where f->>'measure' = tg->>'measure' limit 1) fv on true
          group by l.unit_id
        ), fu as (
          select f.unit_id,
            (count(*) filter (where f.kind = 'remediation' and f.status is not null))::int as rem_due,
            (count(*) filter (where f.kind = 'remediation' and f.status = 'completedOnTime'))::int as rem_on_time,
            (count(*) filter (where f.kind = 'recommendation' and f.status is not null))::int as ans_due,
            (count(*) filter (where f.kind = 'recommendation' and f.status = 'completedOnTime'))::int as ans_on_time
          from (select i.unit_id, i.kind, ${itemStatus} as status from follow_up_items i
            where i.unit_id is not null and i.kind in ('remediation', 'recommendation') and i.state <> 'closed'
              and i.due_date between ${from} and ${to} and ${reportScope(p.scope, sql`i`)}) f
          group by f.unit_id
        )
        select u.id as "unitId", u.name as "unitName", u.kind as "unitKind",
          coalesce(asg.total, 0) as "tasksDue", coalesce(asg.on_time, 0) as "tasksOnTime",
          coalesce(asg.late, 0) as "tasksLate", coalesce(asg.overdue, 0) as "tasksOverdue",
          coalesce(rep.expected, 0) as "reportsExpected", coalesce(rep.on_time, 0) as "reportsOnTime",
          coalesce(tgt.targets, 0) as "targets", coalesce(tgt.met, 0) as "targetsMet",
          coalesce(fu.rem_due, 0) as "remediationDue", coalesce(fu.rem_on_time, 0) as "remediationOnTime",
          coalesce(fu.ans_due, 0) as "answersDue", coalesce(fu.ans_on_time, 0) as "answersOnTime"
        from (select unit_id from asg union select unit_id from rep
          ${p.planId ? sql`` : sql`union select unit_id from fu`}) x
        join org_units u on u.id = x.unit_id
        left join asg on asg.unit_id = x.unit_id left join rep on rep.unit_id = x.unit_id
        left join tgt on tgt.unit_id = x.unit_id left join fu on fu.unit_id = x.unit_id`);
      return rowsOf<ScorecardRow>(result);
    },
  };
}
