/**
 * 「目標値 | 単位 | 目標月」 over 「6 | % | H28.3」 (the national 先行型 交付金 form, a city naming its 指標値 column 目標値): a
 * target column without a year of its own, beside a column dating each target by its month. When the row's month falls in
 * the evaluated year (「H28.3」 closes 平成27年度), the target is that year's — not the plan's final one, which the form
 * does not print. A month in a later year leaves the target as the reader took it.
 */
import type { ColumnMeaning } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { fiscalYearOfMonth } from "./target-month.ts";

const TARGET_DATE = /^目標(年月|月|時期)$|^達成(年月|時期)$/;

export function targetMonthIsThisYear(
  cols: readonly ColumnMeaning[],
  cells: readonly string[],
  fy: number,
): boolean {
  return cols.some((c, i) => TARGET_DATE.test(squash(c.header)) && fiscalYearOfMonth(cells[i] ?? "") === fy);
}
