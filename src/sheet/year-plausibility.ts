/**
 * The years of a reading, looked at before an import exits 0 (called by reading-plausibility.ts's
 * checkReading): an actual a note beside it dates to an earlier year read as this year's (fuji-shisaku),
 * and an evaluated year none of the actual columns prints — the title's year taken over the columns'
 * (hirakata-city). Each was a past first reading written wrong with exit 0.
 */
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import { findYear } from "./header-years.ts";
import { notedActualYear } from "./noted-year.ts";
import type { ImportProfile } from "./profile-types.ts";
import { refuse } from "./refuse-reading.ts";
import type { SourceTable } from "./types.ts";

/** Whether a value holds figures (a number or segments), not words or nothing. */
export const hasFigures = (v: Value | undefined): boolean => v?.kind === "number" || v?.kind === "segmented";

/** Refuses (exit 2, `implausible_reading`) an actual or an evaluated year the sheet says is another year's. */
export function checkActualYears(
  sheet: Sheet,
  profile: ImportProfile | undefined,
  name: (k: Kpi) => string,
): void {
  const kpis = sheet.kpis;
  // A note beside the row saying the actual is an earlier year's figure, the actual read as this year's.
  for (const k of kpis) {
    const noted = notedActualYear(k.extras ?? [], k.actual);
    if (noted)
      refuse(
        `${name(k)}の備考「${noted.text.slice(0, 20)}」は実績値が${noted.period.year}年度の値だと言っていますが、${sheet.fiscalYear}年度の値として読まれました`,
      );
  }

  // Year columns of actuals: the evaluated year must be one of them (not the title's year).
  const actualYears = new Set<number>();
  for (const c of profile?.columns ?? []) {
    // A bare year over a column (「R2年度」, 「H31・R1年度」) kept as an extra is a year column too.
    const bare =
      c.field === "extra" &&
      !!c.header &&
      squash(c.header).length <= 12 &&
      !/目標|基準|現状|当初/.test(c.header);
    if (c.field !== "actual" && c.field !== "year" && !bare) continue;
    const y = c.year ?? (c.header ? findYear(c.header)?.year : undefined);
    if (y) actualYears.add(y);
  }
  for (const k of kpis) {
    for (const y of k.years ?? []) if (hasFigures(y.actual)) actualYears.add(y.year);
    if (k.actual.kind === "number" && actualYears.size > 0) actualYears.add(k.actual.period.year);
  }
  if (actualYears.size > 0 && !actualYears.has(sheet.fiscalYear))
    refuse(
      `評価年度 ${sheet.fiscalYear} 年度の実績の列がありません(実績の年度: ${[...actualYears].sort().join("・")})。評価年度を --profile の fiscalYear で指定するか`,
    );
}

/** The lines above the table's first row of several cells: its title (a line merged across a worksheet too). */
export const titleLines = (t: SourceTable) => {
  const filled = (cells: readonly string[]) => [
    ...new Set(cells.map((c) => c.trim()).filter((c) => c !== "")),
  ];
  const first = t.rows.find((r) => filled(r.cells).length > 1)?.row ?? Number.POSITIVE_INFINITY;
  return [
    ...t.outside.filter((o) => o.row < first).map((o) => o.text),
    ...t.rows.filter((r) => r.row < first).flatMap((r) => filled(r.cells)),
  ];
};
