/** Years, the dashboard, KPI-year rows, data entry, review, comments, imports. */
import { z } from "zod";
import {
  auditSchema,
  fiscalYearSchema,
  reviewActionSchema,
  reviewStateSchema,
  roleSchema,
  yearSchema,
} from "./common.ts";
import { importEffectSchema, mappingSchema } from "./imports.ts";
import {
  categorySchema,
  evaluationScaleSchema,
  kpiSchema,
  notEvaluableReasonSchema,
  numericGoalSchema,
  statedEvaluationSchema,
  valueSchema,
} from "./sheet.ts";

export const yearListSchema = z.object({ years: z.array(yearSchema) });
export const yearResultSchema = z.object({ year: yearSchema });

/** A correction (訂正) of a published KPI-year, as the row and the history carry it. */
export const correctionNoteSchema = z.object({
  reason: z.string(),
  openedAt: z.string(),
  /** Null while the correction is open; then the day the corrected value became public. */
  republishedAt: z.string().nullable(),
  /** The actual published before the correction (the history keeps it). */
  previousActual: valueSchema,
});

/** One KPI of one fiscal year as the API shows it; `id` is `<fiscal year>-<row>`. */
export const rowSchema = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  row: z.number().int(),
  department: z.string(),
  state: reviewStateSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  /** The category the evaluation rules compute from the values. */
  computed: categorySchema,
  /** The stated evaluation differs from the computed one. */
  disagreement: z.boolean(),
  kpi: kpiSchema,
  /** Corrections (訂正) of a published value, oldest first; republishedAt dates the public note. */
  corrections: z.array(correctionNoteSchema).optional(),
  /** Plausibility warnings of the row as stored (core/entry), where the list computes them. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
export const rowResultSchema = z.object({ row: rowSchema });
/** A year's rows (sheet, entry, review); `year` null when there is no such year. */
export const yearRowsSchema = z.object({ year: yearSchema.nullable(), rows: z.array(rowSchema) });
/**
 * The sheet of a year: its rows, and what the imported sheet printed apart from the KPIs — the
 * 数値目標 per 基本目標 (empty when none) and the city's evaluation scale (null when none).
 */
export const yearSheetSchema = yearRowsSchema.extend({
  numericGoals: z.array(numericGoalSchema),
  scale: evaluationScaleSchema.nullable(),
});

export const kpiListQuerySchema = z.object({
  goal: z.coerce.number().int().optional(),
  department: z.string().max(100).optional(),
  evaluation: categorySchema.optional(),
  disagreement: z.enum(["1", "true", "0", "false"]).optional(),
  /** Words separated by spaces; each must occur. */
  q: z.string().max(200).optional(),
});

export const commentSchema = z.object({
  id: z.string(),
  author: z.string(),
  role: roleSchema.nullable(),
  body: z.string(),
  kind: z.enum(["comment", "return"]),
  /** The comment this one answers (a department's reply), else null. */
  parentId: z.string().nullable(),
  createdAt: z.string(),
});
export const commentListSchema = z.object({ comments: z.array(commentSchema) });
export const commentResultSchema = z.object({ comment: commentSchema });
export const commentRequestSchema = z.object({
  body: z.string().trim().min(1, "コメントを入力してください").max(4000),
  /** Answer this comment (a reply). */
  parentId: z.string().max(100).optional(),
});

export const historyEntrySchema = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  state: reviewStateSchema,
  target: valueSchema,
  actual: valueSchema,
  finalTarget: valueSchema,
  evaluation: statedEvaluationSchema,
  computed: categorySchema,
  /** That year's corrections (訂正), oldest first, when it has any. */
  corrections: z.array(correctionNoteSchema).optional(),
});
/** An earlier year a stored sheet printed in its year columns, never imported as a year of its own. */
export const printedYearSchema = z.object({
  /** The column's year (Gregorian); each value carries its own period. */
  year: z.number().int(),
  target: valueSchema,
  actual: valueSchema,
  /** The fiscal year of the sheet that printed it. */
  printedIn: z.number().int(),
});
export const kpiDetailSchema = z.object({
  row: rowSchema,
  history: z.array(historyEntrySchema),
  /** Earlier years' figures printed by the sheets of `history` (core/printed-years.ts), oldest first. */
  printedYears: z.array(printedYearSchema),
  comments: z.array(commentSchema),
  audit: z.array(auditSchema),
});

const textField = z.string().max(4000).nullable();
export const updateKpiRequestSchema = z.object({
  version: z.number().int(),
  /** The actual value as typed (「1万8225人」); empty → missing. */
  actualText: z.string().max(200).optional(),
  reason: textField.optional(),
  challenge: textField.optional(),
  nextSteps: textField.optional(),
  status: textField.optional(),
  /** `label` is the Japanese label of the category as the sheet prints it (CATEGORY_LABELS_JA). */
  evaluation: z
    .object({
      category: categorySchema,
      covid: z.boolean(),
      label: z.string().max(50).optional(),
      /** Needed with not_evaluable before submitting; その他 with `notEvaluableText`. */
      notEvaluableReason: notEvaluableReasonSchema.optional(),
      notEvaluableText: z.string().max(4000).nullable().optional(),
    })
    .optional(),
});

export const transitionRequestSchema = z.object({
  action: reviewActionSchema,
  version: z.number().int(),
  /** Needed for `return`. */
  comment: z.string().max(4000).optional(),
  /** `submit`: the department has looked at the plausibility warnings and confirms the values. */
  confirmWarnings: z.boolean().optional(),
});

export const parseValueRequestSchema = z.object({
  text: z.string().max(200),
  year: z.number().int(),
  basis: z.enum(["fiscal", "calendar"]).default("fiscal"),
});
export const parseValueResultSchema = z.union([
  z.object({ ok: z.literal(true), value: valueSchema }),
  z.object({
    ok: z.literal(false),
    problem: z.object({ code: z.string(), message: z.string() }).loose(),
  }),
]);

const countsSchema = z.record(categorySchema, z.number().int());
export const dashboardSchema = z.object({
  fiscalYear: z.number().int(),
  municipality: z.string().nullable(),
  published: z.boolean(),
  open: z.boolean(),
  total: z.number().int(),
  goals: z.array(
    z.object({
      no: z.number().int(),
      title: z.string(),
      total: z.number().int(),
      stated: countsSchema,
      computed: countsSchema,
    }),
  ),
  behindSchedule: z.array(
    z.object({
      id: z.string(),
      indicator: z.string(),
      goal: z.number().int(),
      departments: z.array(z.string()),
    }),
  ),
  disagreements: z.array(
    z.object({ id: z.string(), indicator: z.string(), stated: categorySchema, computed: categorySchema }),
  ),
  /** Per department and review state, in the open year (logged-in users only). */
  entryProgress: z.array(
    z.object({
      department: z.string(),
      total: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      approved: z.number().int(),
      published: z.number().int(),
    }),
  ),
});

const importProblemSchema = z.object({
  row: z.number().int().nullable().optional(),
  column: z.string().nullable().optional(),
  message: z.string(),
});
export const importReportSchema = z.object({
  problems: z.array(importProblemSchema),
  warnings: z.array(importProblemSchema),
});
export const importPreviewSchema = z.object({
  /** Confirms this preview within 30 minutes (POST /api/imports/{token}/confirm). */
  token: z.string(),
  fileName: z.string(),
  fiscalYear: fiscalYearSchema,
  municipality: z.string().nullable(),
  kpiCount: z.number().int(),
  /** 数値目標 the sheet printed per 基本目標, read apart from the KPIs (0 when none). */
  numericGoalCount: z.number().int(),
  /** The stored year this import would replace, if any. */
  replaces: yearSchema.nullable(),
  report: importReportSchema,
  /** What the reader recognised, to check and correct before saving. */
  mapping: mappingSchema,
  /** Which year, and how many rows saving replaces, adds and drops. */
  effect: importEffectSchema,
});

const directionSchema = z.enum(["increase", "decrease", "maintain"]);
const baselineSchema = z.object({ value: z.number(), year: z.number().int().nullable() });
/** The evaluation rules the server computes with (core/evaluation Rules), for the browser to use as they are. */
export const evaluationRulesSchema = z.object({
  rules: z.object({
    name: z.string().nullable(),
    formula: z.enum(["ratio", "progress_from_baseline", "prorated"]),
    bands: z.array(
      z.object({
        min: z.number().nullable(),
        category: z.enum(["on_track", "mostly_on_track", "delayed"]),
        label: z.string(),
      }),
    ),
    notEvaluable: z.object({ label: z.string() }),
    directions: z.object({
      byRow: z.record(z.string(), directionSchema),
      byIndicator: z.record(z.string(), directionSchema),
    }),
    baselines: z.object({
      byRow: z.record(z.string(), baselineSchema),
      byIndicator: z.record(z.string(), baselineSchema),
    }),
  }),
});
