/** The coordinator's dashboard for a plan's reporting obligation and one period, cut to the actor's scope. */
import type { z } from "zod";
import type {
  dashboardListQuery,
  dashboardQuery,
  dashboardResponse,
  dashboardTaskQuery,
  dashboardTaskResponse,
  lateUnitListResponse,
  overdueTaskListResponse,
  progressTrendQuery,
  progressTrendResponse,
} from "../../../../../core/src/api/reporting.schemas";
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from "../../../../../core/src/plans/status";
import { periodLabel } from "../../../../../core/src/reporting/periods";
import type { ReportState } from "../../../../../core/src/reporting/report-state";
import type { Actor } from "../../../app/actor";
import { now } from "../../../app/clock";
import type { Db } from "../../../app/db";
import { notFound } from "../../../app/errors";
import { today } from "../../org-units/org-units.service";
import { taskScope } from "../../plans/plans.policy";
import { getVisiblePlan } from "../../plans/plans.service";
import { TOTAL_CAP } from "../../plans/views/views.repository";
import { createObligationsRepository } from "../obligations/obligations.repository";
import { obligationPeriod } from "../obligations/periods.service";
import { canViewDashboard } from "../reporting.policy";
import { iso, labelOfPeriod } from "../reports/report.presenter";
import { createDashboardRepository } from "./dashboard.repository";

/** An obligation whose plan's dashboard the actor may see; otherwise "not found" (nothing revealed). */
async function visibleObligation({
  db,
  actor,
  obligationId,
}: {
  db: Db;
  actor: Actor;
  obligationId: string;
}) {
  const missing = () => notFound("reporting.obligationNotFound", "Không tìm thấy yêu cầu báo cáo.");
  const obligation = await createObligationsRepository(db).findObligation(obligationId);
  if (!obligation) throw missing();
  const plan = await getVisiblePlan({ db, actor, id: obligation.planId }).catch(() => {
    throw missing();
  });
  if (!canViewDashboard(actor, plan)) throw missing();
  return { obligation, plan };
}

/**
 * The obligation and period a dashboard view is about, if the actor may see that plan's dashboard;
 * otherwise "not found", so that neither the plan nor the obligation is revealed.
 */
async function dashboardPeriod({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: { obligationId: string; periodKey: string };
}) {
  const { obligation } = await visibleObligation({ db, actor, obligationId: query.obligationId });
  const period = obligationPeriod(obligation, query.periodKey);
  const p = { scope: taskScope(actor), obligationId: obligation.id, periodKey: period.key, today: today() };
  return { obligation, period, p };
}

const zeroCounts = () =>
  Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<AssignmentStatus, number>;

/**
 * Expected, received and on-time reports (by unit kind and level), task statuses, components. The
 * lists (late units, overdue tasks) are paged apart: `dashboardLateUnits`, `dashboardOverdueTasks`.
 */
export async function reportingDashboard({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}): Promise<z.infer<typeof dashboardResponse>> {
  const { period, p } = await dashboardPeriod({ db, actor, query });
  const repo = createDashboardRepository(db);
  const [trend, { byKind, byLevel }, statusRows, components] = await Promise.all([
    repo.trend(p),
    repo.rates(p),
    repo.taskStatus(p),
    repo.components(p),
  ]);
  const taskStatus = zeroCounts();
  for (const r of statusRows) if (r.status in taskStatus) taskStatus[r.status as AssignmentStatus] += r.n;
  const totals = byKind.reduce(
    (t, k) => ({
      expected: t.expected + k.expected,
      received: t.received + k.received,
      onTime: t.onTime + k.onTime,
    }),
    { expected: 0, received: 0, onTime: 0 },
  );
  return {
    computedAt: now().toISOString(),
    periodKey: period.key,
    periodLabel: periodLabel(period),
    dueDate: period.due,
    totals,
    byKind,
    byLevel,
    taskStatus,
    components,
    trend: trend.map(({ periodStart, periodEnd, ...t }) => ({
      ...t,
      periodLabel: labelOfPeriod({ periodKey: t.periodKey, periodStart, periodEnd }),
    })),
  };
}

const pageOf = (query: { page: number; pageSize: number }) => ({
  limit: query.pageSize,
  // Offsets stop at the cap, as every list's do.
  offset: Math.min((query.page - 1) * query.pageSize, TOTAL_CAP),
  cap: TOTAL_CAP,
});
const pageAnswer = <T>(query: { page: number; pageSize: number }, rows: T[], total: number) => ({
  items: rows,
  total: Math.min(total, TOTAL_CAP),
  totalExact: total <= TOTAL_CAP,
  page: query.page,
  pageSize: query.pageSize,
});

/** The units late with the period's report (not sent by the due day, or sent after it), a page at a time. */
export async function dashboardLateUnits({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardListQuery>;
}): Promise<z.infer<typeof lateUnitListResponse>> {
  const { p } = await dashboardPeriod({ db, actor, query });
  const { rows, total } = await createDashboardRepository(db).lateUnits({ ...p, ...pageOf(query) });
  const items = rows.map((u) => ({ ...u, state: u.state as ReportState, submittedAt: iso(u.submittedAt) }));
  return pageAnswer(query, items, total);
}

/** The period's overdue task entries (as the dashboard's counter counts them), a page at a time. */
export async function dashboardOverdueTasks({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardListQuery>;
}): Promise<z.infer<typeof overdueTaskListResponse>> {
  const { p } = await dashboardPeriod({ db, actor, query });
  const { rows, total } = await createDashboardRepository(db).overdueTasks({ ...p, ...pageOf(query) });
  return pageAnswer(query, rows, total);
}

/** Every overdue task entry of the period in the actor's scope (the consolidated report's annex). */
export async function allOverdueTasks({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  const { p } = await dashboardPeriod({ db, actor, query });
  return createDashboardRepository(db).allOverdueTasks(p);
}

/** Drill-down from the dashboard to one task: every unit's entry on it for the period, in scope. */
export async function dashboardTask({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardTaskQuery>;
}): Promise<z.infer<typeof dashboardTaskResponse>> {
  const { obligation, p } = await dashboardPeriod({ db, actor, query });
  const task = await createObligationsRepository(db).planTask({
    taskId: query.taskId,
    planId: obligation.planId,
  });
  if (!task) throw notFound("reporting.taskNotFound", "Không tìm thấy nhiệm vụ trong kế hoạch này.");
  const { page, pageSize, status } = query;
  const { rows, counts } = await createDashboardRepository(db).taskEntries({
    ...p,
    taskId: task.id,
    status,
    page,
    pageSize,
  });
  const byStatus = zeroCounts();
  for (const c of counts) if (c.status in byStatus) byStatus[c.status as AssignmentStatus] += c.n;
  const total = status ? byStatus[status] : Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    task,
    counts: byStatus,
    total,
    page,
    pageSize,
    rows: rows.map((r) => ({
      ...r,
      reportState: r.reportState as ReportState,
      status: r.status as AssignmentStatus,
    })),
  };
}

/** The dashboard's second trend: the tasks' state per period, for the obligation's periods so far. */
export async function progressTrend({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof progressTrendQuery>;
}): Promise<z.infer<typeof progressTrendResponse>> {
  const { obligation } = await visibleObligation({ db, actor, obligationId: query.obligationId });
  const rows = await createDashboardRepository(db).progressTrend({
    scope: taskScope(actor),
    obligationId: obligation.id,
    today: today(),
  });
  return {
    periods: rows.map(({ periodStart, periodEnd, ...r }) => ({
      ...r,
      periodLabel: labelOfPeriod({ periodKey: r.periodKey, periodStart, periodEnd }),
    })),
  };
}
