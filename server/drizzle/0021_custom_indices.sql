-- A province's own index (DDCI): who owns it, whom it rates, and versions that are drafts until
-- published. National indices have no owner, rate provinces, and every seeded version is published.
ALTER TABLE "index_definitions" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "index_definitions" ADD COLUMN "subjects" text DEFAULT 'provinces' NOT NULL;--> statement-breakpoint
CREATE INDEX "index_definitions_owner_idx" ON "index_definitions" ("owner_unit_id") WHERE "owner_unit_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "index_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "index_versions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "index_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "index_components" ADD COLUMN "subject_kind" text;
--> statement-breakpoint
-- A DDCI's results: one per index, year and unit (a department or a commune of the owning province).
-- index_results keys results by index province, so a unit's result has its own table.
CREATE TABLE "index_unit_results" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "index_code" text NOT NULL REFERENCES "index_definitions"("code"),
  "year" integer NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "version_code" text NOT NULL REFERENCES "index_versions"("code"),
  "total" double precision,
  "computed_total" double precision,
  "components" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "note" text DEFAULT '' NOT NULL,
  "updated_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "index_unit_results_key" UNIQUE ("index_code", "year", "unit_id")
);
