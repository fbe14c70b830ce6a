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
import { type Actor, actorScopeKey } from "../../../app/actor";
import type { Db } from "../../../app/db";
import { createJsonAnswers } from "../../../app/json-answers";
import { readRevisions } from "../../../app/revisions";
import { today } from "../../org-units/org-units.service";
import {
  dashboardLateUnits,
  dashboardOverdueTasks,
  progressTrend,
  reportingDashboard,
} from "./dashboard.service";

export const DASHBOARD_TTL_MS = 20_000;

const answers = createJsonAnswers({ ttlMs: DASHBOARD_TTL_MS, max: 1_000 });

const keyOf = async (args: { db: Db; actor: Actor; query: unknown }, view: string) =>
  [
    view,
    // Units' names and places too: a unit renamed or moved in any process shows at once.
    await readRevisions(args.db, ["org_units", "reports"]),
    today(),
    actorScopeKey(args.actor),
    JSON.stringify(args.query),
  ].join("\n");

export async function cachedReportingDashboard(args: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  return answers.get(await keyOf(args, "dashboard"), () => reportingDashboard(args));
}

/** The progress trend, kept alike: every period's entries are read, so it is worth keeping. */
export async function cachedProgressTrend(args: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof progressTrendQuery>;
}) {
  return answers.get(await keyOf(args, "progressTrend"), () => progressTrend(args));
}

/** A page of the dashboard's late units or overdue tasks, kept alike so its total agrees with the counters. */
export async function cachedDashboardList(
  list: "lateUnits" | "overdueTasks",
  args: { db: Db; actor: Actor; query: z.infer<typeof dashboardListQuery> },
) {
  return answers.get(await keyOf(args, list), () =>
    list === "lateUnits" ? dashboardLateUnits(args) : dashboardOverdueTasks(args),
  );
}
