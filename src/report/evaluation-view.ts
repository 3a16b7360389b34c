/**
 * What the renderers need from an evaluation: the small part of the evaluation engine's
 * `SheetEvaluation` (src/core/evaluation) they read. Any richer object with these fields fits.
 */
import type { Category, Kpi, Sheet } from "../core/sheet.ts";

export interface KpiEvaluationView {
  /** The KPI's `row` in its sheet. */
  row: number;
  /** The category Sosei computes from the numbers; null when it cannot. */
  computed: Category | null;
  /** Actual ÷ target as a ratio (1 = 100%), direction-aware; null when not computable. */
  achievementRate: number | null;
}

export interface SheetEvaluationView {
  kpis: readonly KpiEvaluationView[];
}

/** A sheet and (optionally) its evaluation: the unit every renderer takes. */
export interface EvaluatedSheet {
  sheet: Sheet;
  evaluation?: SheetEvaluationView | null;
  /** Stable KPI ids and review states, in row order (open data's kpi_id / review_state). */
  identity?: { kpiIds: readonly string[]; states: readonly string[] } | null;
}

/** Finds the evaluation of a KPI by row. */
export function evaluationOf(
  evaluation: SheetEvaluationView | null | undefined,
  kpi: Pick<Kpi, "row">,
): KpiEvaluationView | null {
  return evaluation?.kpis.find((e) => e.row === kpi.row) ?? null;
}
