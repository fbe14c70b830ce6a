/**
 * The coordinator dashboard's section "Theo dõi sau kiểm tra, kiến nghị, sáng kiến": remediation after
 * inspection and recommendations by class, in all, per level and per unit, and the required units
 * short of initiatives this year, all cut to the actor's scope as the rest of the dashboard is
 * (`taskScope`). Each figure is what the list it links to shows: the items list filtered by kind,
 * class and unit (with the scope's unit where the scope is part of a province), the initiatives'
 * coverage view of the same units.
 */
import type { z } from "zod";
import type {
  followUpDashboardResponse,
  followUpUnitListResponse,
  followUpUnitsQuery,
} from "../../../../../core/src/api/reporting.schemas";
import type { Actor } from "../../../app/actor";
import { now } from "../../../app/clock";
import type { Db } from "../../../app/db";
import { createCoverageRepository } from "../../follow-up/initiatives/coverage.repository";
import { coverageFilter } from "../../follow-up/initiatives/coverage.service";
import { currentYear } from "../../follow-up/initiatives/initiatives.service";
import { today } from "../../org-units/org-units.service";
import { type TaskScope, taskScope } from "../../plans/plans.policy";
import { TOTAL_CAP } from "../../plans/views/views.repository";
import { createFollowUpDashboardRepository } from "./follow-up.repository";

/** The unit a subtree scope is cut to: the last id of its path ("/a/b/c/" → c); none for a province. */
export const scopeUnitIdOf = (scope: TaskScope) =>
  scope.kind === "subtree" ? (scope.unitPath.split("/").filter(Boolean).at(-1) ?? null) : null;

/** The year's required units short of the minimum, as the coverage view of the same units counts them. */
async function initiativesSummary(db: Db, actor: Actor, scopeUnitId: string | null) {
  const year = currentYear();
  const { filter } = await coverageFilter({ db, actor, query: { year, unitId: scopeUnitId ?? undefined } });
  const summary = filter
    ? await createCoverageRepository(db).summary(filter)
    : { units: 0, unitsShort: 0, unitsWithNone: 0 };
  return { year, ...summary };
}

export async function followUpDashboard({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<z.infer<typeof followUpDashboardResponse>> {
  const scope = taskScope(actor);
  const scopeUnitId = scopeUnitIdOf(scope);
  const [counts, initiatives] = await Promise.all([
    createFollowUpDashboardRepository(db).summary({ scope, today: today() }),
    initiativesSummary(db, actor, scopeUnitId),
  ]);
  return {
    computedAt: now().toISOString(),
    scopeUnitId,
    totals: counts.totals,
    byLevel: counts.byLevel,
    // Not yet assigned: received, not closed (neither accepted nor closed can happen before assignment).
    unassigned: {
      remediation: counts.unassigned.remediation.unfinished,
      recommendation: counts.unassigned.recommendation.unfinished,
    },
    initiatives,
  };
}

/** The units responsible for items, most overdue first, a page at a time with the true total. */
export async function followUpDashboardUnits({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof followUpUnitsQuery>;
}): Promise<z.infer<typeof followUpUnitListResponse>> {
  const { rows, total } = await createFollowUpDashboardRepository(db).units({
    scope: taskScope(actor),
    today: today(),
    limit: query.pageSize,
    // Offsets stop at the cap, as every list's do.
    offset: Math.min((query.page - 1) * query.pageSize, TOTAL_CAP),
    cap: TOTAL_CAP,
  });
  return {
    items: rows,
    total: Math.min(total, TOTAL_CAP),
    totalExact: total <= TOTAL_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}
