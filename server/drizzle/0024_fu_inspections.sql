-- Inspections (issue 17, part 1): a cancelled inspection keeps the reason it was cancelled; lists of
-- inspections are cut to a province (coordinators) or a unit's subtree (a unit's own history) by index.
ALTER TABLE "inspections" ADD COLUMN "cancel_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "inspections_province_idx" ON "inspections" ("province_id", "starts_on", "id");--> statement-breakpoint
CREATE INDEX "inspections_unit_path_idx" ON "inspections" ("unit_path" text_pattern_ops);
