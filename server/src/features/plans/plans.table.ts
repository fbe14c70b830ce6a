import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { orgGroups, orgUnits } from "../org-units/org-units.table";

/**
 * A plan (kế hoạch, chương trình hành động, quyết định…) of a unit. It changes freely as a draft; once
 * issued, only through a recorded amendment. `provinceId` is the province whose officials see it.
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provinceId: uuid("province_id").notNull(),
    ownerUnitId: uuid("owner_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    kind: text("kind").notNull().default("plan"),
    number: text("number").notNull().default(""),
    issuedDate: date("issued_date"),
    issuerName: text("issuer_name").notNull().default(""),
    place: text("place").notNull().default(""),
    signerName: text("signer_name").notNull().default(""),
    signerTitle: text("signer_title").notNull().default(""),
    signerAuthority: text("signer_authority").notNull().default(""),
    title: text("title").notNull(),
    legalBases: text("legal_bases").array().notNull().default(sql`'{}'::text[]`),
    periodFrom: integer("period_from"),
    periodTo: integer("period_to"),
    status: text("status").notNull().default("draft"),
    parentPlanId: uuid("parent_plan_id"),
    objectives: text("objectives").notNull().default(""),
    implementation: text("implementation").notNull().default(""),
    recipients: text("recipients").array().notNull().default(sql`'{}'::text[]`),
    isFramework: boolean("is_framework").notNull().default(false),
    /** The framework plan this one was instantiated from. */
    frameworkSourceId: uuid("framework_source_id"),
    searchText: text("search_text").notNull().default(""),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plans_province_idx").on(t.provinceId, t.status),
    index("plans_owner_idx").on(t.ownerUnitId),
    index("plans_parent_idx").on(t.parentPlanId),
    index("plans_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** How an issued plan changed: which document, what it said, the changes applied. */
export const planAmendments = pgTable(
  "plan_amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    documentNumber: text("document_number").notNull(),
    documentDate: date("document_date"),
    summary: text("summary").notNull(),
    changes: jsonb("changes").notNull(),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_amendments_plan_idx").on(t.planId)],
);

/** A plan's target on an index (componentCode null) or one component of an index version. */
export const planTargets = pgTable(
  "plan_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    indexCode: text("index_code").notNull(),
    versionCode: text("version_code").notNull(),
    componentCode: text("component_code"),
    baselineYear: integer("baseline_year"),
    baselineValue: doublePrecision("baseline_value"),
    baselineRank: integer("baseline_rank"),
    baselineRankOf: integer("baseline_rank_of"),
    targetValue: doublePrecision("target_value"),
    rankFrom: integer("rank_from"),
    rankTo: integer("rank_to"),
    band: text("band"),
    note: text("note").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    index("plan_targets_plan_idx").on(t.planId),
    index("plan_targets_component_idx").on(t.versionCode, t.componentCode),
  ],
);

/**
 * The task table: sections and tasks in a tree (parentId within the plan), numbered as in the document.
 * `deadline` is the parsed model (with the words as written in `deadlineText`); `dueDate` its due day.
 */
export const planTasks = pgTable(
  "plan_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    provinceId: uuid("province_id").notNull(),
    parentId: uuid("parent_id"),
    kind: text("kind").notNull().default("task"),
    number: text("number").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    depth: integer("depth").notNull().default(0),
    content: text("content").notNull(),
    expectedOutput: text("expected_output").notNull().default(""),
    deadlineText: text("deadline_text").notNull().default(""),
    deadline: jsonb("deadline").notNull(),
    deadlineKind: text("deadline_kind").notNull().default("unknown"),
    dueDate: date("due_date"),
    reportingNote: text("reporting_note").notNull().default(""),
    quantitativeTargets: jsonb("quantitative_targets").notNull().default(sql`'[]'::jsonb`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** The task of the parent plan this task implements (cascade). */
    parentTaskId: uuid("parent_task_id"),
    /** The framework task this one was copied from. */
    sourceTaskId: uuid("source_task_id"),
    /**
     * Mean progress of its assignments (core's `taskProgress`, 0-100), kept by the database trigger
     * on task_assignments from the running sums below (migration 0018): every write of an assignment
     * rolls up in its own statement, whatever path made it.
     */
    progress: integer("progress").notNull().default(0),
    openAssignments: integer("open_assignments").notNull().default(0),
    openProgressSum: integer("open_progress_sum").notNull().default(0),
    leadAssignments: integer("lead_assignments").notNull().default(0),
    leadProgressSum: integer("lead_progress_sum").notNull().default(0),
    /** Folded content, output and participants' names: what text search matches. */
    searchText: text("search_text").notNull().default(""),
    /** Removed from an issued plan by an amendment: kept for history. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_tasks_plan_idx").on(t.planId, t.sortOrder),
    index("plan_tasks_province_due_idx").on(t.provinceId, t.dueDate),
    index("plan_tasks_parent_task_idx").on(t.parentTaskId),
    index("plan_tasks_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** The index components a task aims to move. */
export const planTaskComponents = pgTable(
  "plan_task_components",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    versionCode: text("version_code").notNull(),
    componentCode: text("component_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.versionCode, t.componentCode] }),
    index("plan_task_components_component_idx").on(t.versionCode, t.componentCode),
  ],
);

/** Leads and coordinators of a task as the plan names them: a unit, a group, or words not matched yet. */
export const planTaskParticipants = pgTable(
  "plan_task_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    unitId: uuid("unit_id").references(() => orgUnits.id),
    groupId: uuid("group_id").references(() => orgGroups.id),
    rawName: text("raw_name").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    index("plan_task_participants_task_idx").on(t.taskId),
    index("plan_task_participants_unit_idx").on(t.unitId),
    index("plan_task_participants_group_idx").on(t.groupId),
  ],
);

/**
 * One unit's duty on one task of an issued plan. Reassignment never deletes: the old row is ended
 * (endedAt, endedReason, replacedById) and a new one made. `unitPath` and `dueDate` are copied from the
 * unit and the task so that "my unit's tasks" and deadline filters are single index scans. No foreign
 * keys: issuing writes tens of thousands of rows at once and three FK triggers per row tripled the
 * time; the issue service only writes ids it has just read, and assignments exist only for issued
 * plans, whose tasks are never deleted (an amendment marks them removed).
 */
export const taskAssignments = pgTable(
  "task_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id").notNull(),
    planId: uuid("plan_id").notNull(),
    provinceId: uuid("province_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    unitPath: text("unit_path").notNull(),
    role: text("role").notNull(),
    /** The group the unit was named through, if any. */
    viaGroupId: uuid("via_group_id"),
    dueDate: date("due_date"),
    progress: integer("progress").notNull().default(0),
    completedAt: date("completed_at"),
    note: text("note").notNull().default(""),
    previousId: uuid("previous_id"),
    replacedById: uuid("replaced_by_id"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One index serves both: at most one open assignment per task and unit (ended_at null, nulls not
    // distinct), and a task's history by its leading column. Every index costs time at issue.
    unique("task_assignments_task_unit_key").on(t.taskId, t.unitId, t.endedAt).nullsNotDistinct(),
    index("task_assignments_unit_path_idx")
      .using("btree", sql`${t.unitPath} text_pattern_ops`, t.dueDate)
      .where(sql`${t.endedAt} is null`),
  ],
);
