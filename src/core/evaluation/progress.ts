/**
 * Progress of the actual toward the plan's final target, and what it takes to get there.
 * - rate: the achievement rate of the actual against the final target (same direction logic and
 *   zero/negative rules as the yearly rate; always the `ratio` formula).
 * - neededYearlyChange = (final − actual) ÷ (finalYear − actualYear), in the value's unit per year;
 *   neededYearlyRate = (final ÷ actual)^(1 ÷ years) − 1 when both are positive.
 * The final year comes from finalTarget.period; the actual's year from actual.period (else the
 * evaluated fiscal year). A segmented value is measured on its worst segment.
 */
import type { SegmentedValue, Value } from "../sheet.ts";
import { labelOf, notesOf, rateOf, ratioOutcome, sameUnit } from "./rate.ts";
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
  const o = ratioOutcome(finalValue, actualValue, direction);
  const notes = notesOf(o);
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
    rate: rateOf(o),
    segment,
    finalYear,
    actualYear,
    neededYearlyChange,
    neededYearlyRate,
    unit,
    notes,
  };
}

function empty(
  notes: NoteCode[],
  finalYear: number | null = null,
  actualYear: number | null = null,
): ProgressToFinal {
  return {
    rate: null,
    segment: null,
    finalYear,
    actualYear,
    neededYearlyChange: null,
    neededYearlyRate: null,
    unit: null,
    notes,
  };
}

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
  return segmentedProgress(finalTarget, actual, direction, finalYear, actualYear);
}

/**
 * Each final segment against the first actual segment of the same label (if of the same unit);
 * the worst rated one wins, else the first one, else nothing matched. Apart from progressToFinal
 * so that the common case (two plain numbers) stays small enough to be inlined.
 */
function segmentedProgress(
  finalTarget: SegmentedValue,
  actual: SegmentedValue,
  direction: Direction,
  finalYear: number,
  actualYear: number,
): ProgressToFinal {
  const actualLabels = actual.segments.map(labelOf);
  let first: ProgressToFinal | null = null;
  let worst: ProgressToFinal | null = null;
  for (const f of finalTarget.segments) {
    const a = actual.segments[actualLabels.indexOf(labelOf(f))];
    if (!a || !sameUnit(a.unit, f.unit)) continue;
    const p = pair(f.value, a.value, a.unit, finalYear, actualYear, direction, f.label);
    first ??= p;
    if (p.rate !== null && (worst === null || p.rate < worst.rate!)) worst = p;
  }
  return worst ?? first ?? empty(["segment_unmatched"], finalYear, actualYear);
}
