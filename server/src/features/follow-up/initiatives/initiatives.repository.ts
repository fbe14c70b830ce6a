/**
 * SQL of the initiatives' register: one initiative with what it shows (unit, component, replications,
 * files, history), the compare-and-set writes, and the paged list cut to the actor's scope in SQL
 * (province by `initiatives_province_year_idx`, a unit's subtree by `initiatives_unit_idx`).
 */
import { type SQL, sql } from "drizzle-orm";
import { foldForMatch } from "../../../../../core/src/text/vietnamese";
import { type DbOrTx, rowsOf } from "../../../app/db";
import { escapeLike } from "../../org-units/org-units.repository";
import { textMatch } from "../../plans/plans.repository";
import type { InitiativeScope } from "../follow-up.policy";
import { initiatives } from "../follow-up.table";

export type InitiativeRow = typeof initiatives.$inferSelect;
export type NewInitiative = Omit<typeof initiatives.$inferInsert, "id" | "searchText" | "version">;

/** What a list searches: the title, the problem, the solution, the field and the results. */
export const initiativeSearchText = (
  i: Pick<InitiativeRow, "title" | "problem" | "solution" | "field" | "expectedResult" | "actualResult">,
) => foldForMatch([i.title, i.problem, i.solution, i.field, i.expectedResult, i.actualResult].join(" "));

const prefix = (path: string) => `${escapeLike(path)}%`;

/**
 * `canReadInitiative` in SQL: the province, or a unit's subtree with what is replicated to it. The
 * subtree is a set of ids (its own by `initiatives_unit_idx`, the replicated by unit) the page is
 * drawn from; written as an `or` over the province's rows it read them all (60 ms at 17,000 a year).
 */
export function scopeCondition(scope: InitiativeScope): SQL {
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "province") return sql`i.province_id = ${scope.provinceId}`;
  return sql`i.province_id = ${scope.provinceId} and i.id in (
    select x.id from initiatives x where x.unit_path like ${prefix(scope.unitPath)}
    union all
    select r.initiative_id from initiative_replications r join org_units ru on ru.id = r.unit_id
      where ru.path like ${prefix(scope.unitPath)})`;
}

export interface InitiativeFilter {
  scope: InitiativeScope;
  year?: number;
  state?: string;
  unitPath?: string;
  versionCode?: string;
  componentCode?: string;
  q?: string;
}

function filterWhere(f: InitiativeFilter): SQL {
  const where: SQL[] = [scopeCondition(f.scope)];
  if (f.year !== undefined) where.push(sql`i.year = ${f.year}`);
  if (f.state) where.push(sql`i.state = ${f.state}`);
  if (f.unitPath) where.push(sql`i.unit_path like ${prefix(f.unitPath)}`);
  if (f.versionCode) where.push(sql`i.version_code = ${f.versionCode}`);
  if (f.componentCode) where.push(sql`i.component_code = ${f.componentCode}`);
  if (f.q?.trim()) where.push(textMatch(sql`i.search_text`, f.q));
  return sql.join(where, sql` and `);
}

/** The newest year first, then the latest registered: the order of the register on paper. */
const ORDER = sql`i.year desc, i.created_at desc, i.id desc`;

/** What a line of the register shows, over initiatives `i` (joined by `summaryJoins`). */
const summaryColumns = sql`i.id, i.province_id as "provinceId", i.unit_id as "unitId",
    u.name as "unitName", u.kind as "unitKind", u.sort_key as "unitSortKey", i.year, i.title, i.field,
    i.version_code as "versionCode", i.component_code as "componentCode", c.name_vi as "componentName",
    i.state, i.decided_on::text as "decidedOn", i.version, i.created_at as "createdAt",
    (select count(*)::int from initiative_replications r where r.initiative_id = i.id) as "replicationCount"`;
const summaryJoins = sql`join org_units u on u.id = i.unit_id
  left join index_components c on c.version_code = i.version_code and c.code = i.component_code`;
const summarySelect = sql`select ${summaryColumns} from initiatives i ${summaryJoins}`;

export interface InitiativeSummaryRow {
  id: string;
  provinceId: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  unitSortKey: string;
  year: number;
  title: string;
  field: string;
  versionCode: string | null;
  componentCode: string | null;
  componentName: string | null;
  state: string;
  decidedOn: string | null;
  version: number;
  createdAt: Date | string;
  replicationCount: number;
}

export interface InitiativeExportRow extends InitiativeSummaryRow {
  problem: string;
  solution: string;
  expectedResult: string;
  actualResult: string;
  decisionNote: string;
  replicatedTo: string | null;
}

export function createInitiativesRepository(db: DbOrTx) {
  return {
    async insert(row: NewInitiative) {
      const [created] = await db
        .insert(initiatives)
        .values({ ...row, searchText: initiativeSearchText(row as InitiativeRow) })
        .returning();
      return created;
    },

    /** The row with its unit's path and kind as they are now (the policy reads them). */
    async find(id: string) {
      const result = await db.execute(sql`${summarySelect} where i.id = ${id}`);
      const summary = rowsOf<InitiativeSummaryRow>(result)[0];
      if (!summary) return null;
      const [row] = await db.select().from(initiatives).where(sql`${initiatives.id} = ${id}`);
      return { ...summary, ...row };
    },

    /** Locks the row for a decision, so two decisions on one initiative queue. */
    async lock(id: string) {
      await db.execute(sql`select id from initiatives where id = ${id} for update`);
    },

    /**
     * Writes the change only while the row is at `version`; answers the new row, or null when another
     * write came first.
     */
    async update({ id, version, set }: { id: string; version: number; set: Partial<InitiativeRow> }) {
      const [current] = await db.select().from(initiatives).where(sql`${initiatives.id} = ${id}`);
      if (!current) return null;
      const next = { ...current, ...set };
      const [updated] = await db
        .update(initiatives)
        .set({
          ...set,
          searchText: initiativeSearchText(next),
          version: sql`${initiatives.version} + 1`,
          updatedAt: new Date(),
        })
        .where(sql`${initiatives.id} = ${id} and ${initiatives.version} = ${version}`)
        .returning();
      return updated ?? null;
    },

    async remove({ id, version }: { id: string; version: number }) {
      const deleted = await db
        .delete(initiatives)
        .where(sql`${initiatives.id} = ${id} and ${initiatives.version} = ${version}`)
        .returning({ id: initiatives.id });
      return deleted.length > 0;
    },

    async replications(id: string) {
      const result = await db.execute(sql`select r.unit_id as "unitId", u.name as "unitName",
          u.path as "unitPath", r.from_date::text as "fromDate"
        from initiative_replications r join org_units u on u.id = r.unit_id
        where r.initiative_id = ${id} order by r.from_date, u.sort_key collate "C", u.id`);
      return rowsOf<{ unitId: string; unitName: string; unitPath: string; fromDate: string }>(result);
    },

    async addReplications(
      rows: Array<{ initiativeId: string; unitId: string; fromDate: string; createdBy: string }>,
    ) {
      if (!rows.length) return;
      await db.execute(sql`insert into initiative_replications (initiative_id, unit_id, from_date, created_by)
        values ${sql.join(
          rows.map((r) => sql`(${r.initiativeId}, ${r.unitId}, ${r.fromDate}, ${r.createdBy})`),
          sql`, `,
        )}`);
    },

    /** The initiative's acts as the audit log holds them, oldest first (at most 200). */
    async history(id: string) {
      const result = await db.execute(sql`select at, actor_name as "actorName", action,
          coalesce(after->>'reason', '') as note,
          coalesce(after->'replicatedTo', '[]'::jsonb) as units, after->>'fromDate' as "fromDate"
        from audit_log where entity = 'initiative' and entity_id = ${id} order by at, id limit 200`);
      return rowsOf<{
        at: Date | string;
        actorName: string;
        action: string;
        note: string;
        units: string[] | string;
        fromDate: string | null;
      }>(result);
    },

    /**
     * Whether a component may be aimed at by a unit of the province: it exists in a published version
     * of a national index or of the province's own.
     */
    async componentUsable(p: { versionCode: string; componentCode: string; provinceId: string }) {
      const result = await db.execute(sql`select 1 from index_components c
        join index_versions v on v.code = c.version_code
        join index_definitions d on d.code = v.index_code
        where c.version_code = ${p.versionCode} and c.code = ${p.componentCode} and v.status = 'published'
          and (d.owner_unit_id is null or d.owner_unit_id = ${p.provinceId})
        limit 1`);
      return rowsOf(result).length > 0;
    },

    /** One page of the initiatives matching, and how many match (exact up to `cap`). */
    async page(f: InitiativeFilter & { limit: number; offset: number; cap: number }) {
      const where = filterWhere(f);
      // Two statements: the count reads only `initiatives` by its indexes and stops at the cap; the
      // page walks the order and stops after `limit`.
      const [page, count] = await Promise.all([
        db.execute(
          sql`${summarySelect} where ${where} order by ${ORDER} limit ${f.limit} offset ${f.offset}`,
        ),
        db.execute(sql`select count(*)::int as n from
          (select 1 from initiatives i where ${where} limit ${f.cap + 1}) s`),
      ]);
      return {
        rows: rowsOf<InitiativeSummaryRow>(page),
        total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0),
      };
    },

    /**
     * Per component of one index version, how many initiatives and how many stand recognised (core's
     * `isRecognised`): the coverage view's counts, each the total of the register filtered by it.
     */
    async countByComponent(f: InitiativeFilter & { versionCode: string; recognised: readonly string[] }) {
      const result = await db.execute(sql`select i.component_code as "componentCode", count(*)::int as total,
          (count(*) filter (where i.state in (${sql.join(
            f.recognised.map((s) => sql`${s}`),
            sql`, `,
          )})))::int as recognised
        from initiatives i where ${filterWhere(f)} and i.component_code is not null group by 1`);
      return rowsOf<{ componentCode: string; total: number; recognised: number }>(result);
    },

    /** Every initiative matching, with its text and where it is replicated: the council's list. */
    async exportRows(f: InitiativeFilter & { limit: number }) {
      const result = await db.execute(sql`select s.*, x.problem, x.solution,
          x.expected_result as "expectedResult", x.actual_result as "actualResult",
          x.decision_note as "decisionNote",
          (select string_agg(ru.name || ' (từ ' || to_char(r.from_date, 'DD/MM/YYYY') || ')', '; '
              order by r.from_date, ru.sort_key collate "C")
            from initiative_replications r join org_units ru on ru.id = r.unit_id
            where r.initiative_id = s.id) as "replicatedTo"
        from (${summarySelect} where ${filterWhere(f)}) s
        join initiatives x on x.id = s.id
        order by s.year desc, s."unitSortKey" collate "C", s."createdAt", s.id
        limit ${f.limit}`);
      return rowsOf<InitiativeExportRow>(result);
    },
  };
}
