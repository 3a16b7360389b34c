/**
 * UI-only labels. Numbers and values are written by the core's formatter
 * (`src/core/value/format.ts`: formatQuantityJa, formatValueJa, valueInColumnParts), the same one
 * the report and the store use, so the web shows values exactly as the sheet prints them.
 */
import { type FiscalYear, formatFiscalYearJa } from "../../src/core/period.ts";
import type { Category } from "../../src/core/sheet.ts";

export const formatYear = (y: number, lang: "ja" | "en") =>
  lang === "ja" ? formatFiscalYearJa(y as FiscalYear) : `FY${y}`;

export const CATEGORY_COLORS: Record<Category, string> = {
  on_track: "#1b6e3a",
  mostly_on_track: "#2f6fb0",
  delayed: "#b3261e",
  not_evaluable: "#5f6368",
};
