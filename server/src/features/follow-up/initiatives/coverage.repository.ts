/**
 * SQL of the yearly count: every unit that must have initiatives (core's INITIATIVE_REQUIRED_KINDS,
 * active on the year's last day or today), the initiatives of the year that count for it
 * (`countsTowardMinimum`; a department's internal units count for it), and its shortfall against
 * the minimum of its kind. One grouped pass over the year's initiatives, hash-joined to the units:
 * no per-unit query. `coverage.sql.test.ts` checks the SQL against core's rules.
 */
import { type SQL, sql } from "drizzle-orm";
import {
  countsTowardMinimum,
  INITIATIVE_REQUIRED_KINDS,
  INITIATIVE_STATES,
  type InitiativeRequiredKind,
  isRecognised,
} from "../../../../../core/src/follow-up/initiatives";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { escapeLike } from "../../org-units/org-units.repository";
import { textMatch } from "../../plans/plans.repository";
import { initiativeMinimums } from "../follow-up.table";

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
/** Core's rules as SQL lists of states, derived from the rules themselves. */
const COUNTING = INITIATIVE_STATES.filter(countsTowardMinimum);
const RECOGNISED = INITIATIVE_STATES.filter(isRecognised);

export interface CoverageFilter {
  provinceId: string;
  year: number;
  /** The day the units must be active on. */
  day: string;
  minimums: Record<InitiativeRequiredKind, number>;
  /** The actor's subtree (a unit sees itself and the units under it); null: the province. */
  scopePath: string | null;
  unitPath?: string;
  kind?: InitiativeRequiredKind;
  q?: string;
}

export interface CoverageRow {
  unitId: string;
  unitName: string;
  unitKind: InitiativeRequiredKind;
  registered: number;
  counted: number;
  recognised: number;
  minimum: number;
  shortfall: number;
}

/**
 * Every required unit of the view with its counts and minimum (`shortfall` for sorting and filtering).
 * The year's initiatives are counted per unit first (an index-only scan of
 * `initiatives_province_year_unit_idx`); `owner` then says whose count a unit's adds to: its own;
 * an internal office's goes to the nearest required unit above it (its department). Two branches
 * joined, not a lookup written for every row: the planner costed such a lookup on all rows, and the
 * cost woke PostgreSQL's JIT (0.4 to 1.3 s a request).
 */
function coverageSql(f: CoverageFilter): SQL {
  const where: SQL[] = [
    sql`u.province_id = ${f.provinceId}`,
    sql`u.kind in (${list(f.kind ? [f.kind] : INITIATIVE_REQUIRED_KINDS)})`,
    sql`(u.valid_from is null or u.valid_from <= ${f.day})`,
    sql`(u.valid_to is null or u.valid_to >= ${f.day})`,
  ];
  if (f.scopePath) where.push(sql`u.path like ${`${escapeLike(f.scopePath)}%`}`);
  if (f.unitPath) where.push(sql`u.path like ${`${escapeLike(f.unitPath)}%`}`);
  if (f.q?.trim()) where.push(textMatch(sql`u.search_text`, f.q));
  return sql`with req as (
      select u.id, u.name, u.kind, u.sort_key from org_units u where ${sql.join(where, sql` and `)}
    ), per_unit as (
      select i.unit_id, count(*)::int as registered,
        (count(*) filter (where i.state in (${list(COUNTING)})))::int as counted,
        (count(*) filter (where i.state in (${list(RECOGNISED)})))::int as recognised,
        (count(*) filter (where i.state = 'replicated'))::int as replicated
      from initiatives i where i.province_id = ${f.provinceId} and i.year = ${f.year}
      group by i.unit_id
    ), owner as (
      select p.unit_id, p.registered, p.counted, p.recognised, p.replicated
      from per_unit p join org_units iu on iu.id = p.unit_id where iu.kind <> 'internalUnit'
      union all
      (select distinct on (p.unit_id) a.id, p.registered, p.counted, p.recognised, p.replicated
      from per_unit p join org_units iu on iu.id = p.unit_id
        join org_units a on a.id = any(string_to_array(trim(both '/' from iu.path), '/')::uuid[])
          and a.kind in (${list(INITIATIVE_REQUIRED_KINDS)})
      where iu.kind = 'internalUnit'
      order by p.unit_id, a.depth desc)
    ), counts as (
      select unit_id, sum(registered)::int as registered, sum(counted)::int as counted,
        sum(recognised)::int as recognised, sum(replicated)::int as replicated
      from owner group by unit_id
    ), rows as (
      select r.id as "unitId", r.name as "unitName", r.kind as "unitKind", r.sort_key,
        coalesce(c.registered, 0) as registered, coalesce(c.counted, 0) as counted,
        coalesce(c.recognised, 0) as recognised, coalesce(c.replicated, 0) as replicated,
        (case r.kind when 'department' then ${f.minimums.department}::int
          when 'district' then ${f.minimums.district}::int else ${f.minimums.commune}::int end) as minimum
      from req r left join counts c on c.unit_id = r.id
    )
    select *, greatest(0, minimum - counted) as shortfall from rows`;
}

const KIND_ORDER = sql`case y."unitKind" when 'department' then 0 when 'district' then 1 else 2 end`;

export function createCoverageRepository(db: DbOrTx) {
  return {
    /**
     * One page: the units short first (most lacking), then by kind and Vietnamese name; with the
     * view's summary counted over every unit (window counts before the "only short" filter), so one
     * pass over the year's initiatives answers both.
     */
    async page(f: CoverageFilter & { onlyShort: boolean; limit: number; offset: number }) {
      const result = await db.execute(sql`select y."unitId", y."unitName", y."unitKind", y.registered,
          y.counted, y.recognised, y.minimum, y.shortfall, y.units, y."unitsShort", y."unitsWithNone"
        from (select x.*, count(*) over ()::int as units,
            (count(*) filter (where x.shortfall > 0) over ())::int as "unitsShort",
            (count(*) filter (where x.counted = 0) over ())::int as "unitsWithNone"
          from (${coverageSql(f)}) x) y
        ${f.onlyShort ? sql`where y.shortfall > 0` : sql``}
        order by y.shortfall desc, ${KIND_ORDER}, y.sort_key collate "C", y."unitId"
        limit ${f.limit} offset ${f.offset}`);
      const rows = rowsOf<CoverageRow & { units: number; unitsShort: number; unitsWithNone: number }>(result);
      const first = rows[0];
      return {
        rows: rows.map(({ units: _u, unitsShort: _s, unitsWithNone: _n, ...r }) => r),
        summary: first
          ? { units: first.units, unitsShort: first.unitsShort, unitsWithNone: first.unitsWithNone }
          : null,
      };
    },

    /** Over every unit of the view: how many, how many short, how many without any that counts. */
    async summary(f: CoverageFilter) {
      const result = await db.execute(sql`select count(*)::int as units,
          (count(*) filter (where x.shortfall > 0))::int as "unitsShort",
          (count(*) filter (where x.counted = 0))::int as "unitsWithNone"
        from (${coverageSql(f)}) x`);
      return (
        rowsOf<{ units: number; unitsShort: number; unitsWithNone: number }>(result)[0] ?? {
          units: 0,
          unitsShort: 0,
          unitsWithNone: 0,
        }
      );
    },

    /**
     * Every required unit of the view with its count and minimum, unordered and unpaged: the yearly
     * scorecards put each beside the unit's other figures.
     */
    async units(f: CoverageFilter) {
      const result = await db.execute(sql`select x."unitId", x."unitName", x."unitKind", x.counted, x.minimum
        from (${coverageSql(f)}) x`);
      return rowsOf<Pick<CoverageRow, "unitId" | "unitName" | "unitKind" | "counted" | "minimum">>(result);
    },
    /**
     * The year over every unit of the view, for the consolidated report: the initiatives registered,
     * recognised and replicated (as each unit's count has them), how many units, how many short of the
     * minimum, and the units with none that counts, by name in the view's order.
     */
    async yearReport(f: CoverageFilter) {
      const [totals, none] = await Promise.all([
        db.execute(sql`select count(*)::int as units,
            coalesce(sum(x.registered), 0)::int as registered,
            coalesce(sum(x.recognised), 0)::int as recognised,
            coalesce(sum(x.replicated), 0)::int as replicated,
            (count(*) filter (where x.shortfall > 0))::int as "unitsShort"
          from (${coverageSql(f)}) x`),
        db.execute(sql`select y."unitName" from (${coverageSql(f)}) y where y.counted = 0
          order by ${KIND_ORDER}, y.sort_key collate "C", y."unitId"`),
      ]);
      const t = rowsOf<{
        units: number;
        registered: number;
        recognised: number;
        replicated: number;
        unitsShort: number;
      }>(totals)[0];
      return {
        units: t?.units ?? 0,
        registered: t?.registered ?? 0,
        recognised: t?.recognised ?? 0,
        replicated: t?.replicated ?? 0,
        unitsShort: t?.unitsShort ?? 0,
        withNone: rowsOf<{ unitName: string }>(none).map((r) => r.unitName),
      };
    },

    /** The minimums a province set for a year, by kind of unit. */
    async minimums(p: { provinceId: string; year: number }) {
      const rows = await db
        .select({ unitKind: initiativeMinimums.unitKind, minimum: initiativeMinimums.minimum })
        .from(initiativeMinimums)
        .where(
          sql`${initiativeMinimums.provinceId} = ${p.provinceId} and ${initiativeMinimums.year} = ${p.year}`,
        );
      return Object.fromEntries(rows.map((r) => [r.unitKind, r.minimum])) as Partial<
        Record<InitiativeRequiredKind, number>
      >;
    },

    async setMinimum(p: {
      provinceId: string;
      year: number;
      unitKind: InitiativeRequiredKind;
      minimum: number | null;
      userId: string;
    }) {
      if (p.minimum === null) {
        await db.execute(sql`delete from initiative_minimums
          where province_id = ${p.provinceId} and year = ${p.year} and unit_kind = ${p.unitKind}`);
        return;
      }
      await db.execute(sql`insert into initiative_minimums (province_id, year, unit_kind, minimum, updated_by)
        values (${p.provinceId}, ${p.year}, ${p.unitKind}, ${p.minimum}, ${p.userId})
        on conflict (province_id, year, unit_kind)
        do update set minimum = excluded.minimum, updated_by = excluded.updated_by, updated_at = now()`);
    },
  };
}
