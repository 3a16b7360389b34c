import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { YearSheet } from "../../../src/core/api/index.ts";
import type { Value } from "../../../src/core/sheet.ts";
import { PrintedYearRow } from "./kpi-printed.tsx";
import { NumericGoalsSection, ScaleLegend } from "./sheet-printed.tsx";

const n = (value: number, unit: string, year: number): Value => ({
  kind: "number",
  value,
  unit,
  period: { year, basis: "fiscal" },
});
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const goals: YearSheet["numericGoals"] = [
  {
    goal: { no: 1, title: "しごとをつくる" },
    indicator: "市内従業者数",
    baseline: n(68000, "人", 2019),
    target: { kind: "missing" },
    actual: n(68900, "人", 2023),
    finalTarget: n(70000, "人", 2024),
  },
  {
    goal: { no: 2, title: "ひとの流れ" },
    indicator: "社会増減数",
    target: { kind: "missing" },
    actual: n(-120, "人", 2022),
    finalTarget: n(0, "人", 2024),
    evaluation: { category: "delayed", covid: false, label: "C" },
  },
];

describe("the sheet page's 数値目標 and legend", () => {
  it("lists each 基本目標's 数値目標 with baseline, actual and final target, each with its period", () => {
    const t = text(renderToStaticMarkup(<NumericGoalsSection goals={goals} fiscalYear={2023} />));
    expect(t).toContain("数値目標（基本目標ごと）");
    expect(t).toContain(
      "1 しごとをつくる 市内従業者数 68,000人 （令和元年度） 68,900人 70,000人 （令和6年度）",
    );
    // An actual of another period names it; a negative is written with ▲; the printed label shows.
    expect(t).toContain("2 ひとの流れ 社会増減数 － ▲120人 （令和4年度） 0人 （令和6年度） C");
  });

  it("shows nothing for a sheet that printed no 数値目標 or legend", () => {
    expect(renderToStaticMarkup(<NumericGoalsSection goals={[]} fiscalYear={2023} />)).toBe("");
    expect(renderToStaticMarkup(<ScaleLegend scale={null} />)).toBe("");
  });

  it("prints the city's legend: label, category, threshold and meaning", () => {
    const t = text(
      renderToStaticMarkup(
        <ScaleLegend
          scale={{
            basis: "ratio",
            source: "A:目標達成(100%以上) B:概ね順調(80%以上100%未満)",
            bands: [
              { label: "A", category: "on_track", min: 1, meaning: "目標達成(100%以上)" },
              { label: "B", category: "mostly_on_track", min: 0.8, meaning: "概ね順調(80%以上100%未満)" },
            ],
          }}
        />,
      ),
    );
    expect(t).toContain("A：順調に進捗（100%以上） — 目標達成(100%以上)");
    expect(t).toContain("B：概ね順調に進捗（80%以上） — 概ね順調(80%以上100%未満)");
  });

  it("marks a history row for an earlier year as printed on a later sheet, without an evaluation", () => {
    const row = (
      <table>
        <tbody>
          <PrintedYearRow
            entry={{ year: 2004, target: { kind: "missing" }, actual: n(3, "冊", 2004), printedIn: 2006 }}
          />
        </tbody>
      </table>
    );
    const t = text(renderToStaticMarkup(row));
    expect(t).toContain("平成16年度（2004年度）");
    expect(t).toContain("平成18年度（2006年度）のシートに記載（この年度は取り込まれていません）");
    expect(t).toContain("－ 3冊 — — —");
  });
});
