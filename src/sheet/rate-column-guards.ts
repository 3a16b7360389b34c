/**
 * Guards on a column read as the printed rate (達成率 / 達成度), before its cells are read row by row:
 * - single digits only (「1」「2」, no decimal, no %): a scale's grades no legend explained (a legend that does makes the
 *   column the evaluation first: settle-columns.ts), not ratios — read as one, 「2」 was a rate of 200% and the KPI
 *   unrated, with exit 0 — nor percentages of 1–9 for every KPI;
 * - no cell readable as a rate (「Ⅱ<br>90.5%」, a grade printed over the rate in a form not split): the column is not
 *   what it was taken for, and the rating it holds would be lost while another column is read as the KPI's.
 * Which it is cannot be told: refused, naming the column.
 */
import { readRate } from "./general-values.ts";
import { refuse } from "./refuse-reading.ts";

export function refuseUnreadRateColumn(header: string, filled: readonly string[]): void {
  if (filled.length < 2) return;
  if (filled.every((t) => /^[1-9]$/.test(t)))
    refuse(
      `列「${header}」の中身が1桁の整数だけです(例:「${filled[0]}」)。達成率か評価の段階(凡例で意味を示すもの)か決められません`,
    );
  if (filled.every((t) => readRate(t) === undefined))
    refuse(
      `列「${header}」を達成率の列として読みましたが、率として読めるセルがありません(例:「${filled[0]}」)`,
    );
}
