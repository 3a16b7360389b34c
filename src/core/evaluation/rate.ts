/**
 * The rate the bands classify, from a target and an actual value.
 *
 * Achievement rate (formula `ratio`):
 * - increase: actual ÷ target; decrease: target ÷ actual;
 * - maintain (keep at least the target level): 1 when actual ≥ target, else actual ÷ target —
 *   so a maintain KPI never scores above 100%.
 * - No rate where a value is negative (`negative_value`) or the target is zero (`zero_target`).
 *   A decrease KPI whose actual is zero has reached the best possible value: no rate (division by
 *   zero) but the note `zero_actual_decrease_achieved`, and the evaluation gives it the top band
 *   by that explicit rule (computedBasis "rule").
 * - `progress_from_baseline`: (actual − baseline) ÷ (target − baseline), the share of the planned
 *   change achieved (same formula for both directions; maintain falls back to the ratio).
 * - `prorated`: the target for the actual's year is pro-rated linearly from the baseline (value,
 *   year) to the final target (value, year); then the achievement rate against it.
 * Units must be equal after folding (`unit_mismatch`); periods may differ (`period_mismatch`, the
 * rate is still given). A segmented value is rated segment by segment (matched by label) and takes
 * its worst segment. Text or missing values give no rate.
 */
import { samePeriod } from "../period.ts";
import type { SegmentedValue, Value } from "../sheet.ts";
import type { Baseline, Direction, Formula, NoteCode, SegmentRate } from "./types.ts";

export interface RateContext {
  direction: Direction;
  formula: Formula;
  baseline: Baseline | null;
  finalTarget: Value;
  /** The evaluated fiscal year: the actual's year when its value carries no period. */
  fiscalYear: number;
}

export interface RateResult {
  rate: number | null;
  /** Set when an explicit rule decides the category without a rate. */
  achievedByRule: boolean;
  segments: SegmentRate[] | null;
  worstSegment: string | null;
  notes: NoteCode[];
}

interface Scalar {
  rate: number | null;
  achievedByRule: boolean;
  notes: NoteCode[];
}

/**
 * A scalar rate without allocating: the rate itself, or the one note saying why there is none.
 * The hot path (one per KPI and one more for the final target) works on outcomes; the objects of
 * the public API are made from them at the edge.
 */
export type Outcome = number | NoteCode;

/** The note that stands for "no rate, but the top band by explicit rule". */
const ACHIEVED_BY_RULE: NoteCode = "zero_actual_decrease_achieved";

export const rateOf = (o: Outcome): number | null => (typeof o === "number" ? o : null);
export const achievedByRule = (o: Outcome): boolean => o === ACHIEVED_BY_RULE;
/** The notes of an outcome, as a new array (it ends up in the output). */
export const notesOf = (o: Outcome): NoteCode[] => (typeof o === "number" ? [] : [o]);

function scalarOf(o: Outcome): Scalar {
  return { rate: rateOf(o), achievedByRule: achievedByRule(o), notes: notesOf(o) };
}

/** Achievement rate of one pair of numbers (same unit), as an outcome. */
export function ratioOutcome(target: number, actual: number, direction: Direction): Outcome {
  if (target < 0 || actual < 0) return "negative_value";
  if (direction === "decrease") {
    if (actual === 0) return ACHIEVED_BY_RULE;
    if (target === 0) return "zero_target";
    return target / actual;
  }
  if (target === 0) return "zero_target";
  if (direction === "maintain") return actual >= target ? 1 : actual / target;
  return actual / target;
}

/** Achievement rate of one pair of numbers (same unit). */
export function ratio(target: number, actual: number, direction: Direction): Scalar {
  return scalarOf(ratioOutcome(target, actual, direction));
}

function scalarRate(
  target: number,
  actual: number,
  unit: string | null,
  actualYear: number,
  ctx: RateContext,
): Outcome {
  if (ctx.formula === "ratio" || ctx.direction === "maintain")
    return ratioOutcome(target, actual, ctx.direction);
  const b = ctx.baseline;
  if (!b) return "no_baseline";
  if (ctx.formula === "progress_from_baseline") {
    if (target === b.value) return "target_equals_baseline";
    return (actual - b.value) / (target - b.value);
  }
  // prorated
  const f = ctx.finalTarget;
  if (b.year === null) return "no_baseline";
  if (f.kind !== "number") return "no_final_year";
  if (!sameUnit(f.unit, unit)) return "unit_mismatch";
  if (f.period.year === b.year) return "no_final_year";
  const share = (actualYear - b.year) / (f.period.year - b.year);
  const expected = b.value + (f.value - b.value) * share;
  return ratioOutcome(expected, actual, ctx.direction);
}

/** Text compared loosely: NFKC, no whitespace. */
export const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/**
 * Units compare after NFKC and trimming ("ｋｍ" = "km"); null only equals null. Equal strings (the
 * usual case) are equal after folding too, so they skip the normalisation.
 */
export function sameUnit(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return norm(a) === norm(b);
}

function qualitative(target: Value, actual: Value): NoteCode[] {
  const notes: NoteCode[] = [];
  if (target.kind === "missing") notes.push("missing_target");
  if (target.kind === "text") notes.push("qualitative_target");
  if (actual.kind === "missing") notes.push("missing_actual");
  if (actual.kind === "text") notes.push("qualitative_actual");
  if (target.kind === "text" && actual.kind === "text" && norm(target.text) === norm(actual.text))
    notes.push("qualitative_met");
  return notes;
}

/** The notes without repeats, first occurrence first (notes are a handful: no Set needed). */
function uniq(notes: readonly NoteCode[]): NoteCode[] {
  const out: NoteCode[] = [];
  for (const n of notes) if (!out.includes(n)) out.push(n);
  return out;
}

/** The result for a pair of plain numbers (or a pair that cannot be rated), with its period note. */
function scalarResult(o: Outcome, periodDiffers: boolean): RateResult {
  const notes = notesOf(o);
  if (periodDiffers) notes.push("period_mismatch");
  return { rate: rateOf(o), achievedByRule: achievedByRule(o), segments: null, worstSegment: null, notes };
}

/** The rate of a KPI's actual against its target under the context's formula and direction. */
export function computeRate(target: Value, actual: Value, ctx: RateContext): RateResult {
  if (
    target.kind === "text" ||
    target.kind === "missing" ||
    actual.kind === "text" ||
    actual.kind === "missing"
  )
    return {
      rate: null,
      achievedByRule: false,
      segments: null,
      worstSegment: null,
      notes: qualitative(target, actual),
    };
  const periodDiffers = !samePeriod(target.period, actual.period);
  const actualYear = actual.period.year ?? ctx.fiscalYear;

  if (target.kind === "number" && actual.kind === "number") {
    const o = sameUnit(target.unit, actual.unit)
      ? scalarRate(target.value, actual.value, target.unit, actualYear, ctx)
      : "unit_mismatch";
    return scalarResult(o, periodDiffers);
  }
  if (target.kind !== "segmented" || actual.kind !== "segmented")
    return scalarResult("shape_mismatch", periodDiffers);
  return segmentedRate(target, actual, actualYear, ctx, periodDiffers);
}

/** Segments match by their label after folding (NFKC, no whitespace). */
export const labelOf = (s: { label: string }) => norm(s.label);

/** Segmented: match by label, rate each, take the worst. */
function segmentedRate(
  target: SegmentedValue,
  actual: SegmentedValue,
  actualYear: number,
  ctx: RateContext,
  periodDiffers: boolean,
): RateResult {
  const segCtx: RateContext = ctx.formula === "ratio" ? ctx : { ...ctx, baseline: null };
  const targetLabels = target.segments.map(labelOf);
  const actualLabels = actual.segments.map(labelOf);
  const notes: NoteCode[] = periodDiffers ? ["period_mismatch"] : [];
  const segments: SegmentRate[] = [];
  for (let i = 0; i < target.segments.length; i++) {
    const t = target.segments[i]!;
    const a = actual.segments[actualLabels.indexOf(targetLabels[i]!)];
    if (!a) {
      notes.push("segment_unmatched");
      continue;
    }
    const o = sameUnit(t.unit, a.unit)
      ? scalarRate(t.value, a.value, t.unit, actualYear, segCtx)
      : "unit_mismatch";
    segments.push({ label: t.label, rate: rateOf(o), notes: notesOf(o) });
    if (typeof o !== "number") notes.push(o);
  }
  for (const label of actualLabels)
    if (!targetLabels.includes(label)) {
      notes.push("segment_unmatched");
      break;
    }
  // A segment without a rate makes the worst one unknown, unless it reached zero on a decrease.
  let worst: SegmentRate | null = null;
  let unrated = false;
  for (const s of segments) {
    if (s.rate === null) {
      if (!s.notes.includes(ACHIEVED_BY_RULE)) unrated = true;
    } else if (worst === null || s.rate < worst.rate!) worst = s;
  }
  if (unrated || worst === null)
    return {
      rate: null,
      achievedByRule: segments.length > 0 && !unrated,
      segments,
      worstSegment: null,
      notes: uniq(notes),
    };
  return { rate: worst.rate, achievedByRule: false, segments, worstSegment: worst.label, notes: uniq(notes) };
}
