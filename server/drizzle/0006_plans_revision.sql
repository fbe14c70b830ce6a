-- A revision of everything the task lists show (plans, tasks, their participants, components and
-- targets, and the assignments), bumped on every change by any process, so the server can keep
-- answers of "/api/tasks" and "/api/tasks/mine" and know exactly when they are out of date.
INSERT INTO "app_revisions" ("name", "revision") VALUES ('plans', 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_named_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "app_revisions" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "plans_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('plans');--> statement-breakpoint
CREATE TRIGGER "plan_tasks_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_tasks"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('plans');--> statement-breakpoint
CREATE TRIGGER "plan_task_participants_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_task_participants"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('plans');--> statement-breakpoint
CREATE TRIGGER "plan_task_components_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plan_task_components"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('plans');--> statement-breakpoint
CREATE TRIGGER "task_assignments_revision" AFTER INSERT OR DELETE OR TRUNCATE ON "task_assignments"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision"('plans');--> statement-breakpoint
-- An autosaved report entry rewrites its assignment's progress on every keystroke pause, mostly with
-- the same values: only an update that changes one of the listed columns of some row bumps (and takes
-- the revision row's lock), so typing a narrative neither empties the caches nor queues saves behind
-- one another. Arguments: the revision's name, then the columns that count.
CREATE OR REPLACE FUNCTION "bump_named_revision_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "columns" text[] := TG_ARGV[1:];
BEGIN
  IF EXISTS (SELECT 1 FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
      WHERE EXISTS (SELECT 1 FROM unnest("columns") c WHERE to_jsonb(o) -> c IS DISTINCT FROM to_jsonb(n) -> c)) THEN
    UPDATE "app_revisions" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "task_assignments_revision_update" AFTER UPDATE ON "task_assignments"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_named_revision_on_change"(
    'plans', 'progress', 'completed_at', 'ended_at', 'unit_id', 'unit_path', 'due_date', 'role', 'note');
