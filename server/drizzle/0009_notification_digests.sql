-- A user may take the reminder e-mails as one digest a day instead of one mail each. The digest is
-- claimed once per user and day (the primary key), so a second run or a restart sends nothing again.
CREATE TABLE IF NOT EXISTS "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"email_mode" text DEFAULT 'immediate' NOT NULL CHECK ("email_mode" IN ('immediate', 'daily')),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "notification_digests" (
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"day" date NOT NULL,
	"items" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("user_id", "day")
);
