-- The register's order (newest year, latest registered) by an index walk, so a page of a province's
-- initiatives reads its rows and no more.
CREATE INDEX "initiatives_province_order_idx" ON "initiatives" ("province_id", "year", "created_at", "id");--> statement-breakpoint
-- The yearly count per unit, read from the index alone.
CREATE INDEX "initiatives_province_year_unit_idx" ON "initiatives" ("province_id", "year", "unit_id") INCLUDE ("state");--> statement-breakpoint
-- How many reform initiatives a unit of a kind must have in a year, as the province's coordinators
-- set it (seed 003 asks three of each department); a kind without a row takes core's default (one,
-- seed 000 II.7). And the units an initiative is replicated to, found by unit (what a unit is told
-- to apply, and may read).
CREATE TABLE "initiative_minimums" (
  "province_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "year" integer NOT NULL,
  "unit_kind" text NOT NULL,
  "minimum" integer NOT NULL,
  "updated_by" uuid,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "initiative_minimums_pkey" PRIMARY KEY ("province_id", "year", "unit_kind"),
  CONSTRAINT "initiative_minimums_range" CHECK ("minimum" BETWEEN 0 AND 50)
);--> statement-breakpoint
CREATE INDEX "initiative_replications_unit_idx" ON "initiative_replications" ("unit_id");
