/**
 * The entry checks applied to a stored KPI-year (server before submit, entry form as typed, review
 * list): the KPI's own unit fills a bare number, and `checkKpiEntry` gives the blocking problems and
 * the plausibility warnings of the row as it stands.
 */
import type { Kpi, Value } from "../sheet.ts";
import { type EntryProblem, type EntryWarning, entryProblems, entryWarnings } from "./check-entry.ts";

/** The KPI's unit: its own `unit` field, else the unit of its target (or final target). */
export function kpiUnit(kpi: Pick<Kpi, "unit" | "target" | "finalTarget">): string | null {
  if (kpi.unit) return kpi.unit;
  for (const v of [kpi.target, kpi.finalTarget]) {
    if (v.kind === "number" && v.unit) return v.unit;
    if (v.kind === "segmented" && v.segments[0]?.unit) return v.segments[0].unit;
  }
  return null;
}

/**
 * A number typed without a unit (「30」) is taken in the KPI's unit (30件): a department types the
 * figure into the KPI's field, and a unit-less number would otherwise never compare with the target
 * (the form said 評価不可 while its select kept 進捗の遅れ). A number with another unit stays as typed
 * and gets the unit_differs warning.
 */
export function withKpiUnit(value: Value, kpi: Pick<Kpi, "unit" | "target" | "finalTarget">): Value {
  const unit = kpiUnit(kpi);
  if (!unit) return value;
  if (value.kind === "number" && value.unit === null) return { ...value, unit };
  if (value.kind === "segmented" && value.segments.every((s) => s.unit === null))
    return { ...value, segments: value.segments.map((s) => ({ ...s, unit })) };
  return value;
}

export interface KpiEntryCheck {
  problems: EntryProblem[];
  warnings: EntryWarning[];
}

/** The checks of a KPI-year as stored (or as typed: pass the KPI with the typed actual). */
export function checkKpiEntry(kpi: Kpi, lastActual: Value | null): KpiEntryCheck {
  const input = {
    actual: kpi.actual,
    category: kpi.evaluation.category,
    notEvaluableReason: kpi.evaluation.notEvaluableReason ?? null,
    notEvaluableText: kpi.evaluation.notEvaluableText ?? null,
    reason: kpi.reason,
    target: kpi.target.kind === "missing" ? kpi.finalTarget : kpi.target,
    targetLabel: kpi.target.kind === "missing" ? "最終目標値" : "目標値",
    lastActual,
    unit: kpiUnit(kpi),
  };
  return { problems: entryProblems(input), warnings: entryWarnings(input) };
}
