import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedClock } from "./clock.ts";
import {
  calendarYear,
  calendarYearOf,
  calendarYearToWareki,
  currentFiscalYear,
  fiscalYear,
  fiscalYearOf,
  fiscalYearToWareki,
  formatCalendarYearJa,
  formatFiscalYearJa,
  formatPeriodJa,
  type Period,
  parsePeriod,
  periodToWareki,
  readPeriod,
} from "./period.ts";

const fy = (year: number): Period => ({ year, basis: "fiscal" });
const cy = (year: number): Period => ({ year, basis: "calendar" });

describe("parsePeriod", () => {
  it("reads 年度 as fiscal and 年 as calendar", () => {
    expect(parsePeriod("令和4年度")).toEqual(fy(2022));
    expect(parsePeriod("令和2年")).toEqual(cy(2020));
    expect(parsePeriod("2020年度")).toEqual(fy(2020));
    expect(parsePeriod("2020年")).toEqual(cy(2020));
  });

  it("reads 元年 and every era", () => {
    expect(parsePeriod("令和元年度")).toEqual(fy(2019));
    expect(parsePeriod("平成元年")).toEqual(cy(1989));
    expect(parsePeriod("昭和63年度")).toEqual(fy(1988));
    expect(parsePeriod("大正15年")).toEqual(cy(1926));
    expect(parsePeriod("明治45年")).toEqual(cy(1912));
  });

  it("reads abbreviations, with the default basis when 年/年度 is absent", () => {
    expect(parsePeriod("R4")).toEqual(fy(2022));
    expect(parsePeriod("H29")).toEqual(fy(2017));
    expect(parsePeriod("R4年度")).toEqual(fy(2022));
    expect(parsePeriod("S63年")).toEqual(cy(1988));
    expect(parsePeriod("T10")).toEqual(fy(1921));
    expect(parsePeriod("M30")).toEqual(fy(1897));
    // Era initials are capitals: "m2" after a number is square metres, not 明治2.
    expect(parsePeriod("m2")).toBeNull();
    expect(parsePeriod("R.4")).toEqual(fy(2022));
    expect(parsePeriod("R4", "calendar")).toEqual(cy(2022));
  });

  it("reads parentheses (also full-width), full-width digits and 末/時点", () => {
    expect(parsePeriod("(H27年度)")).toEqual(fy(2015));
    expect(parsePeriod("（令和３年度）")).toEqual(fy(2021));
    expect(parsePeriod("２０２０年度")).toEqual(fy(2020));
    expect(parsePeriod("令和3年度末")).toEqual(fy(2021));
    expect(parsePeriod("令和3年度末時点")).toEqual(fy(2021));
    expect(parsePeriod("令和 3 年度")).toEqual(fy(2021));
  });

  it("reads 平成 years past 31 (平成32年度 = 2020)", () => {
    expect(parsePeriod("平成31年度")).toEqual(fy(2019));
    expect(parsePeriod("平成32年度")).toEqual(fy(2020));
    expect(parsePeriod("H34")).toEqual(fy(2022));
  });

  it("puts a month into the fiscal year that contains it", () => {
    expect(parsePeriod("令和4年3月末")).toEqual(fy(2021));
    expect(parsePeriod("令和4年4月1日")).toEqual(fy(2022));
  });

  it("tells 'not a period' from 'a period written wrong'", () => {
    expect(readPeriod("見込み").kind).toBe("none");
    expect(readPeriod("").kind).toBe("none");
    expect(readPeriod("令和0年度").kind).toBe("bad");
    expect(readPeriod("令和年度").kind).toBe("bad");
    expect(readPeriod("令和4年13月").kind).toBe("bad");
    expect(readPeriod("2020年度度").kind).toBe("bad");
    expect(parsePeriod("令和年度")).toBeNull();
  });
});

describe("writing periods", () => {
  it("writes fiscal and calendar years in wareki, 元 for year 1", () => {
    expect(fiscalYearToWareki(fiscalYear(2022))).toBe("令和4年度");
    expect(fiscalYearToWareki(fiscalYear(2019))).toBe("令和元年度");
    expect(fiscalYearToWareki(fiscalYear(2018))).toBe("平成30年度");
    expect(fiscalYearToWareki(fiscalYear(1988))).toBe("昭和63年度");
    expect(calendarYearToWareki(calendarYear(2020))).toBe("令和2年");
    expect(calendarYearToWareki(calendarYear(1850))).toBe("1850年");
    expect(periodToWareki(cy(2021))).toBe("令和3年");
  });

  it("writes the UI label with the Gregorian year beside it", () => {
    expect(formatFiscalYearJa(fiscalYear(2022))).toBe("令和4年度（2022年度）");
    expect(formatCalendarYearJa(calendarYear(2019))).toBe("令和元年（2019年）");
    expect(formatPeriodJa(fy(2020))).toBe("令和2年度（2020年度）");
  });

  it("property: wareki text → period → wareki text is the identity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 2200 }), fc.boolean(), (year, fiscal) => {
        const text = fiscal ? fiscalYearToWareki(fiscalYear(year)) : calendarYearToWareki(calendarYear(year));
        const p = parsePeriod(text);
        expect(p).toEqual(fiscal ? fy(year) : cy(year));
        expect(periodToWareki(p!)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("fiscal year of a date", () => {
  it("runs April to March, in Japan time", () => {
    expect(fiscalYearOf(new Date("2023-03-31T12:00:00+09:00"))).toBe(2022);
    expect(fiscalYearOf(new Date("2023-04-01T00:00:00+09:00"))).toBe(2023);
    // 2023-03-31T15:00Z is 1 April in Japan.
    expect(fiscalYearOf(new Date("2023-03-31T15:00:00Z"))).toBe(2023);
    expect(calendarYearOf(new Date("2022-12-31T15:00:00Z"))).toBe(2023);
  });

  it("takes now from the clock", () => {
    expect(currentFiscalYear(fixedClock("2026-02-01T00:00:00+09:00"))).toBe(2025);
  });

  it("keeps fiscal and calendar years apart at compile time", () => {
    const f = fiscalYear(2022);
    // @ts-expect-error a CalendarYear is not a FiscalYear
    fiscalYearToWareki(calendarYear(2022));
    // @ts-expect-error a bare number is not a FiscalYear
    fiscalYearToWareki(2022);
    expect(fiscalYearToWareki(f)).toBe("令和4年度");
  });
});
