// 徳島県's 主要事業等評価シート (round 22: tokushima-shuyo): a project's summary after 「●」 and its numeric
// target after 「○」 in one cell, the target's years as circled numbers or in square brackets.
import { describe, expect, it } from "vitest";
import { splitPlanTarget } from "./plan-target-lines.ts";

describe("a project's cell with its target after 「○」", () => {
  it("splits the summary, the indicator, the baseline and the final target with their years", () => {
    expect(
      splitPlanTarget(
        "●サテライトオフィスの取組みを支援します。<br>○サテライトオフィス進出地域の拡大(累計)<br>㉓1市町村→㉖4市町村",
        2013,
      ),
    ).toEqual({
      summary: "サテライトオフィスの取組みを支援します。",
      name: "サテライトオフィス進出地域の拡大(累計)",
      baseline: { text: "1市町村", period: { year: 2011, basis: "fiscal" } },
      final: { text: "4市町村", period: { year: 2014, basis: "fiscal" } },
    });
  });

  it("reads a target in words with its year in square brackets, and a dash for no baseline", () => {
    expect(splitPlanTarget("●航路の開設を図ります。○定期航路の新規開設[26]開設", 2013)).toMatchObject({
      name: "定期航路の新規開設",
      baseline: null,
      final: { text: "開設", period: { year: 2014 } },
    });
    expect(splitPlanTarget("●支援します。○事例数(累計)㉓-→㉖19事例", 2013)?.baseline?.text).toBe("-");
    // ㉑ is the first of the circled numbers after ⑳ (a block of its own in Unicode).
    expect(splitPlanTarget("●推進します。○利用者数⑳10人→㉑20人", 2009)).toMatchObject({
      baseline: { text: "10人", period: { year: 2008 } },
      final: { text: "20人", period: { year: 2009 } },
    });
  });

  it("reads nothing when the cell is not so written or a year falls far from the sheet's", () => {
    expect(splitPlanTarget("新規就農者数 H26年1.54→H31年1.68", 2015)).toBeNull();
    expect(splitPlanTarget("●支援します。○新規就農者数", 2015)).toBeNull();
    // In a sheet of 令和5年度 (2023) the circled ㉖ would be 令和26 (2044): not the sheet's era.
    expect(splitPlanTarget("●支援します。○立地件数㉓0件→㉖3件", 2023)).toBeNull();
  });
});
