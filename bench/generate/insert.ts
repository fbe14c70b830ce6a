import type { Database } from "../../server/src/app/db";
import { progress } from "../log";
import type { PlannedIndexResult } from "./indices";
import type { Plan } from "./plan";

// PostgreSQL allows 65,535 parameters per statement; stay well below.
const MAX_PARAMS = 30_000;

/** One multi-row INSERT per chunk; `casts` gives a column's SQL type when the driver cannot infer it. */
async function insertRows({
  database,
  table,
  columns,
  casts = {},
  rows,
}: {
  database: Database;
  table: string;
  columns: string[];
  casts?: Record<string, string>;
  rows: unknown[][];
}) {
  const perChunk = Math.floor(MAX_PARAMS / columns.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value, i) => {
        params.push(value);
        const cast = casts[columns[i]];
        return cast ? `$${params.length}::${cast}` : `$${params.length}`;
      });
      return `(${placeholders.join(",")})`;
    });
    await database.query(`insert into ${table} (${columns.join(",")}) values ${tuples.join(",")}`, params);
    progress(`  ${table}: ${Math.min(start + perChunk, rows.length)}/${rows.length}`);
  }
}

/** Writes a plan into a migrated, empty database. */
export async function insertPlan({
  database,
  plan,
  indexResults,
  passwordHash,
}: {
  database: Database;
  plan: Plan;
  indexResults: PlannedIndexResult[];
  passwordHash: string;
}) {
  await insertRows({
    database,
    table: "org_units",
    columns: [
      "id",
      "kind",
      "parent_id",
      "province_id",
      "path",
      "depth",
      "name",
      "short_name",
      "code",
      "aliases",
      "search_text",
      "valid_from",
      "valid_to",
      "sort_order",
    ],
    casts: {
      id: "uuid",
      parent_id: "uuid",
      province_id: "uuid",
      aliases: "text[]",
      valid_from: "date",
      valid_to: "date",
      depth: "int",
      sort_order: "int",
    },
    rows: plan.units.map((u) => [
      u.id,
      u.kind,
      u.parentId,
      u.provinceId,
      u.path,
      u.depth,
      u.name,
      u.shortName,
      u.code,
      u.aliases,
      u.searchText,
      u.validFrom,
      u.validTo,
      u.sortOrder,
    ]),
  });
  await insertRows({
    database,
    table: "org_groups",
    columns: ["id", "province_id", "name", "search_text", "rule_kinds", "rule_parent_id"],
    casts: { id: "uuid", province_id: "uuid", rule_kinds: "text[]", rule_parent_id: "uuid" },
    rows: plan.groups.map((g) => [g.id, g.provinceId, g.name, g.searchText, g.ruleKinds, g.ruleParentId]),
  });
  await insertRows({
    database,
    table: "users",
    columns: ["id", "username", "display_name", "email", "unit_id", "roles", "password_hash", "search_text"],
    casts: { id: "uuid", unit_id: "uuid", roles: "text[]" },
    rows: plan.users.map((u) => [
      u.id,
      u.username,
      u.displayName,
      u.email,
      u.unitId,
      u.roles,
      passwordHash,
      u.searchText,
    ]),
  });
  await insertIndexResults({ database, results: indexResults });
  // A maintained server has statistics (autovacuum); PGlite has no autovacuum, so gather them once here.
  await database.query("analyze");
}

/** index_results and index_result_components, after the catalog and provinces are seeded. */
async function insertIndexResults({
  database,
  results,
}: {
  database: Database;
  results: PlannedIndexResult[];
}) {
  await insertRows({
    database,
    table: "index_results",
    columns: [
      "id",
      "index_code",
      "year",
      "province_code",
      "version_code",
      "total",
      "rank",
      "rank_of",
      "computed_total",
      "computed_rank",
      "computed_rank_of",
      "computed_band",
      "source_document",
      "source_note",
    ],
    casts: {
      id: "uuid",
      year: "int",
      total: "float8",
      rank: "int",
      rank_of: "int",
      computed_total: "float8",
      computed_rank: "int",
      computed_rank_of: "int",
    },
    rows: results.map((r) => [
      r.id,
      r.indexCode,
      r.year,
      r.provinceCode,
      r.versionCode,
      r.total,
      r.rank,
      r.rankOf,
      r.computedTotal,
      r.computedRank,
      r.computedRankOf,
      r.computedBand,
      `${r.indexCode}_${r.year}.xlsx`,
      "Dữ liệu sinh cho đo hiệu năng",
    ]),
  });
  await insertRows({
    database,
    table: "index_result_components",
    columns: ["result_id", "component_code", "value", "computed_rank"],
    casts: { result_id: "uuid", value: "float8", computed_rank: "int" },
    rows: results.flatMap((r) => r.components.map((c) => [r.id, c.code, c.value, c.computedRank])),
  });
}
