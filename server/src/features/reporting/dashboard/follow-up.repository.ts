/**
 * The dashboard's follow-up section in SQL: the items in the actor's scope counted per responsible
 * unit and kind by core's figures (`FOLLOW_UP_FIGURES`), each item's class by the items' one SQL status
 * rule (`follow-up-status.sql.ts`), in one grouped pass over the items; units are joined only to the
 * per-unit counts (a level is computed per unit, not per item).
 */
import { type SQL, sql } from "drizzle-orm";
import {
  FOLLOW_UP_FIGURES,
  FOLLOW_UP_KINDS,
  type FollowUpFigure,
  type FollowUpKind,
  UNFINISHED_STATUSES,
} from "../../../../../core/src/follow-up/items";
import type { AdminLevel } from "../../../../../core/src/reporting/levels";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { itemStatusSql } from "../../follow-up/items/follow-up-status.sql";
import type { TaskScope } from "../../plans/plans.policy";
import { reportScope } from "../reports/reports.repository";
import { levelOf, type Paging, paged } from "./dashboard.repository";

export type FigureCounts = Record<FollowUpFigure, number>;
export type KindCounts = Record<FollowUpKind, FigureCounts>;

/**
 * A figure's condition over a group `g` of items of one kind, state closed or not, and class: the
 * closed state, every unfinished class, or one class.
 */
const figureCondition = (figure: FollowUpFigure): SQL => {
  if (figure === "closed") return sql`g.closed`;
  if (figure === "unfinished")
    return sql`g.status in (${sql.join(
      UNFINISHED_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )})`;
  return sql`g.status = ${figure}`;
};

/** Column names of the counts: "remediation.overdue"… (constants, never input). */
const column = (kind: FollowUpKind, figure: FollowUpFigure) => sql.raw(`"${kind}.${figure}"`);
const EACH = FOLLOW_UP_KINDS.flatMap((kind) => FOLLOW_UP_FIGURES.map((figure) => ({ kind, figure })));

/**
 * Per responsible unit (null: not yet assigned), one count per kind and figure. The items are first
 * grouped by unit, kind, closed and class, so each item's class is computed once (as ten filtered
 * counts over the items, PostgreSQL computed it for each: 0.7 s over 700,000 items).
 */
function perUnit(p: { scope: TaskScope; today: string; assignedOnly?: boolean }) {
  const counts = sql.join(
    EACH.map(
      ({ kind, figure }) =>
        sql`coalesce(sum(g.n) filter (where g.kind = ${kind} and ${figureCondition(figure)}), 0)::int as ${column(kind, figure)}`,
    ),
    sql`, `,
  );
  return sql`select g.unit_id, ${counts}
    from (select i.unit_id, i.kind, i.state = 'closed' as closed, ${itemStatusSql(p.today)} as status,
        count(*) as n
      from follow_up_items i
      where ${reportScope(p.scope, sql`i`)} ${p.assignedOnly ? sql`and i.unit_id is not null` : sql``}
      group by 1, 2, 3, 4) g
    group by g.unit_id`;
}

/** The flat columns of a row as counts by kind and figure. */
function kindCounts(row: Record<string, unknown>): KindCounts {
  const out = {} as KindCounts;
  for (const kind of FOLLOW_UP_KINDS) {
    out[kind] = {} as FigureCounts;
    for (const figure of FOLLOW_UP_FIGURES) out[kind][figure] = Number(row[`${kind}.${figure}`] ?? 0);
  }
  return out;
}

const sums = sql.join(
  EACH.map(({ kind, figure }) => sql`sum(${column(kind, figure)})::int as ${column(kind, figure)}`),
  sql`, `,
);
const overdueOf = sql.join(
  FOLLOW_UP_KINDS.map((k) => sql`per.${column(k, "overdue")}`),
  sql` + `,
);
const unfinishedOf = sql.join(
  FOLLOW_UP_KINDS.map((k) => sql`per.${column(k, "unfinished")}`),
  sql` + `,
);

export function createFollowUpDashboardRepository(db: DbOrTx) {
  return {
    /** The counts of every item in scope, of each level's units, and of the items not yet assigned. */
    async summary(p: { scope: TaskScope; today: string }) {
      const result = await db.execute(sql`with per as (${perUnit(p)}),
        lvl as (select per.*, case when per.unit_id is null then null
            else ${levelOf(sql`u.kind`, sql`u.path`)} end as level
          from per left join org_units u on u.id = per.unit_id)
        select lvl.level, grouping(lvl.level)::int as "isTotal", ${sums}
        from lvl group by grouping sets ((lvl.level), ())`);
      const rows = rowsOf<Record<string, unknown> & { level: AdminLevel | null; isTotal: number }>(result);
      const none = kindCounts({});
      const total = rows.find((r) => r.isTotal === 1);
      const unassigned = rows.find((r) => r.isTotal === 0 && r.level === null);
      return {
        totals: total ? kindCounts(total) : none,
        byLevel: rows
          .filter((r) => r.isTotal === 0 && r.level !== null)
          .map((r) => ({ level: r.level as AdminLevel, ...kindCounts(r) })),
        unassigned: unassigned ? kindCounts(unassigned) : none,
      };
    },

    /** The units responsible for items, most overdue first, then most unfinished, then by name: a page. */
    async units(p: { scope: TaskScope; today: string } & Paging) {
      const { rows, total } = await paged<
        Record<string, unknown> & { unitId: string; unitName: string; unitKind: string; level: AdminLevel }
      >(db, p, {
        select: sql`select per.*, u.id as "unitId", u.name as "unitName", u.kind as "unitKind",
            ${levelOf(sql`u.kind`, sql`u.path`)} as level`,
        from: sql`from (${perUnit({ ...p, assignedOnly: true })}) per join org_units u on u.id = per.unit_id`,
        order: sql`${overdueOf} desc, ${unfinishedOf} desc, u.sort_key collate "C", u.id`,
      });
      return {
        rows: rows.map((r) => ({
          unitId: r.unitId,
          unitName: r.unitName,
          unitKind: r.unitKind,
          level: r.level,
          ...kindCounts(r),
        })),
        total,
      };
    },
  };
}
