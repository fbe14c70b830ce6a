import { sql } from "drizzle-orm";
import {
  boolean,
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

/** An index (PCI, PAPI…, or a province's own DDCI). Seeded from core/src/indices/definitions. */
export const indexDefinitions = pgTable("index_definitions", {
  code: text("code").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  publisher: text("publisher").notNull().default(""),
  /** Defined by a province (DDCI) rather than seeded from the national catalog. */
  custom: boolean("custom").notNull().default(false),
  /** The province (org unit) that defined a custom index; null for national indices. Migration 0020. */
  ownerUnitId: uuid("owner_unit_id"),
  /** Whom it rates: "provinces" (national indices) or "units" (a DDCI: departments and communes). */
  subjects: text("subjects").notNull().default("provinces"),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A methodology valid for a range of years. A version that has results is never edited in place:
 * an edit creates a new revision (higher `revision`), which wins for the years both cover.
 */
export const indexVersions = pgTable(
  "index_versions",
  {
    code: text("code").primaryKey(),
    indexCode: text("index_code")
      .notNull()
      .references(() => indexDefinitions.code),
    validFromYear: integer("valid_from_year").notNull(),
    validToYear: integer("valid_to_year"),
    scaleMax: doublePrecision("scale_max").notNull(),
    totalAggregation: text("total_aggregation").notNull(),
    totalMultiplier: doublePrecision("total_multiplier").notNull().default(1),
    totalDescription: text("total_description").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    /** The version this one was made from by an edit. */
    basedOn: text("based_on"),
    /** "draft" while a province writes its own index's version; "published" is never edited. */
    status: text("status").notNull().default("published"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("index_versions_index_idx").on(t.indexCode, t.validFromYear)],
);

/** The component tree of a version: sub-indices, dimensions, indicators. */
export const indexComponents = pgTable(
  "index_components",
  {
    versionCode: text("version_code")
      .notNull()
      .references(() => indexVersions.code, { onDelete: "cascade" }),
    code: text("code").notNull(),
    parentCode: text("parent_code"),
    number: text("number").notNull().default(""),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    unit: text("unit").notNull(),
    min: doublePrecision("min").notNull().default(0),
    max: doublePrecision("max").notNull(),
    polarity: text("polarity").notNull(),
    weight: doublePrecision("weight"),
    aggregation: text("aggregation"),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    /** A DDCI's top-level component is scored for departments or for communes. */
    subjectKind: text("subject_kind"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.versionCode, t.code] })],
);

/**
 * The subjects of published results: all 63 provinces before 1/7/2025 and the 34 after (a province
 * that kept its name has one row, era "both"). Separate from org_units, which hold one province's tree.
 */
export const indexProvinces = pgTable("index_provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  /** "pre2025" (merged away on 1/7/2025), "current" (created then) or "both" (kept its name). */
  era: text("era").notNull(),
  /** For a pre-2025 province: the current province it is part of (itself for "both"). */
  successorCode: text("successor_code"),
  gsoCode: text("gso_code"),
  region: text("region").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** One published result: index, year, province. Published figures are stored as published. */
export const indexResults = pgTable(
  "index_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indexCode: text("index_code")
      .notNull()
      .references(() => indexDefinitions.code),
    year: integer("year").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => indexProvinces.code),
    versionCode: text("version_code")
      .notNull()
      .references(() => indexVersions.code),
    total: doublePrecision("total"),
    rank: integer("rank"),
    rankOf: integer("rank_of"),
    band: text("band"),
    regionalRank: integer("regional_rank"),
    regionalRankOf: integer("regional_rank_of"),
    /** Recomputed from the components by the version's rule (analysis only, never replaces `total`). */
    computedTotal: doublePrecision("computed_total"),
    /** Derived among the provinces with data that year: used where nothing was published. */
    computedRank: integer("computed_rank"),
    computedRankOf: integer("computed_rank_of"),
    computedBand: text("computed_band"),
    sourceDocument: text("source_document").notNull().default(""),
    sourceLink: text("source_link").notNull().default(""),
    sourceNote: text("source_note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("index_results_key").on(t.indexCode, t.year, t.provinceCode),
    index("index_results_province_idx").on(t.provinceCode, t.indexCode, t.year),
  ],
);

/** A component's value (and rank) in one result. */
export const indexResultComponents = pgTable(
  "index_result_components",
  {
    resultId: uuid("result_id")
      .notNull()
      .references(() => indexResults.id, { onDelete: "cascade" }),
    componentCode: text("component_code").notNull(),
    value: doublePrecision("value"),
    rank: integer("rank"),
    computedRank: integer("computed_rank"),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.componentCode] })],
);

/**
 * What a province aims for in a year, on an index or one component: a value, a rank range, a band.
 * The baseline (last published value and rank before that year) is taken when the target is set.
 */
export const indexTargets = pgTable(
  "index_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The org unit (kind province) whose plan carries the target. */
    provinceUnitId: uuid("province_unit_id").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => indexProvinces.code),
    year: integer("year").notNull(),
    indexCode: text("index_code")
      .notNull()
      .references(() => indexDefinitions.code),
    /** Null: the index total. */
    componentCode: text("component_code"),
    targetValue: doublePrecision("target_value"),
    rankFrom: integer("rank_from"),
    rankTo: integer("rank_to"),
    band: text("band"),
    note: text("note").notNull().default(""),
    baselineYear: integer("baseline_year"),
    baselineValue: doublePrecision("baseline_value"),
    baselineRank: integer("baseline_rank"),
    baselineRankOf: integer("baseline_rank_of"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("index_targets_key").on(t.provinceUnitId, t.year, t.indexCode, t.componentCode).nullsNotDistinct(),
    index("index_targets_unit_idx").on(t.provinceUnitId, t.year),
  ],
);

/**
 * A DDCI's result for one department or commune of its province and one year (migration 0021):
 * `total` as the province published it, `computedTotal` from the components by the version's rule.
 */
export const indexUnitResults = pgTable(
  "index_unit_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indexCode: text("index_code")
      .notNull()
      .references(() => indexDefinitions.code),
    year: integer("year").notNull(),
    unitId: uuid("unit_id").notNull(),
    versionCode: text("version_code")
      .notNull()
      .references(() => indexVersions.code),
    total: doublePrecision("total"),
    computedTotal: doublePrecision("computed_total"),
    components: jsonb("components").$type<Array<{ code: string; value: number }>>().notNull().default([]),
    note: text("note").notNull().default(""),
    updatedBy: uuid("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("index_unit_results_key").on(t.indexCode, t.year, t.unitId)],
);
