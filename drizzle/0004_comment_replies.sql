ALTER TABLE "comments" ADD COLUMN "parent_id" text;
