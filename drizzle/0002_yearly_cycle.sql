CREATE TABLE "corrections" (
	"id" text PRIMARY KEY NOT NULL,
	"kpi_year_id" text NOT NULL,
	"reason" text NOT NULL,
	"published" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"republished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"kpi_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"target" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "retired_from" integer;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "previous_kpi_id" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "previous_plan_id" text;--> statement-breakpoint
ALTER TABLE "sheets" ADD COLUMN "entry_deadline" text;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_kpi_year_id_kpi_years_id_fk" FOREIGN KEY ("kpi_year_id") REFERENCES "public"."kpi_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_kpi_year_idx" ON "corrections" USING btree ("kpi_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_targets_kpi_year_uq" ON "kpi_targets" USING btree ("kpi_id","fiscal_year");