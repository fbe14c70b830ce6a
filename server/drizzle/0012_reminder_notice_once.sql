-- A reminder notice is written once per report, kind and province day. One run that catches up
-- several offsets of a report (the server was stopped: offsets -3 and -1 both fall in the window)
-- writes only the latest, and this index refuses a second one on the same day, whatever process
-- writes it. Older notices keep a null day: they are not checked, and nothing old has to be removed.
ALTER TABLE "notifications" ADD COLUMN "reminder_day" date;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_reminder_once_idx" ON "notifications" USING btree ("report_id","kind","reminder_day") WHERE "reminder_day" is not null;
