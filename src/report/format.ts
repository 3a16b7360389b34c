/**
 * Japanese formatting for the renderers. Years and numbers come from src/core (period.ts,
 * value/format.ts); only what core does not have (axis labels, percentages) is written here.
 */
import { fiscalYear, formatFiscalYearJa, type Period, periodToWareki } from "../core/period.ts";
import { formatNumberJa } from "../core/value/format.ts";

/** 2022 → "令和4年度（2022年度）". */
export const fiscalYearLabel = (year: number): string => formatFiscalYearJa(fiscalYear(year));

/** 2022 → "令和4年度" (short, for table headers). */
export const fiscalYearShort = (year: number): string => periodToWareki({ year, basis: "fiscal" });

/** A value's period as printed: fiscal → "令和4年度", calendar → "令和4年". */
export const periodLabel = (p: Period): string => periodToWareki(p);

/** 3桁区切り, rounded to `maxFractionDigits` (for computed numbers such as axis ticks). */
export function formatNumber(n: number, maxFractionDigits = 2): string {
  const f = 10 ** maxFractionDigits;
  return formatNumberJa(Math.round(n * f) / f);
}

/** A ratio (1 = 100%) as "95.3%". */
export const formatPercent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

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
