/**
 * Editing the strategy (issue 13): the goal tree and its KPIs, targets per fiscal year, the
 * department list, revising the plan; and publication with confirmation and correction (訂正).
 * Values are sent as typed (「1,200人」) with the period they belong to; the server reads them with
 * the one parseValue, so the web's preview and the stored value never differ.
 */
import { z } from "zod";
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, fiscalYearSchema, reviewStateSchema } from "./common.ts";
import { valueSchema } from "./sheet.ts";

export const directionSchema = z.enum(["increase", "decrease", "maintain"]);
export const treeLevelSchema = z.enum(["goal", "subgoal", "measure"]);

/** A value as typed, with the period it belongs to (令和6年度 = { year: 2024, basis: "fiscal" }). */
export const valueInputSchema = z.object({
  text: z.string().max(200),
  year: fiscalYearSchema,
  basis: z.enum(["fiscal", "calendar"]).default("fiscal"),
});

const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  previousPlanId: z.string().nullable(),
});

export const strategyKpiSchema = z.object({
  id: z.string(),
  indicator: z.string(),
  unit: z.string().nullable(),
  direction: directionSchema.nullable(),
  baseline: valueSchema.nullable(),
  finalTarget: valueSchema,
  departments: z.array(z.string()),
  initiatives: z.array(z.string()),
  retiredFrom: z.number().int().nullable(),
  /** The KPI of the previous plan this one continues. */
  previousKpiId: z.string().nullable(),
  /** The plan's target per fiscal year (kpi_targets; an opened year's own target where none is set). */
  targets: z.array(z.object({ fiscalYear: z.number().int(), target: valueSchema })),
  /** The years opened for this KPI, with their review state (a target is locked once submitted). */
  years: z.array(z.object({ fiscalYear: z.number().int(), state: reviewStateSchema })),
});

const nodeSchema = z.object({ id: z.string(), no: z.number().int(), title: z.string() });
export const strategySchema = z.object({
  plans: z.array(planSchema),
  /** The plan shown; null when nothing is stored yet. */
  plan: planSchema.nullable(),
  /** The year the definitions and titles are shown as of. */
  fiscalYear: z.number().int().nullable(),
  /** Stored years of the plan. */
  years: z.array(z.number().int()),
  goals: z.array(
    nodeSchema.extend({
      subgoals: z.array(
        nodeSchema.extend({ measures: z.array(nodeSchema.extend({ kpis: z.array(strategyKpiSchema) })) }),
      ),
    }),
  ),
  departments: z.array(z.object({ id: z.string(), name: z.string(), position: z.number().int() })),
});

export const strategyQuerySchema = z.object({
  year: z.coerce.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX).optional(),
  plan: z.string().max(100).optional(),
});

export const createNodeRequestSchema = z.object({
  planId: z.string().min(1),
  level: treeLevelSchema,
  parentId: z.string().nullable().optional(),
  no: z.number().int().min(1, "番号は1以上です").max(999, "番号は999までです"),
  title: z.string().max(500),
  fiscalYear: fiscalYearSchema,
});
export const updateNodeRequestSchema = z.object({
  level: treeLevelSchema,
  title: z.string().max(500),
  /** The title holds from this year on; earlier years keep the one they printed. */
  fiscalYear: fiscalYearSchema,
});
export const idResultSchema = z.object({ id: z.string() });

const kpiFields = {
  measureId: z.string().min(1),
  indicator: z.string().max(500),
  unit: z.string().max(50).nullable(),
  direction: directionSchema.nullable(),
  /** null or empty text: no baseline. */
  baseline: valueInputSchema.nullable(),
  finalTarget: valueInputSchema,
  departments: z.array(z.string().max(100)).max(20),
  initiatives: z.array(z.string().max(500)).max(50),
};
export const createKpiRequestSchema = z.object({
  planId: z.string().min(1),
  fromYear: fiscalYearSchema,
  ...kpiFields,
  unit: kpiFields.unit.optional(),
  direction: kpiFields.direction.optional(),
  baseline: kpiFields.baseline.optional(),
  initiatives: kpiFields.initiatives.optional(),
});
export const updateKpiDefinitionRequestSchema = z
  .object({ fromYear: fiscalYearSchema })
  .extend(z.object(kpiFields).partial().shape);
export const retireKpiRequestSchema = z.object({ fromYear: fiscalYearSchema.nullable() });
export const setKpiTargetsRequestSchema = z.object({
  /** Empty text clears the year's target. */
  targets: z
    .array(z.object({ fiscalYear: fiscalYearSchema, text: z.string().max(200) }))
    .min(1)
    .max(30),
});
export const kpiIdResultSchema = z.object({ kpiId: z.string() });

export const updateDepartmentRequestSchema = z.object({
  name: z.string().max(100).optional(),
  position: z.number().int().min(0).max(100000).optional(),
});

export const revisePlanRequestSchema = z.object({
  name: z.string().max(200),
  startYear: fiscalYearSchema,
  endYear: fiscalYearSchema,
  /** KPIs of the previous plan not carried over. */
  retire: z.array(z.string()).max(1000).optional(),
});
export const revisePlanResultSchema = z.object({
  planId: z.string(),
  carried: z.number().int(),
  retired: z.number().int(),
});

export const entryDeadlineRequestSchema = z.object({
  entryDeadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "入力期限は 2024-06-30 の形で入力してください")
    .nullable(),
});
export const entryDeadlineResultSchema = z.object({
  fiscalYear: z.number().int(),
  entryDeadline: z.string().nullable(),
});

/** What publishing a year makes public, for the confirmation. */
export const publishPreviewSchema = z.object({
  fiscalYear: z.number().int(),
  total: z.number().int(),
  /** Rows that become public (approved now, or published already). */
  publishable: z.number().int(),
  departments: z.array(z.object({ department: z.string(), count: z.number().int() })),
  notApproved: z.array(
    z.object({ id: z.string(), row: z.number().int(), indicator: z.string(), state: reviewStateSchema }),
  ),
  /** Corrections that publishing dates (訂正). */
  corrections: z.array(z.object({ id: z.string(), indicator: z.string(), reason: z.string() })),
  canPublish: z.boolean(),
});

export const openCorrectionRequestSchema = z.object({
  version: z.number().int(),
  reason: z.string().max(2000),
});

export type Strategy = z.infer<typeof strategySchema>;
export type StrategyKpi = z.infer<typeof strategyKpiSchema>;
export type ValueInput = z.input<typeof valueInputSchema>;
export type CreateKpiRequest = z.input<typeof createKpiRequestSchema>;
export type UpdateKpiDefinitionRequest = z.input<typeof updateKpiDefinitionRequestSchema>;
export type PublishPreview = z.infer<typeof publishPreviewSchema>;
export type Direction = z.infer<typeof directionSchema>;
