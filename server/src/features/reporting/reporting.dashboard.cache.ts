/**
 * The coordinator's dashboard kept in memory per (reports revision, obligation, period, the actor's
 * scope, day), for at most DASHBOARD_TTL_MS. What coordinators act on is exact: any report created,
 * submitted, returned, accepted or reopened, by any process, bumps the revision (migration 0007) and
 * the next request computes afresh. Task statuses and progress come from entries that units autosave
 * all day; those may be up to DASHBOARD_TTL_MS old, and the answer says when it was computed.
 * Concurrent requests for the same answer share one computation; the answer is kept as JSON text.
 */
import type { z } from "zod";
import type { dashboardQuery } from "../../../../core/src/api/reporting.schemas";
import { type Actor, actorScopeKey } from "../../app/actor";
import type { Db } from "../../app/db";
import { createJsonAnswers } from "../../app/json-answers";
import { readRevisions } from "../../app/revisions";
import { today } from "../org-units/org-units.service";
import { reportingDashboard } from "./reporting.dashboard.service";

export const DASHBOARD_TTL_MS = 20_000;

const answers = createJsonAnswers({ ttlMs: DASHBOARD_TTL_MS, max: 1_000 });

export async function cachedReportingDashboard(args: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof dashboardQuery>;
}) {
  const revision = await readRevisions(args.db, ["reports"]);
  const key = [revision, today(), actorScopeKey(args.actor), JSON.stringify(args.query)].join("\n");
  return answers.get(key, () => reportingDashboard(args));
}
