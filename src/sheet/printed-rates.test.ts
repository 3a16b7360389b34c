import { describe, expect, it } from "vitest";
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import { checkPrintedRates } from "./printed-rates.ts";

const n = (value: number): Value => ({
  kind: "number",
  value,
  unit: "人",
  period: { year: 2022, basis: "fiscal" },
});
const none: Value = { kind: "missing" };
/** A KPI with what the check looks at: its figures and its printed rate (a ratio: 0.96 = 96%). */
const kpi = (row: number, f: { t?: number; a?: number; final?: number; b?: number; rate: number }): Kpi =>
  ({
    row,
    indicator: `指標${row}`,
    target: f.t === undefined ? none : n(f.t),
    actual: f.a === undefined ? none : n(f.a),
    finalTarget: f.final === undefined ? none : n(f.final),
    ...(f.b === undefined ? {} : { baseline: n(f.b) }),
    printedRate: f.rate,
  }) as Kpi;
const sheet = (kpis: Kpi[]): Sheet => ({
  format: "sheet/1",
  municipality: null,
  fiscalYear: 2022,
  source: null,
  kpis,
});
const check = (kpis: Kpi[]) => () => checkPrintedRates(sheet(kpis));

describe("printed 達成率 against the target and actual read", () => {
  it("passes rates of every kind a sheet prints: over the target, inverted, from the baseline, capped", () => {
    expect(
      check([
        kpi(1, { t: 100, a: 96, rate: 0.96 }),
        kpi(2, { t: 10, a: 12, rate: 0.833 }), // to lower: target ÷ actual
        kpi(3, { t: 50, a: 40, b: 30, rate: 0.5 }), // from the baseline
        kpi(4, { t: 130, a: 138, rate: 1 }), // at most 100%
        kpi(5, { final: 1000, a: 900, rate: 0.9 }), // over the final target
        kpi(6, { t: 1.62, a: 1.56, rate: 0.963 }),
      ]),
    ).not.toThrow();
  });

  it("refuses when most rates match no reading, naming an example", () => {
    const kpis = [
      kpi(1, { t: 500, a: 96, rate: 0.96 }),
      kpi(2, { t: 400, a: 61, rate: 1.22 }),
      kpi(3, { t: 100, a: 7, rate: 0.7 }),
      kpi(4, { t: 10, a: 9, rate: 0.9 }),
    ];
    expect(check(kpis)).toThrow(
      /達成率の欄が、読み取った目標値・実績値と4件中3件で合いません.*指標「指標1」\(1行目\) 達成率 96\.0%/,
    );
  });

  it("leaves one disagreeing rate to the audit (the sheet's own slip), and sheets of fewer than three rates", () => {
    expect(
      check([
        kpi(1, { t: 100, a: 96, rate: 0.96 }),
        kpi(2, { t: 50, a: 61, rate: 1.22 }),
        kpi(3, { t: 10, a: 7, rate: 0.5 }),
      ]),
    ).not.toThrow();
    expect(
      check([kpi(1, { t: 500, a: 96, rate: 0.96 }), kpi(2, { t: 400, a: 61, rate: 1.22 })]),
    ).not.toThrow();
  });
});
