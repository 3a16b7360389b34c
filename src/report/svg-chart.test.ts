/** The charts render to the same bytes for the same data (the printed sheet is printed once, whoever asks). */
import { describe, expect, it } from "vitest";
import type { GoalSummary } from "./summary.ts";
import { lineChartSvg, type Series, summaryChartSvg } from "./svg-chart.ts";

const counts = { on_track: 1, mostly_on_track: 2, delayed: 0, not_evaluable: 0, none: 0 };
const goals: GoalSummary[] = [
  { goal: { no: 1, title: "しごとをつくる" }, stated: counts, computed: counts, total: 3 },
];
const series: Series[] = [
  { name: "実績値", style: "actual", color: "#000", points: [{ x: 2021, y: 10, label: "10件" }] },
];

describe("chart ids", () => {
  it("are the same for the same chart, however often it is drawn", () => {
    expect(summaryChartSvg(goals)).toBe(summaryChartSvg(goals));
    expect(lineChartSvg(series, { title: "転入者数" })).toBe(lineChartSvg(series, { title: "転入者数" }));
  });

  it("differ between charts that show different things", () => {
    const id = (svg: string) => /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    expect(id(lineChartSvg(series, { title: "転入者数" }))).not.toBe(
      id(lineChartSvg(series, { title: "転出者数" })),
    );
  });
});
