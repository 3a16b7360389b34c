/**
 * Earlier years' figures a sheet printed in its year columns (`years[]` before the sheet's fiscal
 * year: 平成27年度実績 | 平成28年度実績 | … side by side). They are kept inside the KPI-year that
 * printed them, never stored as rows of their own (those years were not imported); the KPI's history
 * and chart show them at their own periods, as printed, next to the years that were imported.
 */
import type { Kpi, Value } from "./sheet.ts";

/** One earlier year as a later sheet printed it. */
export interface PrintedYear {
  /** The column's year (Gregorian). */
  year: number;
  target: Value;
  actual: Value;
  /** The fiscal year of the sheet that printed it. */
  printedIn: number;
}

/**
 * From a KPI's stored years (any order), the earlier years their sheets printed that have no stored
 * year of their own, oldest first. A year printed by several sheets is taken from the latest sheet
 * (a lagging statistic is often revised); a column with neither a target nor an actual is dropped.
 */
export function earlierPrintedYears(stored: readonly { fiscalYear: number; kpi: Kpi }[]): PrintedYear[] {
  const storedYears = new Set(stored.map((s) => s.fiscalYear));
  const byYear = new Map<number, PrintedYear>();
  for (const s of [...stored].sort((a, b) => a.fiscalYear - b.fiscalYear)) {
    for (const y of s.kpi.years ?? []) {
      if (y.year >= s.fiscalYear || storedYears.has(y.year)) continue;
      if (y.target.kind === "missing" && y.actual.kind === "missing") continue;
      byYear.set(y.year, { year: y.year, target: y.target, actual: y.actual, printedIn: s.fiscalYear });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
