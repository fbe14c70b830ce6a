-- Monitoring beyond reports (issue 17): inspections with their findings, dialogues, the follow-up
-- items (a finding's remediation, a dialogue's recommendation) with their events and files, and
-- reform initiatives with where they are replicated.
CREATE TABLE "inspection_plans" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "province_id" uuid NOT NULL,
  "owner_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "year" integer NOT NULL,
  "title" text NOT NULL,
  "number" text DEFAULT '' NOT NULL,
  "scope" text DEFAULT '' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "inspection_plans_province_year_idx" ON "inspection_plans" ("province_id", "year");--> statement-breakpoint
CREATE TABLE "inspections" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "plan_id" uuid NOT NULL REFERENCES "inspection_plans"("id") ON DELETE cascade,
  "province_id" uuid NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "unit_path" text NOT NULL,
  "starts_on" date NOT NULL,
  "ends_on" date NOT NULL,
  "team" text DEFAULT '' NOT NULL,
  "scope" text DEFAULT '' NOT NULL,
  "state" text DEFAULT 'planned' NOT NULL,
  "held_on" date,
  "conclusion" text DEFAULT '' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "inspections_plan_idx" ON "inspections" ("plan_id", "starts_on");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "inspections" ("unit_id", "starts_on");--> statement-breakpoint
CREATE TABLE "inspection_findings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "inspection_id" uuid NOT NULL REFERENCES "inspections"("id") ON DELETE cascade,
  "position" integer DEFAULT 0 NOT NULL,
  "content" text NOT NULL,
  "severity" text DEFAULT 'medium' NOT NULL,
  "version_code" text,
  "component_code" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" ("inspection_id", "position");--> statement-breakpoint
CREATE TABLE "dialogues" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "province_id" uuid NOT NULL,
  "host_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "host_unit_path" text NOT NULL,
  "held_on" date NOT NULL,
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "chair" text DEFAULT '' NOT NULL,
  "sector" text DEFAULT '' NOT NULL,
  "participant_count" integer,
  "participants" text DEFAULT '' NOT NULL,
  "minutes" text DEFAULT '' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "dialogues_province_held_idx" ON "dialogues" ("province_id", "held_on");--> statement-breakpoint
CREATE TABLE "follow_up_items" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "kind" text NOT NULL,
  "province_id" uuid NOT NULL,
  "finding_id" uuid REFERENCES "inspection_findings"("id") ON DELETE cascade,
  "dialogue_id" uuid REFERENCES "dialogues"("id") ON DELETE cascade,
  "follower_unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "follower_unit_path" text NOT NULL,
  "unit_id" uuid REFERENCES "org_units"("id"),
  "unit_path" text,
  "arose_on" date NOT NULL,
  "content" text NOT NULL,
  "required_result" text DEFAULT '' NOT NULL,
  "raiser_kind" text,
  "raiser_name" text DEFAULT '' NOT NULL,
  "anonymous" boolean DEFAULT false NOT NULL,
  "field" text DEFAULT '' NOT NULL,
  "version_code" text,
  "component_code" text,
  "due_date" date,
  "state" text NOT NULL,
  "answer" text DEFAULT '' NOT NULL,
  "reported_on" date,
  "done_on" date,
  "reason" text DEFAULT '' NOT NULL,
  "published" boolean DEFAULT false NOT NULL,
  "search_text" text DEFAULT '' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "follow_up_items_one_source" CHECK (("finding_id" IS NULL) <> ("dialogue_id" IS NULL)),
  CONSTRAINT "follow_up_items_due_after_arose" CHECK ("due_date" IS NULL OR "due_date" >= "arose_on")
);--> statement-breakpoint
CREATE INDEX "follow_up_items_unit_idx" ON "follow_up_items" USING btree ("unit_path" text_pattern_ops, "kind", "state");--> statement-breakpoint
CREATE INDEX "follow_up_items_follower_idx" ON "follow_up_items" USING btree ("follower_unit_path" text_pattern_ops, "kind", "state");--> statement-breakpoint
CREATE INDEX "follow_up_items_province_idx" ON "follow_up_items" ("province_id", "kind", "state", "due_date", "id");--> statement-breakpoint
CREATE INDEX "follow_up_items_finding_idx" ON "follow_up_items" ("finding_id");--> statement-breakpoint
CREATE INDEX "follow_up_items_dialogue_idx" ON "follow_up_items" ("dialogue_id");--> statement-breakpoint
CREATE INDEX "follow_up_items_search_trgm_idx" ON "follow_up_items" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE TABLE "follow_up_events" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "item_id" uuid NOT NULL REFERENCES "follow_up_items"("id") ON DELETE cascade,
  "action" text NOT NULL,
  "from_state" text,
  "to_state" text,
  "from_unit_id" uuid,
  "to_unit_id" uuid,
  "note" text DEFAULT '' NOT NULL,
  "by_user_id" uuid,
  "by_unit_id" uuid,
  "at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "follow_up_events_item_idx" ON "follow_up_events" ("item_id", "at");--> statement-breakpoint
CREATE TABLE "initiatives" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "province_id" uuid NOT NULL,
  "unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "unit_path" text NOT NULL,
  "year" integer NOT NULL,
  "title" text NOT NULL,
  "problem" text DEFAULT '' NOT NULL,
  "solution" text DEFAULT '' NOT NULL,
  "field" text DEFAULT '' NOT NULL,
  "version_code" text,
  "component_code" text,
  "expected_result" text DEFAULT '' NOT NULL,
  "actual_result" text DEFAULT '' NOT NULL,
  "state" text DEFAULT 'proposed' NOT NULL,
  "decision_note" text DEFAULT '' NOT NULL,
  "decided_on" date,
  "decided_by" uuid,
  "search_text" text DEFAULT '' NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "initiatives_unit_idx" ON "initiatives" USING btree ("unit_path" text_pattern_ops, "year", "state");--> statement-breakpoint
CREATE INDEX "initiatives_province_year_idx" ON "initiatives" ("province_id", "year", "state", "id");--> statement-breakpoint
CREATE INDEX "initiatives_search_trgm_idx" ON "initiatives" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE TABLE "initiative_replications" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "initiative_id" uuid NOT NULL REFERENCES "initiatives"("id") ON DELETE cascade,
  "unit_id" uuid NOT NULL REFERENCES "org_units"("id"),
  "from_date" date NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "initiative_replications_once" UNIQUE("initiative_id", "unit_id")
);--> statement-breakpoint
CREATE TABLE "follow_up_files" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "item_id" uuid REFERENCES "follow_up_items"("id") ON DELETE cascade,
  "inspection_id" uuid REFERENCES "inspections"("id") ON DELETE cascade,
  "dialogue_id" uuid REFERENCES "dialogues"("id") ON DELETE cascade,
  "initiative_id" uuid REFERENCES "initiatives"("id") ON DELETE cascade,
  "unit_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "file_name" text DEFAULT '' NOT NULL,
  "content_type" text DEFAULT '' NOT NULL,
  "size" bigint DEFAULT 0 NOT NULL,
  "storage_key" text,
  "url" text,
  "title" text DEFAULT '' NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "follow_up_files_one_owner" CHECK (num_nonnulls("item_id", "inspection_id", "dialogue_id", "initiative_id") = 1)
);--> statement-breakpoint
CREATE INDEX "follow_up_files_item_idx" ON "follow_up_files" ("item_id");--> statement-breakpoint
CREATE INDEX "follow_up_files_inspection_idx" ON "follow_up_files" ("inspection_id");--> statement-breakpoint
CREATE INDEX "follow_up_files_dialogue_idx" ON "follow_up_files" ("dialogue_id");--> statement-breakpoint
CREATE INDEX "follow_up_files_initiative_idx" ON "follow_up_files" ("initiative_id");
