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
  /** Qualifiers printed with this segment's number (以上, 以下, …). Sosei extension. */
  qualifiers?: string[];
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
  /**
   * false: the sheet prints no evaluation for this KPI (its layout has no evaluation column); the
   * category is then a placeholder (not_evaluable) that readers must not show as 評価不可.
   * Absent or true: the evaluation was printed. Sosei extension (additive).
   */
  printed?: boolean;
  /**
   * Why the KPI cannot be evaluated this year, when the category is not_evaluable: chosen from a
   * list at entry (core/entry/check-entry.ts); その他 with `notEvaluableText`. Sosei extension.
   */
  notEvaluableReason?: "statistics_pending" | "statistics_discontinued" | "project_ended" | "other";
  notEvaluableText?: string | null;
}

/** One earlier (or the evaluated) year's target and actual, from a layout that prints years side by side. */
export interface YearValues {
  /** Gregorian fiscal (or calendar) year of the column. */
  year: number;
  target: Value;
  actual: Value;
}

/** The printed direction (方向性 / 目指す方向): which way is better. */
export interface PrintedDirection {
  direction: "increase" | "decrease" | "maintain";
  label: string;
}

/** A column the reader did not map to a field, kept by its header text. */
export interface ExtraField {
  header: string;
  text: string;
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
  // Sosei extensions, all optional (sheet/1 is additive): what other cities' layouts print.
  /** 基準値 / 現状値 / 策定時 / 従前値, with its own period. */
  baseline?: Value;
  /** The unit printed outside the values (a 単位 column, `(千円)` in a header). */
  unit?: string | null;
  /** Every year the sheet prints side by side (earlier actuals and per-year targets), oldest first. */
  years?: YearValues[];
  /** The achievement rate the sheet prints (達成率 / 進捗率), as a ratio (85% = 0.85). */
  printedRate?: number | null;
  /** The printed direction (方向性: 増加 / 減少 / 維持). */
  direction?: PrintedDirection | null;
  /** Committee comments (委員会意見, 推進会議での意見). */
  comments?: string | null;
  /** Columns not mapped to a field, never dropped. */
  extras?: ExtraField[];
}

/** A 数値目標 of a 基本目標: an outcome goal printed apart from the KPIs (not a KPI). */
export interface NumericGoal {
  goal: Ordinal;
  indicator: string;
  baseline?: Value;
  target: Value;
  actual: Value;
  finalTarget: Value;
  unit?: string | null;
  years?: YearValues[];
  evaluation?: StatedEvaluation;
  extras?: ExtraField[];
}

/** A printed evaluation scale (評価基準 legend): labels with their categories and thresholds. */
export interface ScaleBand {
  label: string;
  category: Category;
  /** Lowest achievement rate (ratio) of the band, when the legend gives one. */
  min: number | null;
  /** What the legend says the label means. */
  meaning: string;
}

export interface EvaluationScale {
  bands: ScaleBand[];
  /** ratio (actual ÷ target) unless the legend measures against the baseline. */
  basis: "ratio" | "progress_from_baseline";
  /** The legend as printed. */
  source: string;
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

export type SheetColumn = (typeof SHEET_COLUMNS)[number];

/**
 * The 14 column names as a sheet prints them, the year columns without their years (令和4年度目標値
 * is the year's text + `target`'s name; the final target prints as 目標値(令和9年度)). The one list:
 * the importer recognises headers by it, the CSV/XLSX writers and the printed sheet write it.
 */
export const SHEET_COLUMN_NAMES_JA: Readonly<Record<SheetColumn, string>> = {
  goal: "大基本目標",
  subgoal: "小基本目標",
  measure: "具体的な施策",
  initiatives: "主な取組",
  status: "主な取組及び関連事業の実施状況",
  indicator: "指標名",
  target: "目標値",
  actual: "実績値",
  finalTarget: "目標値(最終年度)",
  evaluation: "進捗評価",
  reason: "進捗が遅れている理由",
  challenge: "課題",
  nextSteps: "今後の方策等",
  departments: "担当課",
};

/** The final target's column name for a period text (目標値(令和9年度)). */
export const finalTargetColumnJa = (periodText: string): string =>
  `${SHEET_COLUMN_NAMES_JA.target}(${periodText})`;

/** The group header printed above the column names: each group and how many columns it spans. */
export const SHEET_COLUMN_GROUPS_JA = [
  { key: "basics", name: "基本情報", span: 3 },
  { key: "initiatives", name: "取組内容", span: 2 },
  { key: "achievement", name: "KPIの達成状況", span: 5 },
  { key: "direction", name: "方向性", span: 3 },
  { key: "departments", name: "担当課", span: 1 },
] as const;

export interface Sheet {
  format: "sheet/1";
  municipality?: string | null;
  fiscalYear: number;
  source?: string | null;
  kpis: Kpi[];
  /** 数値目標 per 基本目標, kept apart from the KPIs. Sosei extension. */
  numericGoals?: NumericGoal[];
  /** The evaluation scale printed with the sheet (or given with the import). Sosei extension. */
  scale?: EvaluationScale | null;
}

export const CATEGORY_LABELS_JA: Record<Category, string> = {
  on_track: "順調に進捗",
  mostly_on_track: "概ね順調に進捗",
  delayed: "進捗の遅れ",
  not_evaluable: "評価不可",
};
