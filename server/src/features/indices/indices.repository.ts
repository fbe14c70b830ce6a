import { and, asc, count, desc, eq, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "../../app/db";
import {
  indexComponents,
  indexDefinitions,
  indexProvinces,
  indexResultComponents,
  indexResults,
  indexTargets,
  indexVersions,
} from "./indices.table";

export type VersionRow = typeof indexVersions.$inferSelect;
export type ComponentRow = typeof indexComponents.$inferSelect;
export type ProvinceRow = typeof indexProvinces.$inferSelect;
export type ResultRow = typeof indexResults.$inferSelect;
export type NewResultRow = typeof indexResults.$inferInsert;
export type ResultComponentRow = typeof indexResultComponents.$inferSelect;
export type TargetRow = typeof indexTargets.$inferSelect;

const CHUNK = 20_000;

/** Array literals passed as one text parameter each (works the same on PGlite and node-postgres). */
const pgNumArray = (values: Array<number | null>) =>
  `{${values.map((v) => (v === null || !Number.isFinite(v) ? "NULL" : String(v))).join(",")}}`;
const pgTextArray = (values: string[]) =>
  `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;

export function createIndicesRepository(db: DbOrTx) {
  return {
    // ---------- catalog ----------
    listDefinitions: () => db.select().from(indexDefinitions).orderBy(asc(indexDefinitions.sortOrder)),
    findDefinition: async (code: string) =>
      (await db.select().from(indexDefinitions).where(eq(indexDefinitions.code, code)))[0] ?? null,
    listVersions: () =>
      db.select().from(indexVersions).orderBy(asc(indexVersions.indexCode), asc(indexVersions.validFromYear)),
    findVersion: async (code: string) =>
      (await db.select().from(indexVersions).where(eq(indexVersions.code, code)))[0] ?? null,
    /** The version covering `year`; the latest revision wins where revisions overlap. */
    async versionForYear({ indexCode, year }: { indexCode: string; year: number }) {
      const rows = await db
        .select()
        .from(indexVersions)
        .where(
          and(
            eq(indexVersions.indexCode, indexCode),
            // A draft of a province's own index applies to no year until it is published.
            eq(indexVersions.status, "published"),
            lte(indexVersions.validFromYear, year),
            or(sql`${indexVersions.validToYear} is null`, sql`${indexVersions.validToYear} >= ${year}`),
          ),
        )
        .orderBy(desc(indexVersions.revision), desc(indexVersions.validFromYear))
        .limit(1);
      return rows[0] ?? null;
    },
    componentsOf: (versionCode: string) =>
      db
        .select()
        .from(indexComponents)
        .where(eq(indexComponents.versionCode, versionCode))
        .orderBy(asc(indexComponents.sortOrder)),
    componentCounts: () =>
      db
        .select({ versionCode: indexComponents.versionCode, n: count() })
        .from(indexComponents)
        .groupBy(indexComponents.versionCode),
    versionsWithResults: async () =>
      new Set((await db.selectDistinct({ v: indexResults.versionCode }).from(indexResults)).map((r) => r.v)),
    async versionHasResults(code: string) {
      const rows = await db
        .select({ id: indexResults.id })
        .from(indexResults)
        .where(eq(indexResults.versionCode, code))
        .limit(1);
      return rows.length > 0;
    },
    yearsWithResults: () =>
      db
        .select({ indexCode: indexResults.indexCode, year: indexResults.year, n: count() })
        .from(indexResults)
        .groupBy(indexResults.indexCode, indexResults.year)
        .orderBy(asc(indexResults.indexCode), asc(indexResults.year)),
    insertDefinition: (values: typeof indexDefinitions.$inferInsert) =>
      db.insert(indexDefinitions).values(values).returning(),
    insertVersion: async (values: typeof indexVersions.$inferInsert) =>
      (await db.insert(indexVersions).values(values).returning())[0],
    updateVersion: async (code: string, values: Partial<typeof indexVersions.$inferInsert>) =>
      (
        await db
          .update(indexVersions)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(indexVersions.code, code))
          .returning()
      )[0],
    async replaceComponents(versionCode: string, rows: Array<typeof indexComponents.$inferInsert>) {
      await db.delete(indexComponents).where(eq(indexComponents.versionCode, versionCode));
      for (let i = 0; i < rows.length; i += 1000)
        await db.insert(indexComponents).values(rows.slice(i, i + 1000));
    },
    listProvinces: () => db.select().from(indexProvinces).orderBy(asc(indexProvinces.sortOrder)),

    // ---------- results ----------
    async countByIndexYear(keys: Array<{ indexCode: string; year: number }>) {
      if (keys.length === 0) return new Map<string, number>();
      const rows = await db
        .select({ indexCode: indexResults.indexCode, year: indexResults.year, n: count() })
        .from(indexResults)
        .where(
          or(...keys.map((k) => and(eq(indexResults.indexCode, k.indexCode), eq(indexResults.year, k.year)))),
        )
        .groupBy(indexResults.indexCode, indexResults.year);
      return new Map(rows.map((r) => [`${r.indexCode}|${r.year}`, Number(r.n)]));
    },
    deleteIndexYear: ({ indexCode, year }: { indexCode: string; year: number }) =>
      db.delete(indexResults).where(and(eq(indexResults.indexCode, indexCode), eq(indexResults.year, year))),
    async insertResults(rows: NewResultRow[]) {
      const out: Array<{ id: string; provinceCode: string }> = [];
      for (let i = 0; i < rows.length; i += 1000) {
        out.push(
          ...(await db
            .insert(indexResults)
            .values(rows.slice(i, i + 1000))
            .returning({ id: indexResults.id, provinceCode: indexResults.provinceCode })),
        );
      }
      return out;
    },
    /** Bulk insert through unnest(): five array parameters however many rows (a 63 × 150 workbook in one statement). */
    async insertResultComponents(rows: Array<typeof indexResultComponents.$inferInsert>) {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        await db.execute(sql`
          insert into ${indexResultComponents} (result_id, component_code, value, rank, computed_rank)
          select * from unnest(
            ${`{${part.map((r) => r.resultId).join(",")}}`}::uuid[],
            ${pgTextArray(part.map((r) => r.componentCode))}::text[],
            ${pgNumArray(part.map((r) => r.value ?? null))}::float8[],
            ${pgNumArray(part.map((r) => r.rank ?? null))}::int[],
            ${pgNumArray(part.map((r) => r.computedRank ?? null))}::int[])`);
      }
    },
    async findResult({
      indexCode,
      year,
      provinceCode,
    }: {
      indexCode: string;
      year: number;
      provinceCode: string;
    }) {
      const rows = await db
        .select()
        .from(indexResults)
        .where(
          and(
            eq(indexResults.indexCode, indexCode),
            eq(indexResults.year, year),
            eq(indexResults.provinceCode, provinceCode),
          ),
        );
      return rows[0] ?? null;
    },
    async upsertResult(values: NewResultRow) {
      const { indexCode: _i, year: _y, provinceCode: _p, ...rest } = values;
      const [row] = await db
        .insert(indexResults)
        .values(values)
        .onConflictDoUpdate({
          target: [indexResults.indexCode, indexResults.year, indexResults.provinceCode],
          set: { ...rest, updatedAt: new Date() },
        })
        .returning();
      return row;
    },
    deleteResultComponents: (resultId: string) =>
      db.delete(indexResultComponents).where(eq(indexResultComponents.resultId, resultId)),
    /** Results of an index and year (≤ 97 rows). */
    resultsOfYear: ({ indexCode, year }: { indexCode: string; year: number }) =>
      db
        .select()
        .from(indexResults)
        .where(and(eq(indexResults.indexCode, indexCode), eq(indexResults.year, year))),
    /** The index-years one province has results for (the analysis screens' default year). */
    yearsOfProvince: (provinceCode: string) =>
      db
        .select({ indexCode: indexResults.indexCode, year: indexResults.year })
        .from(indexResults)
        .where(eq(indexResults.provinceCode, provinceCode))
        .orderBy(asc(indexResults.indexCode), asc(indexResults.year)),
    /** Every result of some provinces (the profile): one indexed scan. */
    resultsOfProvinces: (codes: string[]) =>
      db
        .select()
        .from(indexResults)
        .where(inArray(indexResults.provinceCode, codes))
        .orderBy(asc(indexResults.provinceCode), asc(indexResults.indexCode), asc(indexResults.year)),
    /** One province's results of one index up to a year, newest first. */
    resultsOfProvinceIndex: ({
      provinceCode,
      indexCode,
      upTo,
      from,
    }: {
      provinceCode: string;
      indexCode: string;
      upTo?: number;
      from?: number;
    }) => {
      const where: SQL[] = [
        eq(indexResults.provinceCode, provinceCode),
        eq(indexResults.indexCode, indexCode),
      ];
      if (upTo !== undefined) where.push(lte(indexResults.year, upTo));
      if (from !== undefined) where.push(sql`${indexResults.year} >= ${from}`);
      return db
        .select()
        .from(indexResults)
        .where(and(...where))
        .orderBy(desc(indexResults.year));
    },
    peerResults: ({ indexCode, year, codes }: { indexCode: string; year: number; codes: string[] }) =>
      codes.length === 0
        ? Promise.resolve([] as ResultRow[])
        : db
            .select()
            .from(indexResults)
            .where(
              and(
                eq(indexResults.indexCode, indexCode),
                eq(indexResults.year, year),
                inArray(indexResults.provinceCode, codes),
              ),
            ),
    componentValues: (resultIds: string[]) =>
      resultIds.length === 0
        ? Promise.resolve([] as ResultComponentRow[])
        : db.select().from(indexResultComponents).where(inArray(indexResultComponents.resultId, resultIds)),
    /** National and regional medians of every component (and of the total) for an index and year. */
    async medians({ indexCode, year, region }: { indexCode: string; year: number; region: string }) {
      const result = await db.execute(sql`
        select c.component_code as code,
          percentile_cont(0.5) within group (order by c.value) as national,
          percentile_cont(0.5) within group (order by c.value) filter (where p.region = ${region}) as regional
        from ${indexResultComponents} c
        join ${indexResults} r on r.id = c.result_id
        join ${indexProvinces} p on p.code = r.province_code
        where r.index_code = ${indexCode} and r.year = ${year} and c.value is not null
        group by c.component_code
        union all
        select '' as code,
          percentile_cont(0.5) within group (order by coalesce(r.total, r.computed_total)) as national,
          null as regional
        from ${indexResults} r
        where r.index_code = ${indexCode} and r.year = ${year}
          and coalesce(r.total, r.computed_total) is not null`);
      return rowsOf<{ code: string; national: number | null; regional: number | null }>(result).map((r) => ({
        code: r.code,
        national: r.national === null ? null : Number(r.national),
        regional: r.regional === null ? null : Number(r.regional),
      }));
    },
    /** Writes derived ranks and bands of an index-year in one statement. */
    async writeComputed(
      rows: Array<{ id: string; rank: number | null; rankOf: number; band: string | null }>,
    ) {
      if (rows.length === 0) return;
      const values = sql.join(
        rows.map((r) => sql`(${r.id}::uuid, ${r.rank}::int, ${r.rankOf}::int, ${r.band}::text)`),
        sql`, `,
      );
      await db.execute(sql`
        update ${indexResults} as r
        set computed_rank = v.rank, computed_rank_of = v.rank_of, computed_band = v.band
        from (values ${values}) as v(id, rank, rank_of, band)
        where r.id = v.id`);
    },
    /** Component ranks among the provinces with a value, polarity-aware, ties sharing the better rank. */
    async rankComponents({ indexCode, year }: { indexCode: string; year: number }) {
      await db.execute(sql`
        update ${indexResultComponents} as c set computed_rank = x.rk
        from (
          select c.result_id, c.component_code,
            rank() over (partition by c.component_code
              order by case when k.polarity = 'lowerIsBetter' then round(c.value::numeric, 4)
                            else -round(c.value::numeric, 4) end) as rk
          from ${indexResultComponents} c
          join ${indexResults} r on r.id = c.result_id
          join ${indexComponents} k on k.version_code = r.version_code and k.code = c.component_code
          where r.index_code = ${indexCode} and r.year = ${year} and c.value is not null
        ) x
        where c.result_id = x.result_id and c.component_code = x.component_code`);
    },
    /** Published (else computed) totals of the other provinces of an index-year. */
    async otherTotals({
      indexCode,
      year,
      provinceCode,
    }: {
      indexCode: string;
      year: number;
      provinceCode: string;
    }) {
      const rows = await db
        .select({ total: indexResults.total, computed: indexResults.computedTotal })
        .from(indexResults)
        .where(
          and(
            eq(indexResults.indexCode, indexCode),
            eq(indexResults.year, year),
            sql`${indexResults.provinceCode} <> ${provinceCode}`,
          ),
        );
      return rows.map((r) => r.total ?? r.computed).filter((v): v is number => v !== null);
    },

    // ---------- targets ----------
    listTargets(filter: { provinceUnitIds: string[] | null; year?: number; indexCode?: string }) {
      const where: SQL[] = [];
      if (filter.provinceUnitIds) where.push(inArray(indexTargets.provinceUnitId, filter.provinceUnitIds));
      if (filter.year !== undefined) where.push(eq(indexTargets.year, filter.year));
      if (filter.indexCode) where.push(eq(indexTargets.indexCode, filter.indexCode));
      return db
        .select()
        .from(indexTargets)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(indexTargets.year), asc(indexTargets.indexCode), asc(indexTargets.componentCode));
    },
    findTarget: async (id: string) =>
      (await db.select().from(indexTargets).where(eq(indexTargets.id, id)))[0] ?? null,
    async findTargetByKey(key: {
      provinceUnitId: string;
      year: number;
      indexCode: string;
      componentCode: string | null;
    }) {
      const rows = await db
        .select()
        .from(indexTargets)
        .where(
          and(
            eq(indexTargets.provinceUnitId, key.provinceUnitId),
            eq(indexTargets.year, key.year),
            eq(indexTargets.indexCode, key.indexCode),
            key.componentCode === null
              ? sql`${indexTargets.componentCode} is null`
              : eq(indexTargets.componentCode, key.componentCode),
          ),
        );
      return rows[0] ?? null;
    },
    insertTarget: async (values: typeof indexTargets.$inferInsert) =>
      (await db.insert(indexTargets).values(values).returning())[0],
    updateTarget: async (id: string, values: Partial<typeof indexTargets.$inferInsert>) =>
      (
        await db
          .update(indexTargets)
          .set({ ...values, updatedAt: new Date() })
          .where(eq(indexTargets.id, id))
          .returning()
      )[0],
    deleteTarget: (id: string) => db.delete(indexTargets).where(eq(indexTargets.id, id)),
  };
}

export type IndicesRepository = ReturnType<typeof createIndicesRepository>;
