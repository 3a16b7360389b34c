/**
 * A rating in words that denies what it says (「順調に推移していない」, 「達成できなかった」) read as on track
 * or mostly on track. 各務原市's 達成状況 prints 「順調に推移している」 beside 「順調に推移していない」 with no legend:
 * a reader matching 「順調」 at the start wrote both on track with exit 0. Words ending in a negation mean the
 * opposite of the words before it, so such a reading is refused, naming the row and the label — unless a
 * printed legend gives that very label its band (the city said what it means).
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { squash } from "./columns.ts";

/** Ends in a negation: 〜ない, 〜なかった, 〜ず, 〜ません (「順調でない」, 「進んでいない」, 「達成せず」). */
const NEGATED = /(ない|なかった|ず|ません|ぬ)[。.]?$/;

/** The first KPI whose worded rating ends in a negation yet was read as (mostly) on track; null if none. */
export function negatedGoodRating(sheet: Sheet): Kpi | null {
  const scaled = new Set((sheet.scale?.bands ?? []).map((b) => squash(b.label)));
  for (const k of sheet.kpis) {
    const e = k.evaluation;
    if (e.printed === false || !e.label) continue;
    if (e.category !== "on_track" && e.category !== "mostly_on_track") continue;
    const label = squash(e.label).normalize("NFKC");
    if (scaled.has(squash(e.label)) || !/[ぁ-んァ-ヶ一-龥]{2,}/.test(label)) continue;
    if (NEGATED.test(label)) return k;
  }
  return null;
}
