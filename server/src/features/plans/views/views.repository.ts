/**
 * SQL of the read views (task list, my unit's tasks, timeline, coverage). Filters arrive typed; the
 * scope (`TaskScope`) is applied here as SQL so that no row outside it is ever read. Paging uses a
 * bounded offset and counts stop at a cap, so no request counts a million rows.
 */
import { type SQL, sql } from "drizzle-orm";
import type { AssignmentStatus } from "../../../../../core/src/plans/status";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { escapeLike } from "../../org-units/org-units.repository";
import type { TaskScope } from "../plans.policy";
import { textMatch } from "../plans.repository";
import { assignmentStatusSql } from "./status.sql";

export const TOTAL_CAP = 10_000;
const like = (prefix: string) => `${escapeLike(prefix)}%`;
const join = (parts: SQL[], sep = sql` and `) => sql.join(parts, sep);

/** Rows of assignment `a` in one class: the one SQL form of the rule (status.sql.ts). */
const statusCondition = (status: AssignmentStatus, day: string): SQL =>
  sql`${assignmentStatusSql(day)} = ${status}`;

/** The same test on the task's own due date (assignments copy it): lets the task index narrow first. */
function taskDueCondition(status: AssignmentStatus, day: string): SQL | null {
  if (status === "overdue") return sql`t.due_date < ${day}`;
  if (status === "inProgress" || status === "notStarted")
    return sql`(t.due_date is null or t.due_date >= ${day})`;
  return null;
}

const statusCase = assignmentStatusSql;

/** Scope of task rows `t` (with the plan's owner unit `ou`). */
function scopeConditions(scope: TaskScope): SQL[] {
  if (scope.kind === "all") return [];
  const out = [sql`t.province_id = ${scope.provinceId}`];
  if (scope.kind === "subtree")
    out.push(
      sql`(t.id in (select a.task_id from task_assignments a where a.ended_at is null and a.unit_path like ${like(scope.unitPath)}) or ou.path like ${like(scope.unitPath)})`,
    );
  return out;
}

export interface TaskListFilter {
  scope: TaskScope;
  day: string;
  planId?: string;
  /** The unit's path; with `subtree`, the units under it too. */
  unit?: { id: string; path: string; subtree: boolean };
  groupId?: string;
  indexCode?: string;
  versionCode?: string;
  componentCode?: string;
  dueFrom?: string;
  dueTo?: string;
  status?: AssignmentStatus;
  role?: string;
  q?: string;
  sort: "plan" | "due" | "number" | "updated";
  limit: number;
  offset: number;
}

export interface TaskListRow {
  id: string;
  plan_id: string;
  plan_number: string;
  plan_title: string;
  number: string;
  content: string;
  expected_output: string;
  deadline_text: string;
  deadline: unknown;
  due_date: string | null;
  progress: number;
  assignment_count: number;
}

export interface MyTasksFilter {
  day: string;
  unitPath: string;
  ownOnly: boolean;
  planId?: string;
  role?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  status?: AssignmentStatus;
  sort: "due" | "plan" | "status";
  limit: number;
  offset: number;
}

export function createPlanViewsRepository(db: DbOrTx) {
  return {
    /** One page of tasks and the number matching (exact up to TOTAL_CAP). */
    async listTasks(f: TaskListFilter) {
      const where: SQL[] = [sql`t.kind = 'task'`, sql`t.removed_at is null`, ...scopeConditions(f.scope)];
      where.push(f.planId ? sql`t.plan_id = ${f.planId}` : sql`p.status in ('issued', 'completed')`);
      const a: SQL[] = [sql`a.ended_at is null`];
      if (f.unit)
        a.push(
          f.unit.subtree
            ? sql`a.unit_path like ${like(f.unit.path)}`
            : sql`a.unit_path = ${f.unit.path} and a.unit_id = ${f.unit.id}`,
        );
      if (f.status) {
        a.push(statusCondition(f.status, f.day));
        const due = taskDueCondition(f.status, f.day);
        if (due) where.push(due);
      }
      if (f.role) a.push(sql`a.role = ${f.role}`);
      if (a.length > 1) {
        // A unit filter reads the unit's assignments through the unit-path index (a semi-join);
        // status or role alone probes each task's assignments.
        where.push(
          f.unit
            ? sql`t.id in (select a.task_id from task_assignments a where ${join(a)})`
            : sql`exists (select 1 from task_assignments a where a.task_id = t.id and ${join(a)})`,
        );
      }
      if (f.groupId)
        where.push(
          sql`t.id in (select pp.task_id from plan_task_participants pp where pp.group_id = ${f.groupId})`,
        );
      if (f.componentCode || f.indexCode || f.versionCode) {
        const c: SQL[] = [sql`c.task_id = t.id`];
        if (f.componentCode) c.push(sql`c.component_code = ${f.componentCode}`);
        if (f.versionCode) c.push(sql`c.version_code = ${f.versionCode}`);
        else if (f.indexCode) c.push(sql`c.version_code like ${`${escapeLike(f.indexCode)}-%`}`);
        where.push(sql`exists (select 1 from plan_task_components c where ${join(c)})`);
      }
      if (f.dueFrom) where.push(sql`t.due_date >= ${f.dueFrom}`);
      if (f.dueTo) where.push(sql`t.due_date <= ${f.dueTo}`);
      if (f.q) where.push(textMatch(sql`t.search_text`, f.q));
      const order = {
        plan: sql`p.issued_date desc nulls last, t.plan_id, t.sort_order`,
        due: sql`t.due_date asc nulls last, t.plan_id, t.sort_order`,
        number: sql`t.plan_id, t.sort_order`,
        updated: sql`t.updated_at desc`,
      }[f.sort];
      const from = sql`from plan_tasks t join plans p on p.id = t.plan_id join org_units ou on ou.id = p.owner_unit_id where ${join(where)}`;
      // The sort reads every matching row anyway, so the window count comes with the page at no
      // extra scan (a second count query repeated the whole filter); the per-row assignment count
      // runs only for the rows of the page.
      const page = rowsOf<TaskListRow & { full_count: string | number }>(
        await db.execute(sql`select t.id, t.plan_id, p.number as plan_number, p.title as plan_title, t.number, t.content,
          t.expected_output, t.deadline_text, t.deadline, t.due_date::text as due_date, t.progress,
          (select count(*)::int from task_assignments a where a.task_id = t.id and a.ended_at is null) as assignment_count,
          count(*) over () as full_count
          ${from} order by ${order} limit ${f.limit} offset ${f.offset}`),
      );
      if (page.length) return { rows: page, total: Number(page[0].full_count) };
      if (f.offset === 0) return { rows: page, total: 0 };
      // A page past the end: count what there is, so the pager can go back.
      const count = await db.execute(
        sql`select count(*)::int as n from (select 1 ${from} limit ${TOTAL_CAP + 1}) s`,
      );
      return { rows: page, total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0) };
    },

    /** One page of a unit subtree's open assignments, and counts per status (over at most TOTAL_CAP). */
    async listMyTasks(f: MyTasksFilter) {
      const removedFilter = sql`t.removed_at is null`;
      const where: SQL[] = [sql`a.ended_at is null`, sql`p.status in ('issued', 'completed')`, removedFilter];
      where.push(f.ownOnly ? sql`a.unit_path = ${f.unitPath}` : sql`a.unit_path like ${like(f.unitPath)}`);
      if (f.planId) where.push(sql`a.plan_id = ${f.planId}`);
      if (f.role) where.push(sql`a.role = ${f.role}`);
      if (f.dueFrom) where.push(sql`a.due_date >= ${f.dueFrom}`);
      if (f.dueTo) where.push(sql`a.due_date <= ${f.dueTo}`);
      if (f.q) where.push(textMatch(sql`t.search_text`, f.q));
      const base = sql`from task_assignments a join plan_tasks t on t.id = a.task_id join plans p on p.id = a.plan_id join org_units u on u.id = a.unit_id`;
      const filtered = f.status ? [...where, statusCondition(f.status, f.day)] : where;
      const order = {
        due: sql`a.due_date asc nulls last, p.issued_date desc, t.sort_order`,
        plan: sql`p.issued_date desc, t.sort_order`,
        status: sql`${statusCase(f.day)}, a.due_date asc nulls last`,
      }[f.sort];
      const [rows, counts] = await Promise.all([
        db.execute(sql`select a.id, a.task_id, a.plan_id, a.unit_id, a.unit_path, a.province_id, a.role, a.progress,
          a.due_date::text as due_date, ${statusCase(f.day)} as status, p.number as plan_number, p.title as plan_title,
          t.number, t.content, t.expected_output, t.deadline, u.name as unit_name
          ${base} where ${join(filtered)} order by ${order} limit ${f.limit} offset ${f.offset}`),
        // The counts need the task only for a text search: an ended assignment already stands for a
        // removed task (amendments end them), so they read assignments and plans alone.
        db.execute(sql`select status, count(*)::int as n from (select ${statusCase(f.day)} as status
          ${f.q ? base : sql`from task_assignments a join plans p on p.id = a.plan_id`}
          where ${join(f.q ? where : where.filter((w) => w !== removedFilter))} limit ${TOTAL_CAP + 1}) s group by status`),
      ]);
      return {
        rows: rowsOf<Record<string, unknown>>(rows),
        counts: rowsOf<{ status: AssignmentStatus; n: number }>(counts),
      };
    },

    /** The first `limit` tasks due in a window (or with milestones), in date order, and how many there are. */
    async timelineTasks(f: {
      scope: TaskScope;
      from: string;
      to: string;
      planId?: string;
      unitId?: string;
      limit: number;
    }) {
      const where: SQL[] = [
        sql`t.kind = 'task'`,
        sql`t.removed_at is null`,
        sql`(t.due_date between ${f.from} and ${f.to} or t.deadline_kind = 'milestones')`,
        ...scopeConditions(f.scope),
      ];
      where.push(f.planId ? sql`t.plan_id = ${f.planId}` : sql`p.status in ('issued', 'completed')`);
      if (f.unitId)
        where.push(
          sql`exists (select 1 from task_assignments a where a.task_id = t.id and a.ended_at is null and a.unit_id = ${f.unitId})`,
        );
      return rowsOf<{
        id: string;
        plan_id: string;
        plan_number: string;
        number: string;
        content: string;
        deadline: unknown;
        due_date: string | null;
        full_count: number;
      }>(
        // With the count of every task in the window: the page says when it shows only the first ones.
        await db.execute(sql`select t.id, t.plan_id, p.number as plan_number, t.number, t.content, t.deadline, t.due_date::text as due_date,
            count(*) over ()::int as full_count
          from plan_tasks t join plans p on p.id = t.plan_id join org_units ou on ou.id = p.owner_unit_id
          where ${join(where)} order by t.due_date, t.id limit ${f.limit}`),
      );
    },

    /**
     * Tasks linked to components of one index version (of one plan, or of the scope's issued plans):
     * the first `perComponent` of each component in document order, each row carrying its component's
     * true count, so a component with many tasks is counted in full and shown in part.
     */
    async coverageTasks(f: { versionCode: string; planId?: string; scope: TaskScope; perComponent: number }) {
      const where: SQL[] = [sql`c.version_code = ${f.versionCode}`, sql`t.removed_at is null`];
      if (f.planId) where.push(sql`t.plan_id = ${f.planId}`);
      else where.push(sql`p.status in ('issued', 'completed')`, ...scopeConditions(f.scope));
      return rowsOf<{
        id: string;
        plan_id: string;
        number: string;
        content: string;
        component_code: string;
        component_total: number;
      }>(
        await db.execute(sql`select id, plan_id, number, content, component_code, component_total from (
            select t.id, t.plan_id, t.number, t.content, c.component_code,
              count(*) over (partition by c.component_code)::int as component_total,
              row_number() over (partition by c.component_code order by t.sort_order, t.id) as n
            from plan_task_components c join plan_tasks t on t.id = c.task_id join plans p on p.id = t.plan_id
              join org_units ou on ou.id = p.owner_unit_id
            where ${join(where)}) x
          where n <= ${f.perComponent} order by component_code, n`),
      );
    },

    /** Targets on one index version of the scope's issued plans. */
    async coverageTargets(f: { versionCode: string; scope: TaskScope }) {
      const where: SQL[] = [
        sql`pt.version_code = ${f.versionCode}`,
        sql`p.status in ('issued', 'completed')`,
      ];
      if (f.scope.kind !== "all") where.push(sql`p.province_id = ${f.scope.provinceId}`);
      return rowsOf<Record<string, unknown>>(
        await db.execute(sql`select pt.id, pt.index_code as "indexCode", pt.version_code as "versionCode",
          pt.component_code as "componentCode", pt.baseline_year as "baselineYear", pt.baseline_value as "baselineValue",
          pt.baseline_rank as "baselineRank", pt.baseline_rank_of as "baselineRankOf", pt.target_value as "targetValue",
          pt.rank_from as "rankFrom", pt.rank_to as "rankTo", pt.band, pt.note
          from plan_targets pt join plans p on p.id = pt.plan_id where ${join(where)}`),
      );
    },
  };
}
