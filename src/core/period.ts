import type { Brand } from "./brand.ts";

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
export const periodOfCalendarYear = (year: CalendarYear): Period => ({ year, basis: "calendar" });

export const samePeriod = (a: Period, b: Period): boolean => a.year === b.year && a.basis === b.basis;
