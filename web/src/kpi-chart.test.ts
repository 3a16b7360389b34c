import { describe, expect, it } from "vitest";
import type { KpiDetail } from "../../src/core/api/index.ts";
import type { Value } from "../../src/core/sheet.ts";
import { chartPoints, historyRows } from "./kpi-chart.ts";

const num = (value: number, year: number, basis: "fiscal" | "calendar" = "fiscal"): Value => ({
  kind: "number",
  value,
  unit: "円",
  period: { year, basis },
});
const entry = (fiscalYear: number, target: Value, actual: Value) =>
  ({
    id: `${fiscalYear}-1`,
    fiscalYear,
    state: "published",
    target,
    actual,
    finalTarget: num(1_300_000_000_000, 2024),
    evaluation: { category: "on_track", covid: false },
    computed: "on_track",
  }) as KpiDetail["history"][number];

describe("the KPI chart", () => {
  it("places 12,025億円（令和2年）at 2020, not at FY2022", () => {
    const p = chartPoints(
      [entry(2022, num(1_250_000_000_000, 2022), num(1_202_500_000_000, 2020, "calendar"))],
      num(1_300_000_000_000, 2024),
    )!;
    expect(p.years).toEqual([2020, 2022, 2024]);
    expect(p.actual).toEqual([1_202_500_000_000, null, null]);
    expect(p.target).toEqual([null, 1_250_000_000_000, null]);
  });

  it("draws nothing for a text KPI (待機児童なし)", () => {
    const text: Value = { kind: "text", text: "待機児童なし" };
    expect(chartPoints([entry(2022, text, text), entry(2023, text, text)], text)).toBeNull();
  });

  it("draws the earlier years a sheet printed at their own periods; a stored year's value wins", () => {
    const printed = [
      {
        year: 2020,
        target: { kind: "missing" } as Value,
        actual: num(1_100_000_000_000, 2020),
        printedIn: 2022,
      },
      { year: 2021, target: num(1, 2021), actual: num(2, 2021), printedIn: 2022 },
    ];
    const stored = entry(2021, num(1_200_000_000_000, 2021), num(1_150_000_000_000, 2021));
    const p = chartPoints(
      [stored, entry(2022, num(1_250_000_000_000, 2022), { kind: "missing" })],
      {
        kind: "missing",
      },
      printed,
    )!;
    expect(p.years).toEqual([2020, 2021, 2022]);
    expect(p.actual).toEqual([1_100_000_000_000, 1_150_000_000_000, null]);
    expect(p.target).toEqual([null, 1_200_000_000_000, 1_250_000_000_000]);
    expect(historyRows([stored], printed).map((r) => [r.kind, r.year])).toEqual([
      ["printed", 2020],
      ["stored", 2021],
      ["printed", 2021],
    ]);
  });
});
