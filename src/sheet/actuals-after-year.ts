/**
 * The year a sheet evaluates comes from one place (the actual column's header, the actuals' cells, a
 * title); each actual's year from its own cell. When every actual read is of a later year than the
 * sheet's, the sheet's year came from the wrong line — a footnote under the table (「※3 平成25年度の
 * 初期値は…」) taken for its title — and each KPI would be written against a year it does not report:
 * refused, naming the year and the actuals'. (An actual of an earlier year is common — a lagging
 * statistic — and one later actual among others can be a figure known since; neither is refused.)
 */
import type { Sheet, Value } from "../core/sheet.ts";
import { findYear } from "./header-years.ts";

const yearOf = (v: Value | undefined) => (v && v.kind === "number" ? v.period.year : null);

/** The refusal's message, or null when the sheet's year is not before every actual's. */
export function actualsAfterYear(sheet: Sheet): string | null {
  const years = sheet.kpis.map((k) => yearOf(k.actual)).filter((y): y is number => y !== null);
  if (years.length < 2 || !years.every((y) => y > sheet.fiscalYear)) return null;
  const first = Math.min(...years);
  return `評価年度が ${sheet.fiscalYear}年度 と読めましたが、実績値はどれもそれより後の年度(${first}年度〜)のものです。評価年度を表の外の注記などから読んだおそれがあります`;
}

/** 「平成30年度実績報告」, 「R2年度の実績」: a line saying which year's results the sheet reports. */
const RESULTS_YEAR =
  /((?:令和|平成|[RH])\s?(?:元|\d{1,2})\s?年度|(?:19|20)\d{2}\s?年度)\s?の?実績(?:報告|評価)?/;

/**
 * The title says which year's results it reports (「平成30年度実績報告」) and the reading evaluates a later
 * year: the grid's years were read a column off the values (a print without borders) — refused. A later
 * title than the results read is common (a 令和元年度 report of H30's figures) and passes.
 */
export function laterThanTitle(sheet: Sheet, lines: readonly string[]): string | null {
  const years = new Set<number>();
  for (const l of lines) {
    const m = RESULTS_YEAR.exec(l.replace(/\s+/g, ""));
    const y = m ? findYear(m[1]!)?.year : undefined;
    if (y) years.add(y);
  }
  if (years.size !== 1) return null;
  const [y] = [...years];
  if (sheet.fiscalYear <= y!) return null;
  return `表題は${y}年度の実績と書いていますが、評価年度が ${sheet.fiscalYear}年度 と読めました。年度の列を値と一列ずれて読んだおそれがあります`;
}
