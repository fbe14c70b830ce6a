/**
 * The yearly count per unit against the required minimum (seed 000 II.7: every unit at least one a
 * year; seed 003 Appendix 2: three of each department): which units have enough, which lack how
 * many. The minimum of a kind of unit is the one the province's coordinators set for the year, else
 * core's default; a minimum given in the query is looked at in its place (nothing stored).
 */
import type { z } from "zod";
import type {
  initiativeCoverageQuery,
  initiativeCoverageResponse,
  initiativeMinimumsBody,
} from "../../../../../core/src/api/follow-up-initiatives.schemas";
import {
  INITIATIVE_REQUIRED_KINDS,
  type InitiativeRequiredKind,
  initiativeShortfall,
  initiativeYearProblem,
  minimumFor,
} from "../../../../../core/src/follow-up/initiatives";
import { type Actor, hasRole } from "../../../app/actor";
import { provinceToday } from "../../../app/clock";
import type { Db, DbOrTx } from "../../../app/db";
import { badRequest, forbidden } from "../../../app/errors";
import { writeAudit } from "../../audit/audit.repository";
import { getVisibleUnit } from "../../org-units/org-units.service";
import { canDecideInitiative } from "../follow-up.policy";
import { type CoverageFilter, createCoverageRepository } from "./coverage.repository";
import { currentYear } from "./initiatives.service";

type Minimums = Record<InitiativeRequiredKind, number>;

/** The year's minimum of every kind of unit, and whether the province set any. */
export async function yearMinimums(db: DbOrTx, p: { provinceId: string; year: number }) {
  const set = await createCoverageRepository(db).minimums(p);
  const minimums = Object.fromEntries(
    INITIATIVE_REQUIRED_KINDS.map((k) => [k, minimumFor(k, set)]),
  ) as Minimums;
  return { minimums, minimumsSet: Object.keys(set).length > 0 };
}

/**
 * The units are those active on the year's last day (or today, in the year under way): a commune
 * merged away in the year answers through its successor, and districts stop counting after 2025.
 */
const dayOfYear = (year: number) => {
  const today = provinceToday();
  const end = `${year}-12-31`;
  return end < today ? end : today;
};

/**
 * The filter of a province's required units (those under `scopePath` when given: a coordinator's
 * monitored area) for a year, with the year's minimums: what the yearly scorecards and the
 * consolidated report count initiatives by, as this view does.
 */
export async function provinceCoverageFilter(
  db: DbOrTx,
  p: { provinceId: string; year: number; scopePath: string | null },
): Promise<CoverageFilter> {
  const { minimums } = await yearMinimums(db, { provinceId: p.provinceId, year: p.year });
  return { ...p, day: dayOfYear(p.year), minimums };
}

/** The view's units: the province for its coordinators and viewers, else the actor's subtree. */
const scopePathOf = (actor: Actor) =>
  hasRole(actor, "admin") || hasRole(actor, "coordinator") || hasRole(actor, "viewer")
    ? null
    : actor.unitPath;

/** The filter of a coverage view, for the page and for the export's sheet alike. */
export async function coverageFilter({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: Pick<z.infer<typeof initiativeCoverageQuery>, "year" | "minimum" | "kind" | "unitId" | "q">;
}) {
  const year = query.year ?? currentYear();
  const unit = query.unitId ? await getVisibleUnit({ db, actor, id: query.unitId }) : null;
  const provinceId = unit?.provinceId ?? actor.provinceId;
  const stored = provinceId ? await yearMinimums(db, { provinceId, year }) : null;
  const minimums: Minimums =
    query.minimum !== undefined
      ? { department: query.minimum, district: query.minimum, commune: query.minimum }
      : (stored?.minimums ??
        (Object.fromEntries(INITIATIVE_REQUIRED_KINDS.map((k) => [k, minimumFor(k, {})])) as Minimums));
  const filter: CoverageFilter | null = provinceId
    ? {
        provinceId,
        year,
        day: dayOfYear(year),
        minimums,
        scopePath: scopePathOf(actor),
        unitPath: unit?.path,
        kind: query.kind,
        q: query.q,
      }
    : null;
  return { year, filter, minimums, minimumsSet: stored?.minimumsSet ?? false };
}

export async function initiativeCoverage({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof initiativeCoverageQuery>;
}): Promise<z.infer<typeof initiativeCoverageResponse>> {
  const { year, filter, minimums, minimumsSet } = await coverageFilter({ db, actor, query });
  const onlyShort = query.onlyShort === "true";
  const repo = createCoverageRepository(db);
  const page = filter
    ? await repo.page({
        ...filter,
        onlyShort,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      })
    : { rows: [], summary: null };
  // A page past the end carries no summary: count it apart, so the pager can go back.
  const summary =
    page.summary ?? (filter ? await repo.summary(filter) : { units: 0, unitsShort: 0, unitsWithNone: 0 });
  const rows = page.rows;
  return {
    year,
    minimums,
    minimumsSet,
    minimumOverride: query.minimum ?? null,
    // The figure a person reads comes from core's rule; the SQL's own serves the order and the filter.
    rows: rows.map((r) => ({ ...r, shortfall: initiativeShortfall(r.counted, r.minimum) })),
    total: onlyShort ? summary.unitsShort : summary.units,
    page: query.page,
    pageSize: query.pageSize,
    summary,
    can: {
      setMinimum: actor.provinceId !== null && canDecideInitiative(actor, { provinceId: actor.provinceId }),
    },
  };
}

/** A coordinator sets the year's minimum per kind of unit (null: back to the default). */
export async function setInitiativeMinimums({
  db,
  actor,
  year,
  input,
}: {
  db: Db;
  actor: Actor;
  year: number;
  input: z.infer<typeof initiativeMinimumsBody>;
}) {
  const provinceId = actor.provinceId;
  if (!provinceId || !canDecideInitiative(actor, { provinceId }))
    throw forbidden(
      "initiative.forbidden",
      "Chỉ cán bộ điều phối của tỉnh được đặt số sáng kiến tối thiểu mỗi năm.",
    );
  const problem = initiativeYearProblem(year, currentYear());
  if (problem) throw badRequest("initiative.year", problem);
  await db.transaction(async (tx) => {
    const repo = createCoverageRepository(tx);
    const before = await yearMinimums(tx, { provinceId, year });
    for (const kind of INITIATIVE_REQUIRED_KINDS) {
      const value = input[kind];
      if (value === undefined) continue;
      await repo.setMinimum({ provinceId, year, unitKind: kind, minimum: value, userId: actor.userId });
    }
    const after = await yearMinimums(tx, { provinceId, year });
    await writeAudit({
      tx,
      actor,
      record: {
        entity: "initiativeMinimum",
        entityId: provinceId,
        action: "update",
        before: { year, ...before.minimums },
        after: { year, ...after.minimums },
      },
    });
  });
  return { year, ...(await yearMinimums(db, { provinceId, year })) };
}
