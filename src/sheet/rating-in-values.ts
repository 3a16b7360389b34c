/**
 * Guards for a rating that went into another column (reading-plausibility.ts calls them). An unruled
 * print draws no line between a value and the rating beside it, so 「4」 and 「進ちょくに遅れ」 come out as
 * one cell 「4 進ちょくに遅れ」 (or 「2 目標」 with 目標以上's first word as a unit), and the rating column
 * stands empty; a header split over two tables leaves the rating in a column with no name. Whichever
 * rule should have read them, such a reading is wrong: refused, naming the KPI.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { categoryOf } from "./legend-categories.ts";
import { isKnownEvaluationLabel, nationalEffectCategory } from "./parse-evaluation-label.ts";

/** Words a value may carry after its figure (a direction, a qualitative target): no rating. */
const VALUE_WORD = /^(延伸|増加|減少|維持|向上|上昇|低下|改善|縮小|拡大|皆増)$/;
/** Names of a table's value columns and ratings: never a unit. */
const ROLE_WORD = /^(目標|目標値|実績|実績値|基準値|現状値|評価|達成|達成率|達成度|進捗|進ちょく)$/;

/** One of the four labels or of the national form's (「地方創生に効果があった」): a rating whatever column holds it. */
export function isStandardRating(text: string): boolean {
  const t = squash(text);
  return t !== "" && (isKnownEvaluationLabel(t) || nationalEffectCategory(t) !== null);
}

/** A rating the reader knows with no legend (the four labels, the national form's, words that say it) or the scale's. */
export function isRatingWords(text: string, sheet: Pick<Sheet, "scale">): boolean {
  const t = squash(text);
  if (t === "" || VALUE_WORD.test(t)) return false;
  if ((sheet.scale?.bands ?? []).some((b) => squash(b.label) === t)) return true;
  if (isStandardRating(t)) return true;
  return /^[ぁ-んァ-ヶ一-龥]{2,10}$/.test(t) && categoryOf(t, t) !== null;
}

/** The first value of a KPI holding a rating after its figure, or a header word as its unit. */
export function ratingInValue(k: Kpi, sheet: Pick<Sheet, "scale">): { value: Value; text: string } | null {
  for (const v of [k.baseline, k.target, k.actual, k.finalTarget, ...(k.years ?? []).map((y) => y.actual)]) {
    if (!v) continue;
    if (v.kind === "number" && v.unit && ROLE_WORD.test(squash(v.unit)))
      return { value: v, text: `${v.value} ${v.unit}` };
    if (v.kind !== "text") continue;
    const m = /^[▲△-]?[\d,.]+\s*(\S.*)$/.exec(squash(v.text));
    if (m && isRatingWords(m[1]!, sheet)) return { value: v, text: v.text };
  }
  return null;
}
