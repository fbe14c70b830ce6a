-- The home page asks, for every signed-in person, how many reports wait in some states and which
-- are due first: by unit (a unit's drafts and returned reports, its head's approvals) or by province
-- (a coordinator's reports to review). Without these, each question read every report of every
-- period (40,000 at province scale after a year).
CREATE INDEX "reports_unit_state_due_idx" ON "reports" USING btree ("unit_id", "state", "due_date", "id");--> statement-breakpoint
CREATE INDEX "reports_province_state_due_idx" ON "reports" USING btree ("province_id", "state", "due_date", "id");
