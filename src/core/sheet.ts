/**
 * The sheet/1 interchange format (../shared/spec/sheet-v1.schema.json) as TypeScript types.
 * Field names are a public contract: add fields, never rename.
 */
import type { Period } from "./period.ts";

export type Category = "on_track" | "mostly_on_track" | "delayed" | "not_evaluable";

export interface Ordinal {
  no: number;
  title: string;
}

export interface NumberValue {
  kind: "number";
  value: number;
  unit: string | null;
  period: Period;
  raw?: string;
  /** Qualifiers printed beside the number (以上, 以下, 超, 未満, 約, 延べ, 累計). Sosei extension. */
  qualifiers?: string[];
}

export interface Segment {
  label: string;
  value: number;
  unit: string | null;
}

export interface SegmentedValue {
  kind: "segmented";
  segments: Segment[];
  period: Period;
  raw?: string;
}

export interface TextValue {
  kind: "text";
  text: string;
  raw?: string;
}

export interface MissingValue {
  kind: "missing";
  raw?: string;
}

export type Value = NumberValue | SegmentedValue | TextValue | MissingValue;

export interface StatedEvaluation {
  category: Category;
  covid: boolean;
  label?: string;
}

export interface Kpi {
  row: number;
  goal: Ordinal;
  subgoal: Ordinal;
  measure: Ordinal;
  initiatives: string[];
  status: string | null;
  indicator: string;
  target: Value;
  actual: Value;
  finalTarget: Value;
  evaluation: StatedEvaluation;
  reason: string | null;
  challenge: string | null;
  nextSteps: string | null;
  departments: string[];
}

/**
 * The 14 columns of an evaluation sheet in printed order, as sheet/1 KPI fields (大基本目標 …
 * 担当課). sheet/1 writes a KPI's fields in this order, after `row`.
 */
export const SHEET_COLUMNS = [
  "goal",
  "subgoal",
  "measure",
  "initiatives",
  "status",
  "indicator",
  "target",
  "actual",
  "finalTarget",
  "evaluation",
  "reason",
  "challenge",
  "nextSteps",
  "departments",
] as const satisfies readonly (keyof Kpi)[];

export interface Sheet {
  format: "sheet/1";
  municipality?: string | null;
  fiscalYear: number;
  source?: string | null;
  kpis: Kpi[];
}

export const CATEGORY_LABELS_JA: Record<Category, string> = {
  on_track: "順調に進捗",
  mostly_on_track: "概ね順調に進捗",
  delayed: "進捗の遅れ",
  not_evaluable: "評価不可",
};
