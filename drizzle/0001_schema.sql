CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" text PRIMARY KEY NOT NULL,
	"kpi_year_id" text NOT NULL,
	"author_id" text NOT NULL,
	"kind" text DEFAULT 'comment' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "departments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" text PRIMARY KEY NOT NULL,
	"measure_id" text NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"kpi_id" text NOT NULL,
	"valid_from" integer NOT NULL,
	"measure_id" text NOT NULL,
	"indicator" text NOT NULL,
	"indicator_key" text NOT NULL,
	"unit" text,
	"direction" text,
	"baseline" jsonb,
	"final_target" jsonb NOT NULL,
	"final_target_number" double precision,
	"final_target_unit" text,
	"departments" jsonb NOT NULL,
	"initiatives" jsonb NOT NULL,
	"figures_source" text
);
--> statement-breakpoint
CREATE TABLE "kpi_years" (
	"id" text PRIMARY KEY NOT NULL,
	"kpi_id" text NOT NULL,
	"sheet_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"row" integer NOT NULL,
	"target" jsonb NOT NULL,
	"target_number" double precision,
	"target_unit" text,
	"actual" jsonb NOT NULL,
	"actual_number" double precision,
	"actual_unit" text,
	"evaluation_category" text NOT NULL,
	"evaluation_covid" boolean NOT NULL,
	"evaluation_label" text,
	"evaluation" jsonb NOT NULL,
	"status" text,
	"reason" text,
	"challenge" text,
	"next_steps" text,
	"extra" jsonb,
	"review_state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" text PRIMARY KEY NOT NULL,
	"subgoal_id" text NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "municipalities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"name" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sheets" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"sheet_municipality" text,
	"has_municipality" boolean NOT NULL,
	"source" text,
	"has_source" boolean NOT NULL,
	"extra" jsonb,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subgoals" (
	"id" text PRIMARY KEY NOT NULL,
	"goal_id" text NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"titles" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"login_id" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"department" text,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "users_login_id_unique" UNIQUE("login_id")
);
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_kpi_year_id_kpi_years_id_fk" FOREIGN KEY ("kpi_year_id") REFERENCES "public"."kpi_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definitions" ADD CONSTRAINT "kpi_definitions_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_years" ADD CONSTRAINT "kpi_years_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_years" ADD CONSTRAINT "kpi_years_sheet_id_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_subgoal_id_subgoals_id_fk" FOREIGN KEY ("subgoal_id") REFERENCES "public"."subgoals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sheets" ADD CONSTRAINT "sheets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subgoals" ADD CONSTRAINT "subgoals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "comments_kpi_year_idx" ON "comments" USING btree ("kpi_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_plan_no_uq" ON "goals" USING btree ("plan_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_measure_title_uq" ON "initiatives" USING btree ("measure_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_definitions_kpi_from_uq" ON "kpi_definitions" USING btree ("kpi_id","valid_from");--> statement-breakpoint
CREATE INDEX "kpi_definitions_indicator_trgm" ON "kpi_definitions" USING gin ("indicator" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_years_kpi_year_uq" ON "kpi_years" USING btree ("kpi_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_years_sheet_row_uq" ON "kpi_years" USING btree ("sheet_id","row");--> statement-breakpoint
CREATE INDEX "kpi_years_year_idx" ON "kpi_years" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "kpi_years_status_trgm" ON "kpi_years" USING gin ("status" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kpi_years_reason_trgm" ON "kpi_years" USING gin ("reason" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kpi_years_challenge_trgm" ON "kpi_years" USING gin ("challenge" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kpi_years_next_steps_trgm" ON "kpi_years" USING gin ("next_steps" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kpis_plan_idx" ON "kpis" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_subgoal_no_uq" ON "measures" USING btree ("subgoal_id","no");--> statement-breakpoint
CREATE INDEX "plans_municipality_idx" ON "plans" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sheets_plan_year_uq" ON "sheets" USING btree ("plan_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "subgoals_goal_no_uq" ON "subgoals" USING btree ("goal_id","no");