-- A revision of the reports' states (not their text), bumped by any process, so the coordinator's
-- dashboard can be kept in memory and be exact about what was received and when: a report created,
-- removed, submitted, returned, accepted or reopened bumps it; autosaving a report's general part
-- does not (and so takes no lock on the revision row).
INSERT INTO "app_revisions" ("name", "revision") VALUES ('reports', 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "reports_revision" AFTER INSERT OR DELETE OR TRUNCATE ON "reports"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('reports');--> statement-breakpoint
CREATE TRIGGER "reports_revision_update" AFTER UPDATE ON "reports"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision_on_change"(
    'reports', 'state', 'first_submitted_at', 'due_date', 'lock_date', 'late_allowed', 'unit_id', 'unit_path', 'unit_kind');
