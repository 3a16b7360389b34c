// Header cells as cities print them, recognised by construction rather than one layout at a time:
// a word and a year joined either way round (「R4実績値」, 「実績(R4)」, 「目標値（令和６年度）」), full-width
// and half-width, spaces and line breaks inside words, units and roles in brackets, two names of one
// year (「H31・R1」, 「2019(R1)年度」), points in a year (「H26当初」, 「H30末」).
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";

const cases: [header: string, field: string, year: number | null, unit?: string | null][] = [
  // The indicator, however it is named; 「KPIの…」 names something about it.
  ["指 標 名", "indicator", null],
  ["ＫＰＩ（重要業績評価指標）", "indicator", null],
  ["重要業績評価指標(KPI)", "indicator", null, null],
  ["計画の成果目標(定量的指標)", "indicator", null],
  ["KPIの出典", "extra", null],
  ["KPIの進捗", "evaluation", null],
  ["KPIの進捗の詳細", "extra", null],
  ["KPI評価", "evaluation", null],
  ["指標評価", "evaluation", null],
  ["指標値", "target", null],
  ["定量的指標の定義及び算定式", "extra", null],
  // Targets and the final target.
  ["目標値<br>（R6）", "target", 2024],
  ["R6目標", "target", 2024],
  ["令和６年度目標値", "target", 2024],
  ["最終目標(R6)", "finalTarget", 2024],
  ["最終目標値 (H30末)", "finalTarget", 2018],
  ["中間目標値 (H28末)", "target", 2016],
  // Actuals, this year's under any name; last year's are not this year's.
  ["R4 実績値", "actual", 2022],
  ["R 4 実 績", "actual", 2022],
  ["令和4年度<br>実績", "actual", 2022],
  ["実績(R4)", "actual", 2022],
  ["実績値（2022年度）", "actual", 2022],
  ["最新の数値", "actual", null],
  ["直近値(R4)", "actual", 2022],
  ["前年度実績", "extra", null],
  // Baselines, including 「実績(基準)」 and 「当初現況値」.
  ["基準値（H30）", "baseline", 2018],
  ["現状値(H30)", "baseline", 2018],
  ["計画策定時の値", "baseline", null],
  ["H29実績(基準)", "baseline", 2017],
  ["当初現況値 (H26当初)", "baseline", 2014],
  // What will be done better, and the status in words, are no rating (round 9: 石巻市, 石垣市).
  ["平成28年度実績評価時の主な改善点", "nextSteps", 2016],
  ["改善点・効果を高めるための工夫点", "nextSteps", null],
  ["達成状況説明", "status", null],
  ["総合評価", "evaluation", null],
  ["区分(単位:円)", "extra", null, "円"],
  // Years alone are year columns; the year of a value is no value.
  ["2022年度", "year", 2022],
  ["令和元年度", "year", 2019],
  ["H31・R1年度", "year", 2019],
  ["2019(R1)年度", "year", 2019],
  ["(H30末)", "year", 2018],
  ["目標年度", "extra", null],
  ["基準年度", "extra", null],
  // Rates, evaluations, directions, departments, units.
  ["達成率(%)", "rate", null, null],
  ["目標達成率", "rate", null],
  ["評価(A～D)", "evaluation", null, null],
  ["担当課評価", "evaluation", null],
  ["目標達成状況(ポイント)", "evaluation", null],
  ["目標の方向", "direction", null],
  ["担当課名", "departments", null],
  ["単 位", "unit", null],
  ["観光客数(千人)", "extra", null, "千人"],
  ["実績値(人)", "actual", null, "人"],
  // Levels of the plan, even with 目標 in their names.
  ["施策目標", "measure", null],
  ["基本目標", "goal", null],
  ["施策の方向性", "initiatives", null],
  ["方向性", "direction", null],
  // The vocabulary sweep (fixtures/layouts/VOCABULARY.md): words other cities print.
  ["初期値(計画策定時)", "baseline", null],
  ["初期値", "baseline", null],
  ["現状", "baseline", null],
  ["最終達成( 年度)", "finalTarget", null],
  ["25年度計画", "target", null],
  ["R5予定", "target", 2023],
  ["28年度見込み", "extra", null],
  ["目標(指標)名", "indicator", null],
  ["目標(指標)の説明", "extra", null],
  ["取組における進捗状況", "status", null],
  ["翌年度の取組", "nextSteps", null],
  ["自己評価", "evaluation", null],
  ["進捗率(中間目標値に対して)", "rate", null],
  ["R5実績見込", "extra", 2023],
  ["実績(見込)", "extra", null],
  // Round 19: a western year glued before the role (本宮市 施策評価).
  ["2017近況値", "baseline", 2017],
  ["2019実績値", "actual", 2019],
  ["2023目標値", "target", 2023],
  // The plan's levels under other plans' names (stop 30): none is a value, nor kept as an extra.
  ["大項目", "goal", null],
  ["中項目", "subgoal", null],
  ["小項目", "measure", null],
  ["基本的な方向", "subgoal", null],
  ["柱", "subgoal", null],
  ["基本の柱", "subgoal", null],
  ["政策名", "goal", null],
  ["基本政策", "goal", null],
  ["重点分野", "goal", null],
  ["基本戦略", "goal", null],
  ["戦略目標", "goal", null],
  ["横断的な目標", "goal", null],
  // …while a target named by its year or 値 stays a target.
  ["戦略目標値", "target", null],
  ["目標(R6)", "target", 2024],
];

describe("header cells of any city's sheet", () => {
  it.each(cases)("「%s」 → %s (year %s)", (header, field, year, unit) => {
    const m = recogniseHeader(header);
    expect(m.field).toBe(field);
    expect(m.period?.year ?? null).toBe(year);
    if (unit !== undefined) expect(m.unit).toBe(unit);
  });
});

describe("a header marked for a footnote under the table", () => {
  it.each([
    ["単位※1", "unit"],
    ["項目(注2)", "indicator"],
    ["分野＊", "goal"],
    ["現状※", "baseline"],
  ])("「%s」 is read as its words: %s", (text, field) => expect(recogniseHeader(text).field).toBe(field));
  it("keeps the year the header prints", () =>
    expect(recogniseHeader("令和4年度実績値※1").period?.year).toBe(2022));
});
