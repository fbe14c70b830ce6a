-- Where each task of a report stands in the unit's review of this period: 'updated' (written this
-- period), 'unchanged' (confirmed as the last period left it: an explicit, audited act) or null (the
-- copy carried from the last period that nobody has looked at). Set by the entry's save statement.
ALTER TABLE "report_entries" ADD COLUMN "review_mark" text;
--> statement-breakpoint
ALTER TABLE "report_entries" ADD CONSTRAINT "report_entries_review_mark_check" CHECK ("review_mark" in ('updated', 'unchanged'));
--> statement-breakpoint
-- Entries saved before the mark existed were written by someone: count them as updated.
UPDATE "report_entries" SET "review_mark" = 'updated' WHERE "version" > 1;
