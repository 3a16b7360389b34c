/** Department workbooks: the upload preview (what changes per KPI) and the confirmed save. */
import { z } from "zod";
import { fiscalYearSchema, reviewStateSchema } from "./common.ts";

export const workbookRowStatusSchema = z.enum(["change", "unchanged", "conflict", "locked", "invalid"]);

export const workbookFieldChangeSchema = z.object({
  field: z.enum(["actual", "evaluation", "reason", "status", "challenge", "nextSteps"]),
  before: z.string(),
  after: z.string(),
});

const checkSchema = z.object({ code: z.string(), message: z.string() });

export const workbookRowPlanSchema = z.object({
  /** `<fiscal year>-<row>`, the web's KPI id; null when the row's KPI is not in the year. */
  id: z.string().nullable(),
  /** The worksheet row of the uploaded file. */
  line: z.number().int(),
  indicator: z.string(),
  state: reviewStateSchema.nullable(),
  status: workbookRowStatusSchema,
  changes: z.array(workbookFieldChangeSchema),
  /** Why the row is not saved (invalid cell, locked, edited on the web since). */
  refusals: z.array(z.string()),
  /** The entry form's checks: to settle before submitting (a draft is saved anyway). */
  problems: z.array(checkSchema),
  warnings: z.array(checkSchema),
});

export const workbookPreviewSchema = z.object({
  /** Confirms this preview within 30 minutes (POST /api/workbooks/uploads/{token}/confirm). */
  token: z.string(),
  fileName: z.string(),
  fiscalYear: fiscalYearSchema,
  department: z.string(),
  /** When the workbook was made (ISO). */
  createdAt: z.string(),
  rows: z.array(workbookRowPlanSchema),
  counts: z.record(workbookRowStatusSchema, z.number().int()),
});

export const workbookSavedSchema = z.object({
  fiscalYear: fiscalYearSchema,
  department: z.string(),
  /** The KPIs saved as drafts (web ids). */
  saved: z.array(z.string()),
  counts: z.record(workbookRowStatusSchema, z.number().int()),
});

export const workbookDepartmentsSchema = z.object({
  fiscalYear: fiscalYearSchema.nullable(),
  departments: z.array(z.object({ name: z.string(), kpis: z.number().int() })),
});
