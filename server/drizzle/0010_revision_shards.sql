-- Every autosave that changes an assignment's progress bumps the 'plans' revision; with one row per
-- revision, each such save held that row's lock until its commit and saves from every unit of the
-- province queued behind one another (about 180 a second at most). Each revision is now the sum of 16
-- counters; a connection bumps the one its backend id picks, so a transaction only ever locks one
-- row per revision (no deadlock between two bumps of the same revision) and concurrent writers
-- rarely meet. The sum only grows, so a key built from it still changes with every commit.
-- A revision added later must insert its 16 rows (shards 0 to 15).
ALTER TABLE "app_revisions" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "app_revisions" DROP CONSTRAINT "app_revisions_pkey";--> statement-breakpoint
ALTER TABLE "app_revisions" ADD CONSTRAINT "app_revisions_pkey" PRIMARY KEY ("name", "shard");--> statement-breakpoint
INSERT INTO "app_revisions" ("name", "shard", "revision")
  SELECT r."name", s."shard", 0 FROM "app_revisions" r CROSS JOIN generate_series(1, 15) AS s("shard")
  ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "revision_shard"() RETURNS smallint LANGUAGE sql STABLE AS $$
  SELECT (pg_backend_pid() % 16)::smallint
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_app_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "app_revisions" SET "revision" = "revision" + 1
    WHERE "name" = TG_TABLE_NAME AND "shard" = "revision_shard"();
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_named_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "app_revisions" SET "revision" = "revision" + 1
    WHERE "name" = TG_ARGV[0] AND "shard" = "revision_shard"();
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_named_revision_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "columns" text[] := TG_ARGV[1:];
BEGIN
  IF EXISTS (SELECT 1 FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
      WHERE EXISTS (SELECT 1 FROM unnest("columns") c WHERE to_jsonb(o) -> c IS DISTINCT FROM to_jsonb(n) -> c)) THEN
    UPDATE "app_revisions" SET "revision" = "revision" + 1
      WHERE "name" = TG_ARGV[0] AND "shard" = "revision_shard"();
  END IF;
  RETURN NULL;
END
$$;
