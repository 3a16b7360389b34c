/**
 * A computed progress category from target vs actual, used to flag disagreements with the stated
 * evaluation. Stand-in until the core evaluation engine (src/core/evaluation) is wired in through
 * `WebServices.computeCategory`. Higher is better unless the final target is below this year's target.
 */
import type { Category, Kpi } from "../core/sheet.ts";

export function computeCategoryFallback(kpi: Kpi): Category {
  const { target, actual, finalTarget } = kpi;
  if (target.kind !== "number" || actual.kind !== "number") return "not_evaluable";
  if (target.unit !== actual.unit || target.value === 0) return "not_evaluable";
  const lowerIsBetter = finalTarget.kind === "number" && finalTarget.value < target.value;
  const ratio = lowerIsBetter ? target.value / actual.value : actual.value / target.value;
  if (!Number.isFinite(ratio)) return "not_evaluable";
  if (ratio >= 1) return "on_track";
  if (ratio >= 0.9) return "mostly_on_track";
  return "delayed";
}
