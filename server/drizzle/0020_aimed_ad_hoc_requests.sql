-- Aimed ad hoc requests: the units asked and the tasks asked about (null: every assigned unit, every
-- task, as before), and questions with a kind of answer and a required flag. Questions stored as
-- plain strings become text questions "q1", "q2"…; answers keyed by a question's position ("0", "1"…)
-- follow them.
ALTER TABLE "reporting_obligations" ADD COLUMN "unit_ids" uuid[];--> statement-breakpoint
ALTER TABLE "reporting_obligations" ADD COLUMN "task_ids" uuid[];--> statement-breakpoint
UPDATE "reporting_obligations" SET "questions" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', 'q' || t.i, 'text', t.q, 'type', 'text',
    'required', false, 'choices', '[]'::jsonb) ORDER BY t.i), '[]'::jsonb)
  FROM jsonb_array_elements_text("questions") WITH ORDINALITY AS t(q, i)
) WHERE jsonb_typeof("questions") = 'array' AND jsonb_typeof("questions" -> 0) = 'string';--> statement-breakpoint
UPDATE "reports" SET "answers" = (
  SELECT coalesce(jsonb_object_agg(CASE WHEN a.key ~ '^\d+$' THEN 'q' || (a.key::int + 1) ELSE a.key END, a.value), '{}'::jsonb)
  FROM jsonb_each("answers") AS a
) WHERE "answers" <> '{}'::jsonb AND EXISTS (SELECT 1 FROM jsonb_object_keys("answers") k WHERE k ~ '^\d+$');
