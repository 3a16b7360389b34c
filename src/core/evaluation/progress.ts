/**
 * Progress of the actual toward the plan's final target, and what it takes to get there.
 * - rate: the achievement rate of the actual against the final target (same direction logic and
 *   zero/negative rules as the yearly rate; always the `ratio` formula).
 * - neededYearlyChange = (final − actual) ÷ (finalYear − actualYear), in the value's unit per year;
 *   neededYearlyRate = (final ÷ actual)^(1 ÷ years) − 1 when both are positive.
 * The final year comes from finalTarget.period; the actual's year from actual.period (else the
 * evaluated fiscal year). A segmented value is measured on its worst segment.
 */
import type { Value } from "../sheet.ts";
import { norm, ratio, sameUnit } from "./rate.ts";
import type { Direction, NoteCode, ProgressToFinal } from "./types.ts";

function pair(
  finalValue: number,
  actualValue: number,
  unit: string | null,
  finalYear: number,
  actualYear: number,
  direction: Direction,
  segment: string | null,
): ProgressToFinal {
  const r = ratio(finalValue, actualValue, direction);
  const notes: NoteCode[] = [...r.notes];
  const years = finalYear - actualYear;
  let neededYearlyChange: number | null = null;
  let neededYearlyRate: number | null = null;
  if (years > 0) {
    neededYearlyChange = (finalValue - actualValue) / years;
    if (finalValue > 0 && actualValue > 0) neededYearlyRate = (finalValue / actualValue) ** (1 / years) - 1;
  } else {
    notes.push("final_year_passed");
  }
  return {
    rate: r.rate,
    segment,
    finalYear,
    actualYear,
    neededYearlyChange,
    neededYearlyRate,
    unit,
    notes,
  };
}

const empty = (notes: NoteCode[], finalYear: number | null = null, actualYear: number | null = null) =>
  ({
    rate: null,
    segment: null,
    finalYear,
    actualYear,
    neededYearlyChange: null,
    neededYearlyRate: null,
    unit: null,
    notes,
  }) satisfies ProgressToFinal;

export function progressToFinal(
  finalTarget: Value,
  actual: Value,
  direction: Direction,
  fiscalYear: number,
): ProgressToFinal {
  if (finalTarget.kind === "missing") return empty(["missing_target", "no_final_year"]);
  if (finalTarget.kind === "text") return empty(["qualitative_target", "no_final_year"]);
  const finalYear = finalTarget.period.year;
  if (actual.kind === "missing") return empty(["missing_actual"], finalYear);
  if (actual.kind === "text") return empty(["qualitative_actual"], finalYear);
  const actualYear = actual.period.year ?? fiscalYear;
  if (finalTarget.kind === "number" && actual.kind === "number") {
    if (!sameUnit(finalTarget.unit, actual.unit)) return empty(["unit_mismatch"], finalYear, actualYear);
    return pair(finalTarget.value, actual.value, actual.unit, finalYear, actualYear, direction, null);
  }
  if (finalTarget.kind !== "segmented" || actual.kind !== "segmented")
    return empty(["shape_mismatch"], finalYear, actualYear);
  const results: ProgressToFinal[] = [];
  for (const f of finalTarget.segments) {
    const a = actual.segments.find((s) => norm(s.label) === norm(f.label));
    if (!a || !sameUnit(a.unit, f.unit)) continue;
    results.push(pair(f.value, a.value, a.unit, finalYear, actualYear, direction, f.label));
  }
  const rated = results.filter((r) => r.rate !== null);
  if (rated.length === 0) return results[0] ?? empty(["segment_unmatched"], finalYear, actualYear);
  return rated.reduce((w, r) => (r.rate! < w.rate! ? r : w));
}
