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
import type { Value } from "../sheet.ts";
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

const none = (...notes: NoteCode[]): Scalar => ({ rate: null, achievedByRule: false, notes });
const some = (rate: number): Scalar => ({ rate, achievedByRule: false, notes: [] });

/** Achievement rate of one pair of numbers (same unit). */
export function ratio(target: number, actual: number, direction: Direction): Scalar {
  if (target < 0 || actual < 0) return none("negative_value");
  if (direction === "decrease") {
    if (actual === 0) return { rate: null, achievedByRule: true, notes: ["zero_actual_decrease_achieved"] };
    if (target === 0) return none("zero_target");
    return some(target / actual);
  }
  if (target === 0) return none("zero_target");
  if (direction === "maintain") return some(actual >= target ? 1 : actual / target);
  return some(actual / target);
}

function scalarRate(
  target: number,
  actual: number,
  unit: string | null,
  actualYear: number,
  ctx: RateContext,
): Scalar {
  if (ctx.formula === "ratio" || ctx.direction === "maintain") return ratio(target, actual, ctx.direction);
  const b = ctx.baseline;
  if (!b) return none("no_baseline");
  if (ctx.formula === "progress_from_baseline") {
    if (target === b.value) return none("target_equals_baseline");
    return some((actual - b.value) / (target - b.value));
  }
  // prorated
  const f = ctx.finalTarget;
  if (b.year === null) return none("no_baseline");
  if (f.kind !== "number") return none("no_final_year");
  if (!sameUnit(f.unit, unit)) return none("unit_mismatch");
  if (f.period.year === b.year) return none("no_final_year");
  const share = (actualYear - b.year) / (f.period.year - b.year);
  const expected = b.value + (f.value - b.value) * share;
  return ratio(expected, actual, ctx.direction);
}

/** Text compared loosely: NFKC, no whitespace. */
export const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/** Units compare after NFKC and trimming ("ｋｍ" = "km"); null only equals null. */
export const sameUnit = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : norm(a) === norm(b);

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

const uniq = (notes: NoteCode[]): NoteCode[] => [...new Set(notes)];

/** The rate of a KPI's actual against its target under the context's formula and direction. */
export function computeRate(target: Value, actual: Value, ctx: RateContext): RateResult {
  const result = (s: Scalar, extra: NoteCode[] = []): RateResult => ({
    rate: s.rate,
    achievedByRule: s.achievedByRule,
    segments: null,
    worstSegment: null,
    notes: uniq([...s.notes, ...extra]),
  });
  if (
    target.kind === "text" ||
    target.kind === "missing" ||
    actual.kind === "text" ||
    actual.kind === "missing"
  )
    return result(none(...qualitative(target, actual)));
  const periodNotes: NoteCode[] = samePeriod(target.period, actual.period) ? [] : ["period_mismatch"];
  const actualYear = actual.period.year ?? ctx.fiscalYear;

  if (target.kind === "number" && actual.kind === "number") {
    if (!sameUnit(target.unit, actual.unit)) return result(none("unit_mismatch"), periodNotes);
    return result(scalarRate(target.value, actual.value, target.unit, actualYear, ctx), periodNotes);
  }
  if (target.kind !== "segmented" || actual.kind !== "segmented")
    return result(none("shape_mismatch"), periodNotes);

  // Segmented: match by label, rate each, take the worst.
  const segCtx: RateContext = ctx.formula === "ratio" ? ctx : { ...ctx, baseline: null };
  const notes: NoteCode[] = [...periodNotes];
  const segments: SegmentRate[] = [];
  for (const t of target.segments) {
    const a = actual.segments.find((s) => norm(s.label) === norm(t.label));
    if (!a) {
      notes.push("segment_unmatched");
      continue;
    }
    const s: Scalar = !sameUnit(t.unit, a.unit)
      ? none("unit_mismatch")
      : scalarRate(t.value, a.value, t.unit, actualYear, segCtx);
    segments.push({ label: t.label, rate: s.rate, notes: s.notes });
    notes.push(...s.notes);
  }
  if (actual.segments.some((a) => !target.segments.some((t) => norm(t.label) === norm(a.label))))
    notes.push("segment_unmatched");
  if (segments.length === 0)
    return { rate: null, achievedByRule: false, segments, worstSegment: null, notes: uniq(notes) };
  // A segment without a rate makes the worst one unknown, unless it reached zero on a decrease.
  const unrated = segments.filter(
    (s) => s.rate === null && !s.notes.includes("zero_actual_decrease_achieved"),
  );
  const rated = segments.filter((s) => s.rate !== null);
  if (unrated.length > 0)
    return { rate: null, achievedByRule: false, segments, worstSegment: null, notes: uniq(notes) };
  if (rated.length === 0)
    return { rate: null, achievedByRule: true, segments, worstSegment: null, notes: uniq(notes) };
  const worst = rated.reduce((w, s) => (s.rate! < w.rate! ? s : w));
  return { rate: worst.rate, achievedByRule: false, segments, worstSegment: worst.label, notes: uniq(notes) };
}
