/** Department entry (last year beside this year, comments on the card), withdrawal, bulk review. */
import { z } from "zod";
import { yearSchema } from "./common.ts";
import { commentSchema, rowSchema } from "./kpis.ts";
import { categorySchema, statedEvaluationSchema, valueSchema } from "./sheet.ts";

/** The same KPI's previous stored year: actual, evaluation and narrative. */
export const previousYearSchema = z.object({
  fiscalYear: z.number().int(),
  actual: valueSchema,
  evaluation: statedEvaluationSchema,
  computed: categorySchema,
  status: z.string().nullable(),
  reason: z.string().nullable(),
  challenge: z.string().nullable(),
  nextSteps: z.string().nullable(),
});

export const entryRowSchema = rowSchema.extend({
  previous: previousYearSchema.nullable(),
  /** Committee and planning comments and the department's replies, oldest first. */
  comments: z.array(commentSchema),
});

export const entryListSchema = z.object({
  year: yearSchema.nullable(),
  /** The entry deadline of the open year (YYYY-MM-DD), when planning set one. */
  entryDeadline: z.string().nullable(),
  rows: z.array(entryRowSchema),
  /**
   * Rows of earlier years reopened for a correction (訂正) and not yet republished, this user's to
   * edit or already submitted: the department sees them whichever year is open.
   */
  reopened: z.array(entryRowSchema),
});

export const withdrawRequestSchema = z.object({ version: z.number().int() });

export const bulkTransitionRequestSchema = z.object({
  action: z.enum(["approve", "return"]),
  /** Needed for `return` (the same comment on every row). */
  comment: z.string().max(4000).optional(),
  items: z
    .array(z.object({ id: z.string().regex(/^\d{4}-\d+$/), version: z.number().int() }))
    .min(1, "KPIを1件以上選んでください")
    .max(1000),
});

/** One result per item, in order: the row in its new state, or why it was not moved. */
export const bulkTransitionResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      row: rowSchema.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});

export type PreviousYear = z.infer<typeof previousYearSchema>;
export type EntryRow = z.infer<typeof entryRowSchema>;
export type EntryList = z.infer<typeof entryListSchema>;
export type BulkTransitionResult = z.infer<typeof bulkTransitionResultSchema>;
