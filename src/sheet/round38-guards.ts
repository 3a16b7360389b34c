/**
 * Guard of round 38: a shape a reading left wrong with exit 0 (kishiwada-kensho's first reading), refused now
 * whatever reader path leaves it so (exit 2, `implausible_reading`, the KPI named).
 * - An indicator's name holding a sentence in brackets (「…市民の満足度(市民意識調査の満足度調査の数値を指標として
 *   活用。満足度とは、…差し引いた数値。)」): the definition printed under the name in its cell, taken into it.
 *   A name never holds a sentence; a qualifier in brackets (「(延べ)」, 「(累計)」) holds none.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { round37Refusal } from "./round37-guards.ts";
import { round39Refusal } from "./round39-guards.ts";

/** Brackets around a sentence: a 「。」 inside, ten characters or more. */
const BRACKETED_SENTENCE =
  /[(（][^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*。[^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*[)）]/;

export function round38Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis) {
    const m = BRACKETED_SENTENCE.exec(k.indicator);
    if (m && m[0].length >= 10)
      return `${name(k)}の指標名に括弧書きの文(「${m[0].slice(0, 20)}…」)があります。セルの中で指標名の下に書かれた定義・注記を指標名に含めたおそれがあります`;
  }
  return null;
}

/** Rounds 37–39's guards on what a KPI's cells were read as (units, legend order, names, level titles), in turn. */
export function namedShapeRefusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  return round37Refusal(sheet, name) ?? round38Refusal(sheet, name) ?? round39Refusal(sheet, name);
}
