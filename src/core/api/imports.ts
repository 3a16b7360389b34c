/**
 * The web import's preview: what the reader recognised (the mapping profile: each source column with
 * the field it was read as and how sure, the scale read from the legend, header rows, evaluated year)
 * and what saving would do to the stored year (replaced / added / dropped rows).
 */
import { z } from "zod";
import { evaluationScaleSchema } from "./sheet.ts";

export const confidenceSchema = z.enum(["certain", "high", "medium", "low"]);

export const mappingColumnSchema = z.object({
  /** Which table of the sheet (1-based): a sheet may print several (数値目標 and KPIs). */
  table: z.number().int().min(1),
  /** 1-based column. */
  col: z.number().int().min(1),
  header: z.string(),
  /** The reader's field name (`indicator`, `baseline`, `extra`, …; see `fields`). */
  field: z.string(),
  /** The year printed in the header (令和5年度実績値 → 2023). */
  year: z.number().int().nullable(),
  /** certain: confirmed by a profile; high: the header names it; medium: read with a warning; low: not recognised. */
  confidence: confidenceSchema,
});

export const mappingSchema = z.object({
  /** seed: the 14-column sheet; table: one indicator per row; cards; yearTables: one table per year; json. */
  layout: z.enum(["seed", "table", "cards", "yearTables", "json"]),
  /** The evaluated year the reader settled on. */
  fiscalYear: z.number().int().nullable(),
  /** Source rows (1-based) read as column names. */
  headerRows: z.array(z.number().int()),
  columns: z.array(mappingColumnSchema),
  /** The scale read from the legend printed with the sheet (or saved for the municipality). */
  scale: evaluationScaleSchema.nullable(),
  /** The scale was saved with an earlier import: the file prints no legend of its own. */
  scaleSaved: z.boolean().optional(),
  /**
   * The municipality's saved profile: `applied` (same layout: read with it), `other_layout` (saved
   * for a different layout: not used), `none`; `corrected` when this preview applies the user's corrections.
   */
  savedProfile: z.enum(["applied", "other_layout", "none", "corrected"]),
  /** Whether columns can be corrected (a table read by the general reader). */
  correctable: z.boolean(),
  /**
   * A workbook keeping a worksheet per fiscal year: each sheet and its year (the one read is
   * `fiscalYear`); another is read by posting its year to the mapping route.
   */
  yearSheets: z.array(z.object({ sheet: z.string(), fiscalYear: z.number().int() })).optional(),
  /** The fields a column can be read as, with their Japanese names (the select's options). */
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
});

/** What confirming the import would do to the stored year (computed by saving and rolling back). */
export const importEffectSchema = z.object({
  /** The municipality the import is saved into: the server's. */
  municipality: z.string(),
  fiscalYear: z.number().int(),
  exists: z.boolean(),
  /** The year is published: the import is refused; correct (訂正) the published values instead. */
  published: z.boolean(),
  replaced: z.number().int(),
  added: z.number().int(),
  dropped: z.number().int(),
  /** Rows past draft (submitted, approved) whose entries the import overwrites. */
  inReview: z.number().int(),
  message: z.string(),
});

export const remapImportRequestSchema = z.object({
  columns: z
    .array(
      z.object({
        table: z.number().int().min(1).max(100).optional(),
        col: z.number().int().min(1).max(1000),
        field: z.string().min(1).max(40),
      }),
    )
    .max(2000),
  /** Read another fiscal year's worksheet (one of the preview's `mapping.yearSheets`). */
  fiscalYear: z.number().int().min(1900).max(2200).optional(),
});

/**
 * A mapping saved for the municipality (GET /api/import-profile), one per layout it imports: what next
 * year's import of that layout reuses — each column's field and the scale (the marks' meanings) — with
 * the file it was confirmed on, when and by whom. Planning can forget it (DELETE): the next import of
 * that layout is read as recognised.
 */
export const savedImportProfileSchema = z.object({
  municipality: z.string(),
  /** The layout it is for (its column headers without their years); DELETE ?fingerprint= forgets this one. */
  fingerprint: z.string(),
  /** The file it was confirmed on. */
  source: z.string().nullable(),
  updatedAt: z.string(),
  /** Who confirmed it (a user's name; `cli:<os user>` for `sosei import --save`). */
  updatedBy: z.string(),
  layout: z.enum(["seed", "table", "cards", "yearTables"]).nullable(),
  columns: z.array(mappingColumnSchema.omit({ confidence: true })),
  scale: evaluationScaleSchema.nullable(),
  /** The fields' Japanese names (as the preview's `mapping.fields`). */
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
});

export const importProfileResultSchema = z.object({
  /** The most recently confirmed of `profiles` (null when none is saved). */
  profile: savedImportProfileSchema.nullable(),
  /** Every saved mapping, one per layout, the most recently confirmed first. */
  profiles: z.array(savedImportProfileSchema),
});
export const forgetImportProfileQuerySchema = z.object({
  /** The layout whose mapping to forget (a saved mapping's `fingerprint`); without it, every one. */
  fingerprint: z.string().min(1).max(4000).optional(),
});
export const forgetImportProfileResultSchema = z.object({
  forgotten: z.boolean(),
  /** How many saved mappings were forgotten. */
  count: z.number().int(),
});
