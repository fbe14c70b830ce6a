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
  followUpUnitsQuery,
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
import { followUpDashboard, followUpDashboardUnits } from "./follow-up.service";

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

/**
 * The follow-up section (items by class, initiatives short), kept per (revisions 'org_units' and
 * 'follow_up', day, actor's scope, query). Exact: every write that moves a figure bumps 'follow_up'
 * (migration 0027: an item created, removed, assigned, moved, given a deadline or changing state; an
 * initiative registered, decided or moved; a minimum set), and the day is in the key, so an item
 * turns overdue at midnight. The time to live only bounds the memory of answers nobody asks again.
 */
const followUpAnswers = defineAnswerCache({
  name: "dashboard-follow-up",
  revisions: ["org_units", "follow_up"],
  ttlMs: 60_000,
  max: 1_000,
});

export async function cachedFollowUpDashboard(args: { db: Db; actor: Actor; query: Record<string, never> }) {
  return followUpAnswers.get("summary", args, () => followUpDashboard(args));
}

export async function cachedFollowUpUnits(args: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof followUpUnitsQuery>;
}) {
  return followUpAnswers.get("units", args, () => followUpDashboardUnits(args));
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
