/**
 * Minimal Japanese formatting used by the renderers (3桁区切り, 令和N年度（YYYY年度）).
 * Eras come from src/core/wareki; number formatting is local until src/core/value/format lands.
 */
import type { Period } from "../core/period.ts";
import { formatEraYear, gregorianToEraYear } from "../core/wareki.ts";

/** 2022 → "令和4" ; 2019 → "令和元" (src/core/wareki). */
export function warekiYear(year: number): string {
  const e = gregorianToEraYear(year);
  return e ? formatEraYear(e) : String(year);
}

/** 2022 → "令和4年度（2022年度）". */
export const fiscalYearLabel = (year: number): string => `${warekiYear(year)}年度（${year}年度）`;

/** 2022 → "令和4年度" (short, for table headers). */
export const fiscalYearShort = (year: number): string => `${warekiYear(year)}年度`;

/** A value's period as printed: fiscal → "令和4年度", calendar → "令和4年". */
export const periodLabel = (p: Period): string =>
  p.basis === "fiscal" ? `${warekiYear(p.year)}年度` : `${warekiYear(p.year)}年`;

/** 1234567.5 → "1,234,567.5" (3桁区切り, no rounding beyond what the number carries). */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  return n.toLocaleString("ja-JP", { maximumFractionDigits: maxFractionDigits });
}

/** A ratio (1 = 100%) as "95.3%". */
export const formatPercent = (ratio: number): string =>
  `${(ratio * 100).toLocaleString("ja-JP", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;

/** Axis labels: 1202500000000 → "1兆2,025億", 1185000 → "118.5万", 850 → "850". */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (a >= 1e12) {
    const cho = Math.floor(a / 1e12);
    const oku = Math.round((a - cho * 1e12) / 1e8);
    return `${sign}${formatNumber(cho)}兆${oku > 0 ? `${formatNumber(oku)}億` : ""}`;
  }
  if (a >= 1e8) return `${sign}${formatNumber(a / 1e8, 1)}億`;
  if (a >= 1e4) return `${sign}${formatNumber(a / 1e4, 1)}万`;
  return `${sign}${formatNumber(a)}`;
}
