-- A revision number per cached table, bumped by a statement trigger on every change (from any
-- process), so the server can cache a directory tree and answer ETags without re-reading the tree.
CREATE TABLE IF NOT EXISTS "app_revisions" (
	"name" text PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);--> statement-breakpoint
INSERT INTO "app_revisions" ("name", "revision") VALUES ('org_units', 0), ('org_groups', 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_app_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "app_revisions" SET "revision" = "revision" + 1 WHERE "name" = TG_TABLE_NAME;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "org_units_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_units"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_app_revision"();--> statement-breakpoint
CREATE TRIGGER "org_groups_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_app_revision"();
