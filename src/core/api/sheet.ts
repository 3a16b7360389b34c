/**
 * sheet/1 as zod: the KPI inside API payloads, and the one check of a sheet/1 document wherever one
 * comes in (JSON imports, the importer's own output, demo fixtures). The public JSON schema
 * (sheet-v1.schema.json here, a byte-identical copy of ../shared/spec's) is the contract; sheet.test.ts
 * holds this zod schema to it. Types stay those of ../sheet.ts.
 */
import { z } from "zod";
import type { Sheet } from "../sheet.ts";

export const periodSchema = z.object({ year: z.number().int(), basis: z.enum(["fiscal", "calendar"]) });
const ordinal = z.object({ no: z.number().int(), title: z.string() });
export const valueSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("number"),
    value: z.number(),
    unit: z.string().nullable(),
    period: periodSchema,
    raw: z.string().optional(),
    qualifiers: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal("segmented"),
    segments: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string().nullable() })),
    period: periodSchema,
    raw: z.string().optional(),
  }),
  z.object({ kind: z.literal("text"), text: z.string(), raw: z.string().optional() }),
  z.object({ kind: z.literal("missing"), raw: z.string().optional() }),
]);
export const categorySchema = z.enum(["on_track", "mostly_on_track", "delayed", "not_evaluable"]);
export const notEvaluableReasonSchema = z.enum([
  "statistics_pending",
  "statistics_discontinued",
  "project_ended",
  "other",
]);
export const statedEvaluationSchema = z.object({
  category: categorySchema,
  covid: z.boolean(),
  label: z.string().optional(),
  printed: z.boolean().optional(),
  notEvaluableReason: notEvaluableReasonSchema.optional(),
  notEvaluableText: z.string().max(4000).nullable().optional(),
});
const yearValuesSchema = z.object({ year: z.number().int(), target: valueSchema, actual: valueSchema });
export const kpiSchema = z.object({
  row: z.number().int(),
  goal: ordinal,
  subgoal: ordinal,
  measure: ordinal,
  initiatives: z.array(z.string()),
  status: z.string().nullable(),
  indicator: z.string(),
  target: valueSchema,
  actual: valueSchema,
  finalTarget: valueSchema,
  evaluation: statedEvaluationSchema,
  reason: z.string().nullable(),
  challenge: z.string().nullable(),
  nextSteps: z.string().nullable(),
  departments: z.array(z.string()),
  // sheet/1 extensions (other cities' layouts): kept in the API so the web can show them.
  baseline: valueSchema.optional(),
  unit: z.string().nullable().optional(),
  years: z.array(yearValuesSchema).optional(),
  printedRate: z.number().nullable().optional(),
  direction: z
    .object({ direction: z.enum(["increase", "decrease", "maintain"]), label: z.string() })
    .nullable()
    .optional(),
  comments: z.string().nullable().optional(),
  extras: z.array(z.object({ header: z.string(), text: z.string() })).optional(),
});
/** A 数値目標 of a 基本目標 (sheet/1 `numericGoals[]`), kept apart from the KPIs. */
export const numericGoalSchema = z.object({
  goal: ordinal,
  indicator: z.string(),
  baseline: valueSchema.optional(),
  target: valueSchema,
  actual: valueSchema,
  finalTarget: valueSchema,
  unit: z.string().nullable().optional(),
  years: z.array(yearValuesSchema).optional(),
  evaluation: statedEvaluationSchema.optional(),
  extras: z.array(z.object({ header: z.string(), text: z.string() })).optional(),
});
/** The city's evaluation scale (sheet/1 `scale`): the legend's labels, categories and thresholds. */
export const evaluationScaleSchema = z.object({
  bands: z.array(
    z.object({
      label: z.string(),
      category: categorySchema,
      min: z.number().nullable(),
      meaning: z.string(),
    }),
  ),
  basis: z.enum(["ratio", "progress_from_baseline"]),
  source: z.string(),
});
export const sheetSchema = z.object({
  format: z.literal("sheet/1"),
  municipality: z.string().nullable().optional(),
  fiscalYear: z.number().int(),
  source: z.string().nullable().optional(),
  kpis: z.array(kpiSchema),
});

/**
 * Checks a parsed JSON value is a sheet/1 document; the problems name the path ("kpis.3.target").
 * The sheet given back is the value itself, not zod's copy: fields added to sheet/1 after this
 * version ("add, never rename") are kept, and the store keeps them too.
 */
export function checkSheet(
  json: unknown,
): { ok: true; sheet: Sheet } | { ok: false; problems: { path: string; message: string }[] } {
  const r = sheetSchema.safeParse(json);
  if (r.success) return { ok: true, sheet: json as Sheet };
  return {
    ok: false,
    problems: r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })),
  };
}

/** A failed check as one line: "kpis.0.evaluation.category: Invalid option …; …" (the first `max`). */
export const sheetProblemsText = (problems: { path: string; message: string }[], max = 3): string =>
  problems
    .slice(0, max)
    .map((p) => `${p.path || "(root)"}: ${p.message}`)
    .join("; ");
