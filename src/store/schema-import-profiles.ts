/**
 * The import mapping profile confirmed for a municipality (what each column of its sheet means,
 * its evaluation scale, header rows, evaluated year) and the fingerprint of the layout it was
 * confirmed on, so that next year's import of the same layout reads it the same way.
 * Kept apart from schema.ts (which re-exports it) to keep that file readable.
 */
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
// A cycle with schema.ts, safe because the reference below is only followed lazily.
import { municipalities } from "./schema.ts";

export const importProfiles = pgTable("import_profiles", {
  municipalityId: text("municipality_id")
    .primaryKey()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  /** The profile as the importer writes it (src/sheet ImportProfile); opaque to the store. */
  profile: jsonb("profile").$type<Record<string, unknown>>().notNull(),
  /** The layout it belongs to: the column headers without their years (import-profile-fingerprint). */
  fingerprint: text("fingerprint").notNull(),
  /** The file it was confirmed on. */
  source: text("source"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  updatedBy: text("updated_by").notNull(),
});
