-- A revision of the follow-up registers, bumped by any process, so the coordinator's dashboard can keep
-- its follow-up section in memory and still be exact: an item created, removed, assigned, moved to
-- another unit, given a deadline or changing state bumps it (not a comment, an answer's text or a
-- search field); so does an initiative registered, removed, decided or moved, and a yearly minimum set.
-- 16 counters (shards 0 to 15), as migration 0010 requires.
INSERT INTO "app_revisions" ("name", "shard", "revision")
  SELECT 'follow_up', s."shard", 0 FROM generate_series(0, 15) AS s("shard")
  ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER "follow_up_items_revision" AFTER INSERT OR DELETE OR TRUNCATE ON "follow_up_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');--> statement-breakpoint
CREATE TRIGGER "follow_up_items_revision_update" AFTER UPDATE ON "follow_up_items"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision_on_change"(
    'follow_up', 'kind', 'state', 'due_date', 'done_on', 'unit_id', 'unit_path', 'province_id');--> statement-breakpoint
CREATE TRIGGER "initiatives_revision" AFTER INSERT OR DELETE OR TRUNCATE ON "initiatives"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');--> statement-breakpoint
CREATE TRIGGER "initiatives_revision_update" AFTER UPDATE ON "initiatives"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision_on_change"(
    'follow_up', 'state', 'year', 'unit_id', 'unit_path', 'province_id');--> statement-breakpoint
CREATE TRIGGER "initiative_minimums_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_minimums"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('follow_up');
