import type { Period } from "../core/period.ts";
import { findYear } from "./header-years.ts";

/**
 * 「H26:0.9ha」, 「平成26年度:45人」, 「2014年度：3,200人」 (四万十市's KPI lines 「H26:0.9ha →H31:12ha」): a value
 * cell that opens with its own year and a colon — the year is the value's period, the rest the value.
 * Only a year alone before the colon, and a figure right after it: 「目標:10件」 or 「H26:なし」 are not this.
 */
const YEAR_COLON =
  /^((?:令和|平成|[RH])(?:元|\d{1,2})(?:年度?)?|(?:19|20)\d{2}年度?)\s*[:：]\s*(?=[▲△+\-−]?[\d０-９])/;

export function leadingYearColon(line: string): { period: Period; rest: string } | null {
  const m = YEAR_COLON.exec(line.trim());
  if (!m) return null;
  let period: Period | null = null;
  try {
    const y = m[1]!;
    period = findYear(/[年度]$/.test(y) ? y : `${y}年度`);
  } catch {
    period = null;
  }
  return period ? { period, rest: line.trim().slice(m[0].length) } : null;
}

/**
 * 「目標値(R2.3)」, 「実績値(H28.3)」 (the national 交付金 forms' 目標年月 「H28.3」 put in the header): a year and a
 * month after a dot, in brackets — the fiscal year that month falls in (January to March close the year before).
 */
const BRACKETED_YEAR_MONTH = /[(（]((?:令和|平成|[RH])(?:元|\d{1,2}))[.．](\d{1,2})月?末?[)）]/;

export function bracketedYearMonth(header: string): Period | null {
  const m = BRACKETED_YEAR_MONTH.exec(header);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  let p: Period | null = null;
  try {
    p = findYear(`${m[1]}年度`);
  } catch {
    p = null;
  }
  return p ? { year: month <= 3 ? p.year - 1 : p.year, basis: "fiscal" } : null;
}
