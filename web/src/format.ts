/** Numbers and values the Japanese way: 3桁区切り, 万/億 where a person would write them. */
import {
  type FiscalYear,
  formatFiscalYearJa,
  formatPeriodJa,
  type Period,
  periodToWareki,
  samePeriod,
} from "../../src/core/period.ts";
import type { Category, Value } from "../../src/core/sheet.ts";

const group = (n: number, maxFrac = 2) =>
  n.toLocaleString("ja-JP", { maximumFractionDigits: maxFrac, minimumFractionDigits: 0 });

/** 1202500000000 → "1兆2,025億", 3050000000 → "30億5,000万", 1250000 → "125万", 18225 → "18,225". */
export function formatNumberJa(v: number): string {
  const abs = Math.abs(v);
  const sign = v < 0 ? "-" : "";
  if (abs >= 1e8 && Number.isInteger(abs)) {
    const oku = Math.floor(abs / 1e8);
    const man = Math.round((abs % 1e8) / 1e4);
    if ((abs % 1e4 === 0 || abs >= 1e10) && man === 0) return `${sign}${group(oku)}億`;
    if (abs % 1e4 === 0) return `${sign}${group(oku)}億${group(man)}万`;
    return `${sign}${group(abs / 1e8, 1)}億`;
  }
  if (abs >= 1e6 && abs % 1e4 === 0) return `${sign}${group(abs / 1e4)}万`;
  return `${sign}${group(abs)}`;
}

export function formatValueJa(v: Value | undefined | null): string {
  if (!v) return "—";
  switch (v.kind) {
    case "number":
      return `${formatNumberJa(v.value)}${v.unit ?? ""}`;
    case "segmented":
      return v.segments.map((s) => `${s.label} ${formatNumberJa(s.value)}${s.unit ?? ""}`).join("、");
    case "text":
      return v.text;
    case "missing":
      return "—";
  }
}

/** "18,225人（令和4年度）" */
export function formatValueWithPeriod(v: Value): string {
  const base = formatValueJa(v);
  if (v.kind === "number" || v.kind === "segmented") return `${base}（${formatPeriodJa(v.period)}）`;
  return base;
}

/**
 * A value in a sheet column, as the value and the period apart (tables put the period on a line of
 * its own): the period only where the cell names one other than the column's (`12,025億円`,
 * `令和2年` in the 令和4年度 column), as the printed sheet does. Without a column period (the final
 * target), the value's own period is always given.
 */
export function valueInColumnParts(
  v: Value,
  column: Period | null,
): { value: string; period: string | null } {
  const value = formatValueJa(v);
  if (v.kind !== "number" && v.kind !== "segmented") return { value, period: null };
  if (column && samePeriod(v.period, column)) return { value, period: null };
  return { value, period: periodToWareki(v.period) };
}

export const formatYear = (y: number, lang: "ja" | "en") =>
  lang === "ja" ? formatFiscalYearJa(y as FiscalYear) : `FY${y}`;

export const CATEGORY_COLORS: Record<Category, string> = {
  on_track: "#1b6e3a",
  mostly_on_track: "#2f6fb0",
  delayed: "#b3261e",
  not_evaluable: "#5f6368",
};
