import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Organisation units form a tree whose kinds and depth are data. `path` is the materialised chain of
 * ancestor ids ("/a/b/c/") so a subtree is one indexed prefix scan. `provinceId` is the current province
 * whose officials see the unit: for historical units (a former province, its districts) it is the
 * successor province, so history stays visible where it is now used.
 */
export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id"),
    provinceId: uuid("province_id"),
    path: text("path").notNull(),
    depth: integer("depth").notNull().default(0),
    name: text("name").notNull(),
    /** Vietnamese order of the name under COLLATE "C" (migration 0014; core/src/text/vietnamese-sort.ts). */
    sortKey: text("sort_key").notNull().generatedAlwaysAs(sql`vietnamese_sort_key(name)`),
    shortName: text("short_name"),
    code: text("code"),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    /** Folded name, short name, aliases, acronyms and expanded abbreviations: what search matches. */
    searchText: text("search_text").notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("org_units_parent_idx").on(t.parentId),
    index("org_units_province_idx").on(t.provinceId),
    index("org_units_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("org_units_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A merge, split, rename or dissolution: links predecessors to successors so history stays readable. */
export const orgUnitEvents = pgTable("org_unit_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  effectiveDate: date("effective_date").notNull(),
  decision: text("decision").notNull().default(""),
  note: text("note").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const orgUnitEventLinks = pgTable(
  "org_unit_event_links",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => orgUnitEvents.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    role: text("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.unitId, t.role] }),
    index("org_unit_event_links_unit_idx").on(t.unitId),
  ],
);

/**
 * A named group ("Các sở, ban, ngành") expands to units: by rule (kinds under a parent, valid at a date)
 * and/or explicit members.
 */
export const orgGroups = pgTable(
  "org_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provinceId: uuid("province_id").notNull(),
    name: text("name").notNull(),
    /** Vietnamese order of the name under COLLATE "C" (migration 0014). */
    sortKey: text("sort_key").notNull().generatedAlwaysAs(sql`vietnamese_sort_key(name)`),
    searchText: text("search_text").notNull(),
    ruleKinds: text("rule_kinds").array().notNull().default(sql`'{}'::text[]`),
    ruleParentId: uuid("rule_parent_id"),
    /** With a rule: match kinds anywhere under the parent, not only its direct children. */
    ruleDescendants: boolean("rule_descendants").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("org_groups_province_idx").on(t.provinceId)],
);

export const orgGroupMembers = pgTable(
  "org_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => orgGroups.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);
