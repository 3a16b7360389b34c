-- One saved import mapping per layout a municipality imports (a KPI table and project cards), not one per municipality.
-- Fingerprints saved while a reading still listed nameless columns (「|1:12=」) are brought to today's form first, so that the key is the layout.
UPDATE "import_profiles" SET "fingerprint" = regexp_replace("fingerprint", '\|[0-9]+:[0-9]+=(?=\||$)', '', 'g');--> statement-breakpoint
ALTER TABLE "import_profiles" DROP CONSTRAINT "import_profiles_pkey";--> statement-breakpoint
ALTER TABLE "import_profiles" ADD CONSTRAINT "import_profiles_municipality_id_fingerprint_pk" PRIMARY KEY("municipality_id","fingerprint");
