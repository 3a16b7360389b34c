/**
 * Types of the evaluation engine: rules (how a rate becomes a category) and the evaluation of a
 * KPI / sheet. Plain JSON-able data: `sosei evaluate --format json` prints a `SheetEvaluation`.
 */
import type { Category } from "../sheet.ts";

/** Which way is better: more, less, or staying at (at least) the target level. */
export type Direction = "increase" | "decrease" | "maintain";

/**
 * How the rate that the bands classify is computed.
 * - `ratio`: achievement rate, actual ÷ target (target ÷ actual for a decrease).
 * - `progress_from_baseline`: share of the planned change achieved, (actual − baseline) ÷ (target − baseline).
 * - `prorated`: achievement rate against the target pro-rated linearly from the baseline to the final target.
 */
export type Formula = "ratio" | "progress_from_baseline" | "prorated";

/** A band: rates ≥ `min` (null: any rate, the catch-all) get `category` and print as `label`. */
export interface Band {
  min: number | null;
  category: Exclude<Category, "not_evaluable">;
  label: string;
}

/** A KPI's starting point (基準値), in the base unit, with the year it was measured. */
export interface Baseline {
  value: number;
  year: number | null;
}

export interface Rules {
  name: string | null;
  formula: Formula;
  /** Highest `min` first; a rate below every band falls into the last one. */
  bands: Band[];
  notEvaluable: { label: string };
  /** Directions set by hand: by row (as a string key, "60") or by indicator name (exact). */
  directions: { byRow: Record<string, Direction>; byIndicator: Record<string, Direction> };
  /** Baselines for the formulas that need one. */
  baselines: { byRow: Record<string, Baseline>; byIndicator: Record<string, Baseline> };
}

/**
 * Why a rate is missing or needs care. Stable codes: the UI and report translate them.
 * See NOTE_TEXT in explain.ts for the sentence of each.
 */
export type NoteCode =
  | "missing_target"
  | "missing_actual"
  | "qualitative_target"
  | "qualitative_actual"
  | "qualitative_met"
  | "shape_mismatch"
  | "segment_unmatched"
  | "unit_mismatch"
  | "period_mismatch"
  | "negative_value"
  | "zero_target"
  | "zero_actual_decrease_achieved"
  | "zero_target_decrease_missed"
  | "not_printed"
  | "no_baseline"
  | "target_equals_baseline"
  | "no_final_year"
  | "final_year_passed";

export type DirectionSource =
  | "rules_row"
  | "rules_indicator"
  | "inferred_harm"
  | "inferred_default"
  /** The sheet's own 方向性 column. */
  | "sheet";

export interface SegmentRate {
  label: string;
  rate: number | null;
  notes: NoteCode[];
}

/** Progress of the actual toward the plan's final target (目標値(令和M年度)). */
export interface ProgressToFinal {
  /** Actual vs final target, direction-aware like the achievement rate (1 = reached). */
  rate: number | null;
  /** The segment this was computed on (the worst one) for a segmented value. */
  segment: string | null;
  finalYear: number | null;
  actualYear: number | null;
  /** Change per year needed to reach the final target: (final − actual) ÷ (finalYear − actualYear). */
  neededYearlyChange: number | null;
  /** The same as a compound rate per year, (final ÷ actual)^(1/years) − 1, when both are positive. */
  neededYearlyRate: number | null;
  unit: string | null;
  notes: NoteCode[];
}

export interface KpiEvaluation {
  row: number;
  indicator: string;
  goal: { no: number; title: string };
  departments: string[];
  direction: Direction;
  directionInferred: boolean;
  directionSource: DirectionSource;
  /** The keyword that decided an inferred direction (e.g. "事故", "除却"), else null. */
  directionKeyword: string | null;
  formula: Formula;
  /** The rate the bands classify (1 = 100%); for `ratio` this is the achievement rate. */
  achievementRate: number | null;
  /** For a segmented value: every matched segment's rate; the worst one decides. */
  segments: SegmentRate[] | null;
  worstSegment: string | null;
  /** The category the rules give; not_evaluable when there is no rate and no explicit rule. */
  computed: Category;
  /** The computed category's label under the rules ("A", "◎", "順調に進捗"). */
  computedLabel: string;
  /** How `computed` was reached: from the rate's band, by an explicit rule, or none. */
  computedBasis: "rate" | "rule" | "none";
  stated: Category;
  statedLabel: string | null;
  covid: boolean;
  /** true / false; null when it cannot be checked (no computed category). */
  agrees: boolean | null;
  /** Where `agrees` is not true: one sentence in Japanese and in English. */
  explanation: { ja: string; en: string } | null;
  notes: NoteCode[];
  progressToFinal: ProgressToFinal;
}

export type CategoryCounts = Record<Category, number>;

export interface SummaryGroup {
  total: number;
  stated: CategoryCounts;
  computed: CategoryCounts;
  agree: number;
  disagree: number;
  cannotCheck: number;
}

export interface EvaluationSummary {
  all: SummaryGroup;
  byGoal: Array<SummaryGroup & { no: number; title: string }>;
  /** A KPI with two departments counts in both. */
  byDepartment: Array<SummaryGroup & { department: string }>;
}

export interface SheetEvaluation {
  format: "evaluation/1";
  municipality: string | null;
  fiscalYear: number;
  rules: Rules;
  kpis: KpiEvaluation[];
  summary: EvaluationSummary;
}
