/**
 * The municipality, and what is kept per municipality: the import mapping profiles confirmed for it
 * (what each column of its sheet means, its scale, header rows, evaluated year), one per layout it
 * imports (keyed by the layout's fingerprint: a city may import a KPI table and project cards), so
 * that next year's file of each layout reads the same way.
 * Kept apart from schema.ts (which re-exports both) to keep that file readable.
 */
import { jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const municipalities = pgTable("municipalities", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
});

export const importProfiles = pgTable(
  "import_profiles",
  {
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** The profile as the importer writes it (src/sheet ImportProfile); opaque to the store. */
    profile: jsonb("profile").$type<Record<string, unknown>>().notNull(),
    /** The layout it belongs to: the column headers without their years (server/import-mapping.ts). */
    fingerprint: text("fingerprint").notNull(),
    /** The file it was confirmed on. */
    source: text("source"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.fingerprint] })],
);
