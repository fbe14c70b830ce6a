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
-- the same values: only an update that changes a row bumps (and takes the revision row's lock), so
-- typing a narrative neither empties the caches nor queues saves behind one another.
CREATE OR REPLACE FUNCTION "bump_plans_revision_on_assignment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
      WHERE (o."progress", o."completed_at", o."ended_at", o."unit_id", o."unit_path", o."due_date", o."role", o."note")
        IS DISTINCT FROM (n."progress", n."completed_at", n."ended_at", n."unit_id", n."unit_path", n."due_date", n."role", n."note")) THEN
    UPDATE "app_revisions" SET "revision" = "revision" + 1 WHERE "name" = 'plans';
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "task_assignments_revision_update" AFTER UPDATE ON "task_assignments"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_plans_revision_on_assignment_change"();
