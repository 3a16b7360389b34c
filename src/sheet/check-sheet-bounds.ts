/**
 * What sheet/1 allows but no real sheet is: a fiscal year outside MIN_FISCAL_YEAR..MAX_FISCAL_YEAR,
 * or no KPI at all (saved, it would become the open year and hide the real one from departments).
 * Checked on every import, whatever the format, so the CLI (exit 2) and the upload (422) refuse it.
 */
import { fiscalYearOutOfRangeMessage, isFiscalYearInRange } from "../core/fiscal-year-range.ts";
import type { Sheet } from "../core/sheet.ts";
import { NotASheet } from "./types.ts";

export function checkSheetBounds(sheet: Pick<Sheet, "fiscalYear" | "kpis">): void {
  if (!isFiscalYearInRange(sheet.fiscalYear))
    throw new NotASheet("invalid_fiscal_year", fiscalYearOutOfRangeMessage(sheet.fiscalYear));
  if (sheet.kpis.length === 0)
    throw new NotASheet("invalid_empty_sheet", "KPI が一件もありません。KPI のあるシートを指定してください");
}
