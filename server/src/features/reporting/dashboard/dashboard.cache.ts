/**
 * The coordinator's dashboard kept in memory per (reports and units revisions, obligation, period,
 * the actor's scope, day), for at most DASHBOARD_TTL_MS. What coordinators act on is exact: any report created,
 * submitted, returned, accepted or reopened, by any process, bumps the revision (migration 0007) and
 * the next request computes afresh. Task statuses and progress come from entries that units autosave
 * all day; those may be up to DASHBOARD_TTL_MS old, and the answer says when it was computed.
 * Concurrent requests for the same answer share one computation; the answer is kept as JSON text.
 */
import type { z } from "zod";
import type {
  dashboardListQuery,
  dashboardQuery,
  progressTrendQuery,
} from "../../../../../core/src/api/reporting.schemas";
import type { Actor } from "../../../app/actor";
import { defineAnswerCache } from "../../../app/cached";
import type { Db } from "../../../app/db";
import {
  dashboardLateUnits,
  dashboardOverdueTasks,
  progressTrend,
  reportingDashboard,
} from "./dashboard.service";

export const DASHBOARD_TTL_MS = 20_000;

/**
 * Key: (view, revisions 'org_units' and 'reports', day, actor's scope, query). Invalidated by any
 * report created, removed or changing state, and any unit renamed or moved (a unit's name and place
 * show at once); entries' autosaves do not bump 'reports', hence the time to live.
 */
const answers = defineAnswerCache({
  name: "dashboard",
  revisions: ["org_units", "reports"],
  ttlMs: DASHBOARD_TTL_MS,
  max: 1_000,
});

export async function cachedReportingDashboard(args: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  return answers.get("dashboard", args, () => reportingDashboard(args));
}

/** The progress trend, kept alike: every period's entries are read, so it is worth keeping. */
export async function cachedProgressTrend(args: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof progressTrendQuery>;
}) {
  return answers.get("progressTrend", args, () => progressTrend(args));
}

/** A page of the dashboard's late units or overdue tasks, kept alike so its total agrees with the counters. */
export async function cachedDashboardList(
  list: "lateUnits" | "overdueTasks",
  args: { db: Db; actor: Actor; query: z.infer<typeof dashboardListQuery> },
) {
  return answers.get(list, args, () =>
    list === "lateUnits" ? dashboardLateUnits(args) : dashboardOverdueTasks(args),
  );
}
