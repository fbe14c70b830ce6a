import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { orgUnits } from "../org-units/org-units.table";

/**
 * A coordinating unit's yearly plan of inspections (Sở Nội vụ's "kế hoạch kiểm tra công tác cải cách
 * hành chính"): which units, when, by which team, on what.
 */
export const inspectionPlans = pgTable(
  "inspection_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provinceId: uuid("province_id").notNull(),
    /** The unit that inspects and follows the remediation. */
    ownerUnitId: uuid("owner_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    /** The plan's document number ("45/KH-SNV"), when it has one. */
    number: text("number").notNull().default(""),
    scope: text("scope").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inspection_plans_province_year_idx").on(t.provinceId, t.year)],
);

/** One unit's inspection inside a plan: planned dates and team, then the record of what was found. */
export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: "cascade" }),
    provinceId: uuid("province_id").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    unitPath: text("unit_path").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    team: text("team").notNull().default(""),
    /** Fields or components inspected, as the plan writes them. */
    scope: text("scope").notNull().default(""),
    state: text("state").notNull().default("planned"),
    /** The day the inspection took place (its record), and the minutes' summary. */
    heldOn: date("held_on", { mode: "string" }),
    conclusion: text("conclusion").notNull().default(""),
    /** Why a cancelled inspection was cancelled (migration 0024). */
    cancelReason: text("cancel_reason").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inspections_plan_idx").on(t.planId, t.startsOn),
    index("inspections_unit_idx").on(t.unitId, t.startsOn),
    index("inspections_province_idx").on(t.provinceId, t.startsOn, t.id),
    index("inspections_unit_path_idx").using("btree", sql`${t.unitPath} text_pattern_ops`),
  ],
);

/** A finding ("tồn tại, hạn chế") of an inspection; its remediation is a follow-up item. */
export const inspectionFindings = pgTable(
  "inspection_findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inspectionId: uuid("inspection_id")
      .notNull()
      .references(() => inspections.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    content: text("content").notNull(),
    severity: text("severity").notNull().default("medium"),
    versionCode: text("version_code"),
    componentCode: text("component_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("inspection_findings_inspection_idx").on(t.inspectionId, t.position)],
);

/** A dialogue of a unit's leaders with businesses or citizens, and its minutes. */
export const dialogues = pgTable(
  "dialogues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provinceId: uuid("province_id").notNull(),
    /** The unit that held it and follows its recommendations (the province's office, a commune). */
    hostUnitId: uuid("host_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    hostUnitPath: text("host_unit_path").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    chair: text("chair").notNull().default(""),
    sector: text("sector").notNull().default(""),
    participantCount: integer("participant_count"),
    participants: text("participants").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    /** Folded title, chair, sector and participants: what the list's search matches (migration 0023). */
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dialogues_province_held_idx").on(t.provinceId, t.heldOn),
    index("dialogues_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("dialogues_host_path_idx").using("btree", sql`${t.hostUnitPath} text_pattern_ops`, t.heldOn),
  ],
);

/**
 * One thing followed until closed (core/src/follow-up/items.ts): a finding's remediation or a
 * dialogue's recommendation, assigned to a responsible unit with a deadline. `provinceId`, the
 * responsible unit's path and the follower's path are kept on the row so every list is cut to the
 * actor's scope by an index, as reports are.
 */
export const followUpItems = pgTable(
  "follow_up_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    provinceId: uuid("province_id").notNull(),
    findingId: uuid("finding_id").references(() => inspectionFindings.id, { onDelete: "cascade" }),
    dialogueId: uuid("dialogue_id").references(() => dialogues.id, { onDelete: "cascade" }),
    /** The unit that follows the item (the inspecting unit, the dialogue's host). */
    followerUnitId: uuid("follower_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    followerUnitPath: text("follower_unit_path").notNull(),
    /** The responsible unit; null while a received recommendation is not yet assigned. */
    unitId: uuid("unit_id").references(() => orgUnits.id),
    unitPath: text("unit_path"),
    /** The day the item arose (inspection held, dialogue held): no deadline may come before it. */
    aroseOn: date("arose_on", { mode: "string" }).notNull(),
    content: text("content").notNull(),
    /** Remediation: the result required; recommendation: unused. */
    requiredResult: text("required_result").notNull().default(""),
    raiserKind: text("raiser_kind"),
    raiserName: text("raiser_name").notNull().default(""),
    anonymous: boolean("anonymous").notNull().default(false),
    field: text("field").notNull().default(""),
    versionCode: text("version_code"),
    componentCode: text("component_code"),
    dueDate: date("due_date", { mode: "string" }),
    state: text("state").notNull(),
    /** The latest report or answer of the responsible unit, and the day it was given. */
    answer: text("answer").notNull().default(""),
    reportedOn: date("reported_on", { mode: "string" }),
    /** The day of the report the follower accepted (the status rule's completion day). */
    doneOn: date("done_on", { mode: "string" }),
    reason: text("reason").notNull().default(""),
    published: boolean("published").notNull().default(false),
    /** Its place among its source's items: a dialogue's recommendations as entered (migration 0023). */
    position: integer("position"),
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("follow_up_items_unit_idx").using("btree", sql`${t.unitPath} text_pattern_ops`, t.kind, t.state),
    index("follow_up_items_follower_idx").using(
      "btree",
      sql`${t.followerUnitPath} text_pattern_ops`,
      t.kind,
      t.state,
    ),
    index("follow_up_items_province_idx").on(t.provinceId, t.kind, t.state, t.dueDate, t.id),
    index("follow_up_items_finding_idx").on(t.findingId),
    index("follow_up_items_dialogue_idx").on(t.dialogueId),
    index("follow_up_items_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("follow_up_items_published_idx").on(t.provinceId, t.dialogueId).where(sql`${t.published}`),
    // By deadline: the reminder pass's windows and the national list's order (migration 0026).
    index("follow_up_items_due_idx").on(t.dueDate, t.id),
    // Counts per responsible unit from the index alone: the dashboard, the scorecards (migration 0028;
    // kind, state, due and done days included).
    index("follow_up_items_unit_counts_idx").on(t.provinceId, t.unitId),
    // By component within a province: the coverage view's counts and its links (migration 0030).
    index("follow_up_items_component_idx").on(t.provinceId, t.versionCode, t.componentCode),
  ],
);

/** Each act on an item (assigned, transferred, reported, returned, accepted, closed) and each comment. */
export const followUpEvents = pgTable(
  "follow_up_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => followUpItems.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    fromUnitId: uuid("from_unit_id"),
    toUnitId: uuid("to_unit_id"),
    note: text("note").notNull().default(""),
    byUserId: uuid("by_user_id"),
    byUnitId: uuid("by_unit_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("follow_up_events_item_idx").on(t.itemId, t.at)],
);

/**
 * A file or link proving something followed here: an item's remediation or answer, an inspection's
 * minutes, a dialogue's minutes, an initiative's result. Exactly one owner column is set.
 */
export const followUpFiles = pgTable(
  "follow_up_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id").references(() => followUpItems.id, { onDelete: "cascade" }),
    inspectionId: uuid("inspection_id").references(() => inspections.id, { onDelete: "cascade" }),
    dialogueId: uuid("dialogue_id").references(() => dialogues.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id").references(() => initiatives.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id").notNull(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull().default(""),
    contentType: text("content_type").notNull().default(""),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    storageKey: text("storage_key"),
    url: text("url"),
    title: text("title").notNull().default(""),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("follow_up_files_item_idx").on(t.itemId),
    index("follow_up_files_inspection_idx").on(t.inspectionId),
    index("follow_up_files_dialogue_idx").on(t.dialogueId),
    index("follow_up_files_initiative_idx").on(t.initiativeId),
    // A unit's quota sums its files (migration 0026).
    index("follow_up_files_unit_idx").on(t.unitId),
  ],
);

/** A unit's administrative-reform initiative of a year (core/src/follow-up/initiatives.ts). */
export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provinceId: uuid("province_id").notNull(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    unitPath: text("unit_path").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    solution: text("solution").notNull().default(""),
    field: text("field").notNull().default(""),
    versionCode: text("version_code"),
    componentCode: text("component_code"),
    expectedResult: text("expected_result").notNull().default(""),
    actualResult: text("actual_result").notNull().default(""),
    state: text("state").notNull().default("proposed"),
    decisionNote: text("decision_note").notNull().default(""),
    decidedOn: date("decided_on", { mode: "string" }),
    decidedBy: uuid("decided_by"),
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("initiatives_unit_idx").using("btree", sql`${t.unitPath} text_pattern_ops`, t.year, t.state),
    index("initiatives_province_year_idx").on(t.provinceId, t.year, t.state, t.id),
    /** The register's order (migration 0025). */
    index("initiatives_province_order_idx").on(t.provinceId, t.year, t.createdAt, t.id),
    /** The yearly count per unit, from the index alone (migration 0025; the state is included). */
    index("initiatives_province_year_unit_idx").on(t.provinceId, t.year, t.unitId),
    index("initiatives_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Where a recognised initiative is replicated, and from when. */
export const initiativeReplications = pgTable(
  "initiative_replications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("initiative_replications_once").on(t.initiativeId, t.unitId),
    index("initiative_replications_unit_idx").on(t.unitId),
  ],
);

/**
 * How many initiatives a unit of a kind must have in a year, as the province's coordinators set it
 * (seed 003 asks three of each department); a kind without a row takes core's
 * DEFAULT_INITIATIVES_PER_YEAR (seed 000 II.7: one). Migration 0025.
 */
export const initiativeMinimums = pgTable(
  "initiative_minimums",
  {
    provinceId: uuid("province_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer("year").notNull(),
    unitKind: text("unit_kind").notNull(),
    minimum: integer("minimum").notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.year, t.unitKind] })],
);
