import type { Database } from "../../server/src/app/db";
import { progress } from "../log";
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
  passwordHash,
}: {
  database: Database;
  plan: Plan;
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
  // A maintained server has statistics (autovacuum); PGlite has no autovacuum, so gather them once here.
  await database.query("analyze");
}
