import { describe, expect, it } from "vitest";
import { earlierPrintedYears } from "./printed-years.ts";
import type { Kpi, Value } from "./sheet.ts";

const n = (value: number, year: number): Value => ({
  kind: "number",
  value,
  unit: "冊",
  period: { year, basis: "fiscal" },
});
const missing: Value = { kind: "missing" };
const kpi = (years: Kpi["years"]): Kpi => ({ years }) as Kpi;

describe("earlierPrintedYears", () => {
  it("takes the years before the sheet's own, oldest first, none of the sheet's own year or later", () => {
    const got = earlierPrintedYears([
      {
        fiscalYear: 2006,
        kpi: kpi([
          { year: 2005, target: missing, actual: n(3.1, 2005) },
          { year: 2004, target: missing, actual: n(3, 2004) },
          { year: 2006, target: missing, actual: n(3.3, 2006) },
          { year: 2008, target: n(3.5, 2008), actual: missing },
        ]),
      },
    ]);
    expect(got).toEqual([
      { year: 2004, target: missing, actual: n(3, 2004), printedIn: 2006 },
      { year: 2005, target: missing, actual: n(3.1, 2005), printedIn: 2006 },
    ]);
  });

  it("never shadows a stored year, drops empty columns, and takes a year printed twice from the later sheet", () => {
    const got = earlierPrintedYears([
      {
        fiscalYear: 2018,
        kpi: kpi([
          { year: 2016, target: missing, actual: n(12, 2016) },
          { year: 2017, target: missing, actual: n(99, 2017) },
        ]),
      },
      {
        fiscalYear: 2017,
        kpi: kpi([
          { year: 2015, target: missing, actual: missing },
          { year: 2016, target: missing, actual: n(11, 2016) },
        ]),
      },
    ]);
    expect(got).toEqual([{ year: 2016, target: missing, actual: n(12, 2016), printedIn: 2018 }]);
  });

  it("gives nothing for a KPI whose sheets print no year columns", () => {
    expect(earlierPrintedYears([{ fiscalYear: 2022, kpi: kpi(undefined) }])).toEqual([]);
  });
});
