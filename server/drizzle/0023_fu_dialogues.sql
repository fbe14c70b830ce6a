-- Dialogues (issue 17 part 3): a dialogue's folded search text (title, chair, sector, participants),
-- searched by trigram like every register; the host's subtree by path prefix; and the published
-- recommendations of a province, read by the public list without scanning the unpublished ones; and
-- an item's place among its source's (a dialogue's recommendations in the order they were entered,
-- the numbering of the minutes: items entered together share their creation time).
ALTER TABLE "dialogues" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "dialogues_search_trgm_idx" ON "dialogues" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dialogues_host_path_idx" ON "dialogues" USING btree ("host_unit_path" text_pattern_ops, "held_on");--> statement-breakpoint
CREATE INDEX "follow_up_items_published_idx" ON "follow_up_items" ("province_id", "dialogue_id") WHERE "published";--> statement-breakpoint
ALTER TABLE "follow_up_items" ADD COLUMN "position" integer;
