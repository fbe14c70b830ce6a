-- The home page's work card keeps the items waiting on a unit in memory under the revision
-- 'follow_up' (migration 0027 bumps it when an item is created, removed, assigned, moved or changes
-- state). Every act on an item also writes an event, and a comment or a file changes the counts the
-- rows carry: those bump it too, so no answer kept is older than a committed change from any process.
CREATE TRIGGER "follow_up_events_home_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');--> statement-breakpoint
CREATE TRIGGER "follow_up_files_home_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "follow_up_files"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');
