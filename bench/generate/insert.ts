import type { Database } from "../../server/src/app/db";
import { progress } from "../log";
import type { PlannedIndexResult } from "./indices";
import type { Plan } from "./plan";
import { type ProvinceTaskData, provinceTaskData } from "./tasks";

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
    columns: ["id", "province_id", "name", "search_text", "rule_kinds", "rule_parent_id", "rule_descendants"],
    casts: {
      id: "uuid",
      province_id: "uuid",
      rule_kinds: "text[]",
      rule_parent_id: "uuid",
      rule_descendants: "boolean",
    },
    rows: plan.groups.map((g) => [
      g.id,
      g.provinceId,
      g.name,
      g.searchText,
      g.ruleKinds,
      g.ruleParentId,
      g.ruleDescendants,
    ]),
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
  const counts = { plans: 0, tasks: 0, assignments: 0 };
  // Province by province: a national data set has a million assignments, never all in memory at once.
  for (let provinceIndex = 0; provinceIndex < plan.provinces.length; provinceIndex++) {
    const data = provinceTaskData({ plan, provinceIndex, scale: plan.scale });
    await insertTaskData({ database, data });
    counts.plans += data.plans.length;
    counts.tasks += data.tasks.filter((t) => t.kind === "task").length;
    counts.assignments += data.assignments.length;
  }
  progress(`plans: ${counts.plans} issued plans, ${counts.tasks} tasks, ${counts.assignments} assignments`);
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

/** plans, plan_tasks, plan_task_participants, plan_task_components and task_assignments of a province. */
async function insertTaskData({ database, data }: { database: Database; data: ProvinceTaskData }) {
  await insertRows({
    database,
    table: "plans",
    columns: [
      "id",
      "province_id",
      "owner_unit_id",
      "kind",
      "number",
      "issued_date",
      "issuer_name",
      "place",
      "signer_name",
      "signer_title",
      "signer_authority",
      "title",
      "legal_bases",
      "period_from",
      "period_to",
      "status",
      "objectives",
      "implementation",
      "recipients",
      "search_text",
      "issued_at",
      "created_by",
      "updated_by",
    ],
    casts: {
      id: "uuid",
      province_id: "uuid",
      owner_unit_id: "uuid",
      issued_date: "date",
      legal_bases: "text[]",
      period_from: "int",
      period_to: "int",
      recipients: "text[]",
      issued_at: "timestamptz",
      created_by: "uuid",
      updated_by: "uuid",
    },
    rows: data.plans.map((p) => [
      p.id,
      p.provinceId,
      p.ownerUnitId,
      p.kind,
      p.number,
      p.issuedDate,
      p.issuerName,
      p.place,
      p.signerName,
      p.signerTitle,
      p.signerAuthority,
      p.title,
      p.legalBases,
      p.periodFrom,
      p.periodTo,
      p.status,
      p.objectives,
      p.implementation,
      p.recipients,
      p.searchText,
      p.issuedAt,
      p.createdBy,
      p.createdBy,
    ]),
  });
  await insertRows({
    database,
    table: "plan_tasks",
    columns: [
      "id",
      "plan_id",
      "province_id",
      "parent_id",
      "kind",
      "number",
      "sort_order",
      "depth",
      "content",
      "expected_output",
      "deadline_text",
      "deadline",
      "deadline_kind",
      "due_date",
      "reporting_note",
      "quantitative_targets",
      "tags",
      "progress",
      "search_text",
    ],
    casts: {
      id: "uuid",
      plan_id: "uuid",
      province_id: "uuid",
      parent_id: "uuid",
      sort_order: "int",
      depth: "int",
      deadline: "jsonb",
      due_date: "date",
      quantitative_targets: "jsonb",
      tags: "text[]",
      progress: "int",
    },
    rows: data.tasks.map((t) => [
      t.id,
      t.planId,
      t.provinceId,
      t.parentId,
      t.kind,
      t.number,
      t.sortOrder,
      t.depth,
      t.content,
      t.expectedOutput,
      t.deadlineText,
      JSON.stringify(t.deadline),
      t.deadline.kind,
      t.dueDate,
      t.reportingNote,
      JSON.stringify(t.quantitativeTargets),
      t.tags,
      t.progress,
      t.searchText,
    ]),
  });
  await insertRows({
    database,
    table: "plan_task_participants",
    columns: ["task_id", "role", "unit_id", "group_id", "sort_order"],
    casts: { task_id: "uuid", unit_id: "uuid", group_id: "uuid", sort_order: "int" },
    rows: data.participants.map((p) => [p.taskId, p.role, p.unitId, p.groupId, p.sortOrder]),
  });
  await insertRows({
    database,
    table: "plan_task_components",
    columns: ["task_id", "version_code", "component_code"],
    casts: { task_id: "uuid" },
    rows: data.components.map((c) => [c.taskId, c.versionCode, c.componentCode]),
  });
  await insertRows({
    database,
    table: "task_assignments",
    columns: [
      "task_id",
      "plan_id",
      "province_id",
      "unit_id",
      "unit_path",
      "role",
      "via_group_id",
      "due_date",
      "progress",
      "completed_at",
    ],
    casts: {
      task_id: "uuid",
      plan_id: "uuid",
      province_id: "uuid",
      unit_id: "uuid",
      via_group_id: "uuid",
      due_date: "date",
      progress: "int",
      completed_at: "date",
    },
    rows: data.assignments.map((a) => [
      a.taskId,
      a.planId,
      a.provinceId,
      a.unitId,
      a.unitPath,
      a.role,
      a.viaGroupId,
      a.dueDate,
      a.progress,
      a.completedAt,
    ]),
  });
}
