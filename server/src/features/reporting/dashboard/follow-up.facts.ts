/**
 * What the consolidated report says of the follow-up registers (issue 17): inspections held and the
 * findings they raised, remediation by unit, dialogues held and the recommendations they raised, and
 * the year's reform initiatives. Two windows: the report's period for what happened in it (inspections
 * and dialogues held, recommendations received), and from the start of the year to the period's end
 * for the work followed ("lũy kế"), so a monthly report still names remediation that fell overdue in
 * an earlier month. Classes are judged today (the report's day) by core's `followUpStatus` through
 * its SQL mirror; initiatives by the register's yearly count. Everything is cut to the report's area:
 * the plan's province, and a coordinator's monitored area (the dashboard's scope).
 */
import { type SQL, sql } from "drizzle-orm";
import { type FollowUpTally, followUpTally } from "../../../../../core/src/follow-up/items";
import type { AssignmentStatus } from "../../../../../core/src/plans/status";
import { compareVietnamese } from "../../../../../core/src/text/vietnamese";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { createCoverageRepository } from "../../follow-up/initiatives/coverage.repository";
import { provinceCoverageFilter } from "../../follow-up/initiatives/coverage.service";
import { itemStatusSql } from "../../follow-up/items/follow-up-status.sql";
import { likePrefix } from "../../follow-up/items/items.scope";
import type { TaskScope } from "../../plans/plans.policy";

/** The report's area: a province, or one unit's subtree of it. */
export interface FollowUpArea {
  provinceId: string;
  unitPath: string | null;
}

/** The dashboard's scope over the plan's province (an administrator's "all" is the plan's province). */
export const followUpArea = (scope: TaskScope, planProvinceId: string): FollowUpArea => ({
  provinceId: planProvinceId,
  unitPath: scope.kind === "subtree" ? scope.unitPath : null,
});

export interface FollowUpWindow {
  /** The period's first day, and its last (or today, while it runs). */
  periodFrom: string;
  to: string;
  /** The start of the year of `to` (or the period's start, if earlier): the "lũy kế" window. */
  sinceFrom: string;
  /** The day classes are judged on (the province's today). */
  today: string;
  /** The year of the initiatives' count. */
  year: number;
}

export function followUpWindow(period: { start: string; end: string }, today: string): FollowUpWindow {
  const to = period.end < today ? period.end : today;
  const yearStart = `${to.slice(0, 4)}-01-01`;
  return {
    periodFrom: period.start,
    to,
    sinceFrom: period.start < yearStart ? period.start : yearStart,
    today,
    year: Number(to.slice(0, 4)),
  };
}

/** Items of one unit (null: not yet assigned), counted by class. */
export interface UnitTally {
  unitName: string | null;
  tally: FollowUpTally;
}

export interface FollowUpFacts {
  window: FollowUpWindow;
  inspections: { held: number; units: number; findings: number };
  remediation: { total: FollowUpTally; byUnit: UnitTally[] };
  dialogues: { held: number; received: number };
  recommendations: { total: FollowUpTally; unassigned: number; published: number; byUnit: UnitTally[] };
  initiatives: {
    year: number;
    units: number;
    registered: number;
    recognised: number;
    replicated: number;
    unitsShort: number;
    /** The units with no initiative that counts this year, by name. */
    withNone: string[];
  };
}

/** Items `i` in the area: by their responsible unit, or while unassigned by the unit that follows them. */
function itemArea(a: FollowUpArea): SQL {
  if (!a.unitPath) return sql`i.province_id = ${a.provinceId}`;
  const prefix = likePrefix(a.unitPath);
  return sql`i.province_id = ${a.provinceId} and (i.unit_path like ${prefix}
    or (i.unit_id is null and i.follower_unit_path like ${prefix}))`;
}

const pathIn = (column: SQL, a: FollowUpArea) =>
  a.unitPath ? sql`and ${column} like ${likePrefix(a.unitPath)}` : sql``;

async function heldInPeriod(db: DbOrTx, a: FollowUpArea, w: FollowUpWindow) {
  const [inspections, dialogues] = await Promise.all([
    db.execute(sql`with held as (
        select ins.id, ins.unit_id from inspections ins
        where ins.province_id = ${a.provinceId} and ins.state = 'done'
          and ins.held_on between ${w.periodFrom}::date and ${w.to}::date ${pathIn(sql`ins.unit_path`, a)})
      select (select count(*) from held)::int as held, (select count(distinct unit_id) from held)::int as units,
        (select count(*) from inspection_findings f join held h on h.id = f.inspection_id)::int as findings`),
    db.execute(sql`select
        (select count(*) from dialogues d where d.province_id = ${a.provinceId}
          and d.held_on between ${w.periodFrom}::date and ${w.to}::date ${pathIn(sql`d.host_unit_path`, a)})::int as held,
        (select count(*) from follow_up_items i where ${itemArea(a)} and i.kind = 'recommendation'
          and i.arose_on between ${w.periodFrom}::date and ${w.to}::date)::int as received`),
  ]);
  return {
    inspections: rowsOf<{ held: number; units: number; findings: number }>(inspections)[0] ?? {
      held: 0,
      units: 0,
      findings: 0,
    },
    dialogues: rowsOf<{ held: number; received: number }>(dialogues)[0] ?? { held: 0, received: 0 },
  };
}

interface ClassRow {
  kind: string;
  unitName: string | null;
  status: AssignmentStatus;
  n: number;
  published: number;
}

/** Items arisen since the start of the year, per kind, responsible unit and class (closed ones have none). */
async function classesSince(db: DbOrTx, a: FollowUpArea, w: FollowUpWindow) {
  const status = itemStatusSql(w.today);
  const result = await db.execute(sql`select i.kind, i.unit_id as "unitId", u.name as "unitName",
      ${status} as status, count(*)::int as n, (count(*) filter (where i.published))::int as published
    from follow_up_items i left join org_units u on u.id = i.unit_id
    where ${itemArea(a)} and i.arose_on between ${w.sinceFrom}::date and ${w.to}::date and ${status} is not null
    group by 1, 2, 3, 4`);
  return rowsOf<ClassRow & { unitId: string | null }>(result);
}

/** Per unit and in all, from rows of one kind; units by Vietnamese name, the unassigned last. */
function tallies(rows: Array<ClassRow & { unitId: string | null }>) {
  const byUnit = new Map<
    string,
    { unitName: string | null; counts: Partial<Record<AssignmentStatus, number>> }
  >();
  const all: Partial<Record<AssignmentStatus, number>> = {};
  for (const r of rows) {
    const key = r.unitId ?? "";
    const entry = byUnit.get(key) ?? { unitName: r.unitName, counts: {} };
    entry.counts[r.status] = (entry.counts[r.status] ?? 0) + r.n;
    byUnit.set(key, entry);
    all[r.status] = (all[r.status] ?? 0) + r.n;
  }
  const units: UnitTally[] = [...byUnit.values()]
    .map((u) => ({ unitName: u.unitName, tally: followUpTally(u.counts) }))
    .sort((x, y) =>
      x.unitName === null ? 1 : y.unitName === null ? -1 : compareVietnamese(x.unitName, y.unitName),
    );
  return { total: followUpTally(all), byUnit: units };
}

export async function followUpFacts({
  db,
  area,
  window,
}: {
  db: DbOrTx;
  area: FollowUpArea;
  window: FollowUpWindow;
}): Promise<FollowUpFacts> {
  const coverage = await provinceCoverageFilter(db, {
    provinceId: area.provinceId,
    year: window.year,
    scopePath: area.unitPath,
  });
  const [held, classes, initiatives] = await Promise.all([
    heldInPeriod(db, area, window),
    classesSince(db, area, window),
    createCoverageRepository(db).yearReport(coverage),
  ]);
  const recommendations = classes.filter((r) => r.kind === "recommendation");
  return {
    window,
    inspections: held.inspections,
    remediation: tallies(classes.filter((r) => r.kind === "remediation")),
    dialogues: held.dialogues,
    recommendations: {
      ...tallies(recommendations),
      unassigned: recommendations.filter((r) => r.unitId === null).reduce((n, r) => n + r.n, 0),
      published: recommendations.reduce((n, r) => n + r.published, 0),
    },
    initiatives: { year: window.year, ...initiatives },
  };
}
