CREATE TABLE "plan_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"document_number" text NOT NULL,
	"document_date" date,
	"summary" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"index_code" text NOT NULL,
	"version_code" text NOT NULL,
	"component_code" text,
	"baseline_year" integer,
	"baseline_value" double precision,
	"baseline_rank" integer,
	"baseline_rank_of" integer,
	"target_value" double precision,
	"rank_from" integer,
	"rank_to" integer,
	"band" text,
	"note" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_task_components" (
	"task_id" uuid NOT NULL,
	"version_code" text NOT NULL,
	"component_code" text NOT NULL,
	CONSTRAINT "plan_task_components_task_id_version_code_component_code_pk" PRIMARY KEY("task_id","version_code","component_code")
);
--> statement-breakpoint
CREATE TABLE "plan_task_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"group_id" uuid,
	"raw_name" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text DEFAULT 'task' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"content" text NOT NULL,
	"expected_output" text DEFAULT '' NOT NULL,
	"deadline_text" text DEFAULT '' NOT NULL,
	"deadline" jsonb NOT NULL,
	"deadline_kind" text DEFAULT 'unknown' NOT NULL,
	"due_date" date,
	"reporting_note" text DEFAULT '' NOT NULL,
	"quantitative_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"parent_task_id" uuid,
	"source_task_id" uuid,
	"progress" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"kind" text DEFAULT 'plan' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"issued_date" date,
	"issuer_name" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"signer_authority" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"legal_bases" text[] DEFAULT '{}'::text[] NOT NULL,
	"period_from" integer,
	"period_to" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"parent_plan_id" uuid,
	"objectives" text DEFAULT '' NOT NULL,
	"implementation" text DEFAULT '' NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_framework" boolean DEFAULT false NOT NULL,
	"framework_source_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"issued_at" timestamp with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"role" text NOT NULL,
	"via_group_id" uuid,
	"due_date" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_at" date,
	"note" text DEFAULT '' NOT NULL,
	"previous_id" uuid,
	"replaced_by_id" uuid,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_assignments_task_unit_key" UNIQUE NULLS NOT DISTINCT("task_id","unit_id","ended_at")
);
--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_components" ADD CONSTRAINT "plan_task_components_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_participants" ADD CONSTRAINT "plan_task_participants_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_participants" ADD CONSTRAINT "plan_task_participants_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_participants" ADD CONSTRAINT "plan_task_participants_group_id_org_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."org_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_amendments_plan_idx" ON "plan_amendments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_targets_component_idx" ON "plan_targets" USING btree ("version_code","component_code");--> statement-breakpoint
CREATE INDEX "plan_task_components_component_idx" ON "plan_task_components" USING btree ("version_code","component_code");--> statement-breakpoint
CREATE INDEX "plan_task_participants_task_idx" ON "plan_task_participants" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "plan_task_participants_unit_idx" ON "plan_task_participants" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "plan_task_participants_group_idx" ON "plan_task_participants" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "plan_tasks_province_due_idx" ON "plan_tasks" USING btree ("province_id","due_date");--> statement-breakpoint
CREATE INDEX "plan_tasks_parent_task_idx" ON "plan_tasks" USING btree ("parent_task_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_search_trgm_idx" ON "plan_tasks" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "plans_province_idx" ON "plans" USING btree ("province_id","status");--> statement-breakpoint
CREATE INDEX "plans_owner_idx" ON "plans" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE INDEX "plans_search_trgm_idx" ON "plans" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "task_assignments_unit_path_idx" ON "task_assignments" USING btree ("unit_path" text_pattern_ops,"due_date") WHERE "task_assignments"."ended_at" is null;