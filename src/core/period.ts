import type { Brand } from "./brand.ts";
import type { Clock } from "./clock.ts";
import { findEra, formatEraYear, gregorianToEraYear, warekiToGregorian } from "./wareki.ts";

/** A Gregorian fiscal year (年度, April to March): 令和4年度 = 2022. */
export type FiscalYear = Brand<number, "FiscalYear">;
/** A Gregorian calendar year (年, January to December): 令和4年 = 2022. */
export type CalendarYear = Brand<number, "CalendarYear">;

export type Basis = "fiscal" | "calendar";

/** The period a value refers to, as in sheet/1: `{ year: 2020, basis: "calendar" }`. */
export interface Period {
  readonly year: number;
  readonly basis: Basis;
}

export const fiscalYear = (year: number): FiscalYear => year as FiscalYear;
export const calendarYear = (year: number): CalendarYear => year as CalendarYear;

export const periodOfFiscalYear = (year: FiscalYear): Period => ({ year, basis: "fiscal" });

export const samePeriod = (a: Period, b: Period): boolean => a.year === b.year && a.basis === b.basis;

// --- Reading and writing periods -------------------------------------------------------------

/** The outcome of reading a period text: a period, not a period at all, or a period written wrong. */
export type PeriodReading =
  | { kind: "period"; period: Period }
  | { kind: "none" }
  | { kind: "bad"; reason: string; reasonEn: string };

const ERA_TOKEN = "(明治|大正|昭和|平成|令和|[MTSHR])";
const SUFFIX = "(?:末時点|末現在|末日|末|時点|現在|当初|実績|見込み?)?";
const ERA_PERIOD = new RegExp(
  `^${ERA_TOKEN}\\.?(\\d{1,3}|元)(?:(年度|年)(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?)?${SUFFIX}$`,
);
const WESTERN_PERIOD = new RegExp(`^(\\d{4})(年度|年)(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?${SUFFIX}$`);
const FY_PERIOD = /^FY ?(\d{4})$/i;
/** Text that begins like a period (so a mistake in it is a bad period, not some other note). */
const LOOKS_LIKE_PERIOD = /^(?:明治|大正|昭和|平成|令和|[MTSHR]\.?\d|\d+年|FY)/;
/** A range of years (`令和2～6年度`) is not one period. */
const RANGE = /[～~〜]|年度?-|\d-\d/;

/**
 * Reads a period as printed in a plan: `令和4年度`, `R4`, `(H27年度)`, `2020年度`, `令和2年`,
 * `令和元年度`, `平成32年度`, `令和3年度末`, full-width digits and parentheses.
 * `年度` → fiscal, `年` → calendar; with neither (`R4`, `H29`) the `defaultBasis` (fiscal).
 * A month (`令和4年3月末`) names the fiscal year containing that month (令和3年度): the sheets
 * compare against fiscal-year columns, and a 3月末 count closes the fiscal year.
 */
export function readPeriod(text: string, defaultBasis: Basis = "fiscal"): PeriodReading {
  let t = text.normalize("NFKC").replace(/\s+/g, "");
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1]!;
  if (t === "") return { kind: "none" };
  const era = ERA_PERIOD.exec(t);
  if (era) {
    const e = findEra(era[1]!)!;
    const n = era[2] === "元" ? 1 : Number(era[2]);
    if (n < 1)
      return {
        kind: "bad",
        reason: `${e.name}${era[2]}年はありません`,
        reasonEn: `there is no year 0 of ${e.name}`,
      };
    return dated(warekiToGregorian(e, n), era[3], era[4], era[5], defaultBasis);
  }
  const west = WESTERN_PERIOD.exec(t);
  if (west) {
    const y = Number(west[1]);
    if (y < 1000)
      return { kind: "bad", reason: `年が読めません: ${west[1]}`, reasonEn: `not a year: ${west[1]}` };
    return dated(y, west[2], west[3], west[4], defaultBasis);
  }
  const fy = FY_PERIOD.exec(t);
  if (fy) return { kind: "period", period: { year: Number(fy[1]), basis: "fiscal" } };
  if (LOOKS_LIKE_PERIOD.test(t) && !RANGE.test(t))
    return {
      kind: "bad",
      reason: `年・年度として読めません: ${t}`,
      reasonEn: `not a year or fiscal year: ${t}`,
    };
  return { kind: "none" };
}

function dated(
  year: number,
  yearWord: string | undefined,
  month: string | undefined,
  day: string | undefined,
  defaultBasis: Basis,
): PeriodReading {
  if (month !== undefined) {
    const m = Number(month);
    const d = day === undefined ? 1 : Number(day);
    if (yearWord !== "年" || m < 1 || m > 12 || d < 1 || d > 31)
      return { kind: "bad", reason: `日付として読めません`, reasonEn: "not a valid date" };
    return { kind: "period", period: { year: m < 4 ? year - 1 : year, basis: "fiscal" } };
  }
  const basis: Basis = yearWord === "年度" ? "fiscal" : yearWord === "年" ? "calendar" : defaultBasis;
  return { kind: "period", period: { year, basis } };
}

/** `readPeriod` for callers that only want the period: null when the text is not a period. */
export function parsePeriod(text: string, defaultBasis: Basis = "fiscal"): Period | null {
  const r = readPeriod(text, defaultBasis);
  return r.kind === "period" ? r.period : null;
}

/** Fiscal year text: 2022 → "令和4年度", 2019 → "令和元年度" (era rule: see gregorianToEraYear). */
export function fiscalYearToWareki(year: FiscalYear): string {
  const e = gregorianToEraYear(year);
  return e ? `${formatEraYear(e)}年度` : `${year}年度`;
}

/** Calendar year text: 2020 → "令和2年", 2019 → "令和元年". */
export function calendarYearToWareki(year: CalendarYear): string {
  const e = gregorianToEraYear(year);
  return e ? `${formatEraYear(e)}年` : `${year}年`;
}

/** "令和4年度" or "令和2年" according to the period's basis. */
export const periodToWareki = (p: Period): string =>
  p.basis === "fiscal" ? fiscalYearToWareki(fiscalYear(p.year)) : calendarYearToWareki(calendarYear(p.year));

/** For the UI: "令和4年度（2022年度）". */
export const formatFiscalYearJa = (year: FiscalYear): string => `${fiscalYearToWareki(year)}（${year}年度）`;

/** For the UI: "令和2年（2020年）". */
export const formatCalendarYearJa = (year: CalendarYear): string =>
  `${calendarYearToWareki(year)}（${year}年）`;

/** For the UI: "令和4年度（2022年度）" or "令和2年（2020年）". */
export const formatPeriodJa = (p: Period): string =>
  p.basis === "fiscal" ? formatFiscalYearJa(fiscalYear(p.year)) : formatCalendarYearJa(calendarYear(p.year));

/** The Japan-time (UTC+9) calendar date parts of an instant. */
function jstParts(date: Date): { year: number; month: number } {
  const jst = new Date(date.getTime() + 9 * 3600_000);
  return { year: jst.getUTCFullYear(), month: jst.getUTCMonth() + 1 };
}

/** The fiscal year (April to March, Japan time) an instant falls in: 2023-03-31 → 2022. */
export function fiscalYearOf(date: Date): FiscalYear {
  const { year, month } = jstParts(date);
  return fiscalYear(month >= 4 ? year : year - 1);
}

/** The calendar year (Japan time) an instant falls in. */
export const calendarYearOf = (date: Date): CalendarYear => calendarYear(jstParts(date).year);

/** The fiscal year now, by the clock passed in. */
export const currentFiscalYear = (clock: Clock): FiscalYear => fiscalYearOf(clock.now());
