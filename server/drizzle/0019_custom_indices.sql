-- A province's own index (DDCI): who owns it, whom it rates, and versions that are drafts until
-- published. National indices have no owner, rate provinces, and every seeded version is published.
ALTER TABLE "index_definitions" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "index_definitions" ADD COLUMN "subjects" text DEFAULT 'provinces' NOT NULL;--> statement-breakpoint
CREATE INDEX "index_definitions_owner_idx" ON "index_definitions" ("owner_unit_id") WHERE "owner_unit_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "index_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "index_versions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "index_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "index_components" ADD COLUMN "subject_kind" text;
