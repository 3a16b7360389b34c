/**
 * The year a sheet evaluates comes from one place (the actual column's header, the actuals' cells, a
 * title); each actual's year from its own cell. When every actual read is of a later year than the
 * sheet's, the sheet's year came from the wrong line — a footnote under the table (「※3 平成25年度の
 * 初期値は…」) taken for its title — and each KPI would be written against a year it does not report:
 * refused, naming the year and the actuals'. (An actual of an earlier year is common — a lagging
 * statistic — and one later actual among others can be a figure known since; neither is refused.)
 */
import type { Sheet, Value } from "../core/sheet.ts";

const yearOf = (v: Value | undefined) => (v && v.kind === "number" ? v.period.year : null);

/** The refusal's message, or null when the sheet's year is not before every actual's. */
export function actualsAfterYear(sheet: Sheet): string | null {
  const years = sheet.kpis.map((k) => yearOf(k.actual)).filter((y): y is number => y !== null);
  if (years.length < 2 || !years.every((y) => y > sheet.fiscalYear)) return null;
  const first = Math.min(...years);
  return `評価年度が ${sheet.fiscalYear}年度 と読めましたが、実績値はどれもそれより後の年度(${first}年度〜)のものです。評価年度を表の外の注記などから読んだおそれがあります`;
}
