CREATE TABLE "import_profiles" (
	"municipality_id" text PRIMARY KEY NOT NULL,
	"profile" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_profiles" ADD CONSTRAINT "import_profiles_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;