-- A revision of the follow-up items ('follow_up'), so answers kept in memory that show them (the home
-- page's work card: the items waiting on the unit, overdue, due soon) are never older than a committed
-- change from any process: an item created, assigned, transferred, reported, returned, accepted,
-- closed, reopened or removed bumps it, and so does a comment or a file on it (the rows carry their
-- counts). Items change only by such acts (no autosave), so every statement on these tables bumps it.
-- 16 counters, as migration 0010 requires. The triggers are named for this migration; another may add
-- triggers of its own on the same revision (a second bump is harmless).
INSERT INTO "app_revisions" ("name", "shard", "revision")
  SELECT 'follow_up', s."shard", 0 FROM generate_series(0, 15) AS s("shard")
  ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "follow_up_items_home_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');--> statement-breakpoint
CREATE TRIGGER "follow_up_events_home_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');--> statement-breakpoint
CREATE TRIGGER "follow_up_files_home_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up_files"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');
