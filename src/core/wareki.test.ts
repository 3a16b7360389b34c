import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ERAS,
  eraYearOnDate,
  findEra,
  formatEraYear,
  gregorianToEraYear,
  warekiToGregorian,
} from "./wareki.ts";

describe("wareki", () => {
  it("converts each era's 元年 and a later year to Gregorian", () => {
    expect(warekiToGregorian("明治", 1)).toBe(1868);
    expect(warekiToGregorian("明治", 45)).toBe(1912);
    expect(warekiToGregorian("大正", 1)).toBe(1912);
    expect(warekiToGregorian("大正", 15)).toBe(1926);
    expect(warekiToGregorian("昭和", 64)).toBe(1989);
    expect(warekiToGregorian("平成", 27)).toBe(2015);
    expect(warekiToGregorian("令和", 1)).toBe(2019);
    expect(warekiToGregorian("令和", 4)).toBe(2022);
  });

  it("accepts 平成 years that never existed but are printed in older plans", () => {
    expect(warekiToGregorian("平成", 31)).toBe(2019);
    expect(warekiToGregorian("平成", 32)).toBe(2020);
    expect(warekiToGregorian("平成", 37)).toBe(2025);
  });

  it("finds eras by name and by Latin initial, either case", () => {
    expect(findEra("令和")?.firstYear).toBe(2019);
    expect(findEra("R")?.name).toBe("令和");
    expect(findEra("h")?.name).toBe("平成");
    expect(findEra("S")?.name).toBe("昭和");
    expect(findEra("T")?.name).toBe("大正");
    expect(findEra("M")?.name).toBe("明治");
    expect(findEra("X")).toBeNull();
  });

  it("refuses era year 0 and fractions", () => {
    expect(() => warekiToGregorian("令和", 0)).toThrow(RangeError);
    expect(() => warekiToGregorian("令和", 1.5)).toThrow(RangeError);
  });

  it("names a Gregorian year by the era in force on 31 December (2019 → 令和元)", () => {
    expect(formatEraYear(gregorianToEraYear(2019)!)).toBe("令和元");
    expect(formatEraYear(gregorianToEraYear(2018)!)).toBe("平成30");
    expect(formatEraYear(gregorianToEraYear(1989)!)).toBe("平成元");
    expect(formatEraYear(gregorianToEraYear(1988)!)).toBe("昭和63");
    expect(formatEraYear(gregorianToEraYear(1926)!)).toBe("昭和元");
    expect(formatEraYear(gregorianToEraYear(1912)!)).toBe("大正元");
    expect(formatEraYear(gregorianToEraYear(1868)!)).toBe("明治元");
    expect(gregorianToEraYear(1867)).toBeNull();
  });

  it("names the era in force on a given day, in Japan time", () => {
    expect(formatEraYear(eraYearOnDate(new Date("2019-04-30T12:00:00+09:00"))!)).toBe("平成31");
    expect(formatEraYear(eraYearOnDate(new Date("2019-05-01T00:00:00+09:00"))!)).toBe("令和元");
    // 2019-04-30T15:00Z is already 1 May in Japan.
    expect(formatEraYear(eraYearOnDate(new Date("2019-04-30T15:00:00Z"))!)).toBe("令和元");
    expect(formatEraYear(eraYearOnDate(new Date("1989-01-07T12:00:00+09:00"))!)).toBe("昭和64");
    expect(formatEraYear(eraYearOnDate(new Date("1989-01-08T12:00:00+09:00"))!)).toBe("平成元");
  });

  it("property: Gregorian → wareki → Gregorian is the identity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 2200 }), (y) => {
        const e = gregorianToEraYear(y)!;
        expect(warekiToGregorian(e.era, e.eraYear)).toBe(y);
      }),
      { numRuns: 200 },
    );
  });

  it("property: an era year within the era's real span → Gregorian → the same era year", () => {
    const inSpan = fc
      .constantFrom(...ERAS)
      .chain((era) =>
        fc.record({ era: fc.constant(era), n: fc.integer({ min: 2, max: era.lastEraYear ?? 80 }) }),
      );
    fc.assert(
      fc.property(inSpan, ({ era, n }) => {
        // Year 1 and the last year share a Gregorian year with the neighbour era; 2..last-1 do not…
        // except the last year, which belongs to the next era by the 31 December rule.
        const back = gregorianToEraYear(warekiToGregorian(era, n))!;
        if (era.lastEraYear !== null && n === era.lastEraYear) expect(back.eraYear).toBe(1);
        else expect([back.era.name, back.eraYear]).toEqual([era.name, n]);
      }),
      { numRuns: 200 },
    );
  });
});
