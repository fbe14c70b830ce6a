-- The follow-up core's reminders and notices (issue 17): each reminder of an item (due soon, overdue,
-- escalated to the follower) is claimed once per deadline, so a rerun or a second process never sends
-- it twice; a notice may name the item it is about, so the bell opens it; a unit's files are summed by
-- an index for its quota; items by deadline serve the reminder pass's windows and the national
-- administrator's list (700,000 items in the bench data: a sort of all of them took 430 ms).
CREATE TABLE "follow_up_reminders" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "item_id" uuid NOT NULL REFERENCES "follow_up_items"("id") ON DELETE cascade,
  "kind" text NOT NULL,
  "due_date" date NOT NULL,
  "sent_on" date NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "follow_up_reminders_once" UNIQUE("item_id", "kind", "due_date")
);--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "follow_up_item_id" uuid;--> statement-breakpoint
CREATE INDEX "follow_up_files_unit_idx" ON "follow_up_files" ("unit_id");--> statement-breakpoint
CREATE INDEX "follow_up_items_due_idx" ON "follow_up_items" ("due_date", "id");
