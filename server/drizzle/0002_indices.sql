CREATE TABLE "index_components" (
	"version_code" text NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"number" text DEFAULT '' NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"min" double precision DEFAULT 0 NOT NULL,
	"max" double precision NOT NULL,
	"polarity" text NOT NULL,
	"weight" double precision,
	"aggregation" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "index_components_version_code_code_pk" PRIMARY KEY("version_code","code")
);
--> statement-breakpoint
CREATE TABLE "index_definitions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"publisher" text DEFAULT '' NOT NULL,
	"custom" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"era" text NOT NULL,
	"successor_code" text,
	"gso_code" text,
	"region" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_result_components" (
	"result_id" uuid NOT NULL,
	"component_code" text NOT NULL,
	"value" double precision,
	"rank" integer,
	"computed_rank" integer,
	CONSTRAINT "index_result_components_result_id_component_code_pk" PRIMARY KEY("result_id","component_code")
);
--> statement-breakpoint
CREATE TABLE "index_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"index_code" text NOT NULL,
	"year" integer NOT NULL,
	"province_code" text NOT NULL,
	"version_code" text NOT NULL,
	"total" double precision,
	"rank" integer,
	"rank_of" integer,
	"band" text,
	"regional_rank" integer,
	"regional_rank_of" integer,
	"computed_total" double precision,
	"computed_rank" integer,
	"computed_rank_of" integer,
	"computed_band" text,
	"source_document" text DEFAULT '' NOT NULL,
	"source_link" text DEFAULT '' NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_results_key" UNIQUE("index_code","year","province_code")
);
--> statement-breakpoint
CREATE TABLE "index_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"index_code" text NOT NULL,
	"component_code" text,
	"target_value" double precision,
	"rank_from" integer,
	"rank_to" integer,
	"band" text,
	"note" text DEFAULT '' NOT NULL,
	"baseline_year" integer,
	"baseline_value" double precision,
	"baseline_rank" integer,
	"baseline_rank_of" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_targets_key" UNIQUE NULLS NOT DISTINCT("province_unit_id","year","index_code","component_code")
);
--> statement-breakpoint
CREATE TABLE "index_versions" (
	"code" text PRIMARY KEY NOT NULL,
	"index_code" text NOT NULL,
	"valid_from_year" integer NOT NULL,
	"valid_to_year" integer,
	"scale_max" double precision NOT NULL,
	"total_aggregation" text NOT NULL,
	"total_multiplier" double precision DEFAULT 1 NOT NULL,
	"total_description" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"based_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "index_components" ADD CONSTRAINT "index_components_version_code_index_versions_code_fk" FOREIGN KEY ("version_code") REFERENCES "public"."index_versions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_result_components" ADD CONSTRAINT "index_result_components_result_id_index_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."index_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_index_code_index_definitions_code_fk" FOREIGN KEY ("index_code") REFERENCES "public"."index_definitions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_province_code_index_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."index_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_results" ADD CONSTRAINT "index_results_version_code_index_versions_code_fk" FOREIGN KEY ("version_code") REFERENCES "public"."index_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_targets" ADD CONSTRAINT "index_targets_province_code_index_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."index_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_targets" ADD CONSTRAINT "index_targets_index_code_index_definitions_code_fk" FOREIGN KEY ("index_code") REFERENCES "public"."index_definitions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_versions" ADD CONSTRAINT "index_versions_index_code_index_definitions_code_fk" FOREIGN KEY ("index_code") REFERENCES "public"."index_definitions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "index_results_province_idx" ON "index_results" USING btree ("province_code","index_code","year");--> statement-breakpoint
CREATE INDEX "index_targets_unit_idx" ON "index_targets" USING btree ("province_unit_id","year");--> statement-breakpoint
CREATE INDEX "index_versions_index_idx" ON "index_versions" USING btree ("index_code","valid_from_year");