/**
 * Round 56: a landscape 一覧表 prints 実績 and 達成率 under each year (a two-row header: 「平成28年度」 over 実績 | 達成率,
 * 「平成29年度」 over the same), so the sheet has one 達成率 column per year. The printed rate of the KPI is the one of the
 * year its actual is read from (the evaluated year): the first rate column was taken, the year before's, and the
 * sheet refused (the rates matched no target and actual read beside them) — or, with fewer than three KPIs to check,
 * would have kept another year's rate with exit 0. A single rate column, or rate columns without a year of their own,
 * are read as before (the first).
 */

/** The 達成率 column to read: the one dated like the actual, when several rate columns each carry a year. */
export function rateColumnOfYear(
  rates: number[],
  yearOf: (col: number) => number | null,
  actualYear: number | null,
): number | undefined {
  if (rates.length < 2 || actualYear === null) return rates[0];
  return rates.find((c) => yearOf(c) === actualYear) ?? rates[0];
}
