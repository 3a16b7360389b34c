/**
 * A card row read as key–value pairs whose "key" is a figure (「企業説明会の参加者数 | 300 | 212 | 人」, an indicator's row
 * of its KPI table that lost a cell, read as 「企業説明会の参加者数: 300」 and 「212: 人」): the row was an indicator, and
 * the KPI was lost with exit 0 (found by the office variants: margin-column, as an extractor leaves it). A kept
 * extra named by a bare figure is refused, naming the KPI and the cell.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { BARE_WESTERN_YEAR, squash } from "./columns.ts";

const FIGURE = /^[▲△-]?\d[\d,]*(\.\d+)?%?$/;

export function figureAsKeyRefusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis)
    for (const [i, e] of (k.extras ?? []).entries()) {
      // (Only the row's shape: a name over a figure, then a figure over a unit — 「予算額 | 6,924,000」 beside
      // 「7,500,000 | …」 in a card of sums is a card's own.)
      const before = k.extras![i - 1];
      // (A schedule's 「2015 | →」 is a year's column: no figure named, no unit after it.)
      const unit = /^[^\d\s→←↑↓⇒⇔\-－―ー・○●◎△×]{1,4}$/u.test(squash(e.text));
      const figure = FIGURE.test(squash(e.header)) && !BARE_WESTERN_YEAR.test(squash(e.header));
      if (!figure || !unit || !before || !FIGURE.test(squash(before.text))) continue;
      return `${name(k)}の項目「${e.header}」(値「${e.text}」)は数値で、項目の名前として読めません。指標の行をキーと値の組として読んだおそれがあります`;
    }
  return null;
}
