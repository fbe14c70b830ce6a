-- Review notices (a report returned, accepted, received, resubmitted; a comment) are also e-mailed
-- when SMTP is configured. The notice is the outbox: written 'pending' in the act's transaction,
-- claimed 'sent' by the mail job before it sends (so never twice, across restarts too), 'expired'
-- when a day passed without SMTP. Reminders keep their own claim (report_reminders) and stay null.
ALTER TABLE "notifications" ADD COLUMN "mail_state" text;--> statement-breakpoint
CREATE INDEX "notifications_mail_pending_idx" ON "notifications" USING btree ("created_at") WHERE "mail_state" = 'pending';
