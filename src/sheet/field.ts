/** The fields a column of a sheet can carry (the reader's vocabulary, also a profile's). */
import { type Kpi, SHEET_COLUMN_NAMES_JA, type Value } from "../core/sheet.ts";

export type Field =
  | "no"
  | "goal"
  | "subgoal"
  | "measure"
  | "initiatives"
  | "status"
  | "indicator"
  | "unit"
  | "baseline"
  | "target"
  | "actual"
  | "finalTarget"
  | "rate"
  | "evaluation"
  | "direction"
  | "reason"
  | "challenge"
  | "nextSteps"
  | "departments"
  | "comments"
  | "year"
  | "extra";

/** The plan's levels above a KPI (基本目標, 小基本目標, 施策), broadest first: the fields a level column is read as. */
export const LEVELS = ["goal", "subgoal", "measure"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_FIELDS: ReadonlySet<string> = new Set<Field>(LEVELS);

/**
 * Field names as the import report prints them: the sheet's column name where a field is one of the
 * 14 columns under the same name, else a short name for any city's column (基本目標, 施策, 評価 …).
 */
export const FIELD_JA: Record<Field, string> = {
  no: "番号",
  goal: "基本目標",
  subgoal: SHEET_COLUMN_NAMES_JA.subgoal,
  measure: "施策",
  initiatives: SHEET_COLUMN_NAMES_JA.initiatives,
  status: "実施状況",
  indicator: SHEET_COLUMN_NAMES_JA.indicator,
  unit: "単位",
  baseline: "基準値",
  target: SHEET_COLUMN_NAMES_JA.target,
  actual: SHEET_COLUMN_NAMES_JA.actual,
  finalTarget: "最終目標値",
  rate: "達成率",
  evaluation: "評価",
  direction: "方向性",
  reason: "理由",
  challenge: SHEET_COLUMN_NAMES_JA.challenge,
  nextSteps: "今後の方策",
  departments: SHEET_COLUMN_NAMES_JA.departments,
  comments: "委員会意見",
  year: "年度(実績/目標の別なし)",
  extra: "その他(そのまま保持)",
};

/** Every field with its Japanese name: the choices a column can be read as (the import preview, the saved settings). */
export const FIELD_CHOICES = Object.entries(FIELD_JA).map(([field, label]) => ({ field, label }));

/** A KPI's four figures under the names the report prints, for the checks that look at each in turn. */
export const valuesJa = (k: Kpi): [string, Value | undefined][] => [
  ["基準値", k.baseline],
  ["目標値", k.target],
  ["実績値", k.actual],
  ["最終目標値", k.finalTarget],
];
