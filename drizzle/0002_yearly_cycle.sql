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
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_targets_kpi_year_uq" ON "kpi_targets" USING btree ("kpi_id","fiscal_year");