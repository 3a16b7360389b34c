// Round 15's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";
import { nationalEffectCategory } from "./parse-evaluation-label.ts";
import { fiscalYearOfMonth } from "./target-month.ts";
import { markdownTable as md } from "./test-markdown.ts";

const HEAD = [
  "No",
  "交付対象事業の名称",
  "実績額",
  "指標",
  "指標値",
  "単位",
  "目標年月",
  "実績値",
  "事業効果",
];

describe("round 15", () => {
  it("no year in a header or the title: the one fiscal year every 目標年月 names (「H28.3」: fiscal 2015)", async () => {
    const r = await importSheet(
      md(
        ["事業実施結果報告"],
        [
          HEAD,
          [
            "1",
            "お試し暮らし事業",
            "6,480,000",
            "利用件数",
            "2",
            "件",
            "H28.3",
            "3",
            "地方創生に非常に効果的であった",
          ],
          [
            "2",
            "販路拡大事業",
            "8,100,000",
            "販売個数",
            "9,000",
            "個",
            "H28.3",
            "7,240",
            "地方創生に効果があった",
          ],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2015);
    expect(r.report.issues.some((i) => i.kind === "fiscal_year_from_target_month")).toBe(true);
    expect(fiscalYearOfMonth("平成28年3月")).toBe(2015);
    expect(fiscalYearOfMonth("2016年4月")).toBe(2016);
    expect(fiscalYearOfMonth("H28")).toBeNull();
  });

  it("the national form's four labels, with no legend, each have their defined category; a legend decides first", async () => {
    const r = await importSheet(
      md(
        ["事業実施結果報告(平成27年度)"],
        [
          HEAD,
          ["1", "a事業", "1", "利用件数", "2", "件", "H28.3", "3", "地方創生に非常に効果的であった"],
          ["2", "b事業", "1", "販売個数", "10", "個", "H28.3", "8", "地方創生に相当程度効果があった"],
          ["3", "c事業", "1", "相談件数", "10", "件", "H28.3", "4", "地方創生に対して効果がなかった"],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
    expect(nationalEffectCategory("本事業は地方創生に効果があった")).toBe("delayed");
    expect(nationalEffectCategory("効果があった")).toBeNull();
  });

  it("a form's column numbers: inside a header's words (「①交付対象事業の名称」) or a row of their own, repeated on each page", async () => {
    expect(recogniseHeader("①交付対象事業の名称").field).toBe("initiatives");
    // 「…(KPI) 目標年月」: the target's date under the KPI's group, not the indicator.
    expect(recogniseHeader("本事業における重要業績評価指標(KPI) 目標年月").field).toBe("extra");
    const numbers = ["No", "①", "②", "③", "④", "", "", "", "⑤", "⑥"];
    const r = await importSheet(
      md(
        ["事業実施結果報告(平成27年度)"],
        [
          HEAD,
          ["1", "a事業", "1", "利用件数", "2", "件", "H28.3", "3", "地方創生に非常に効果的であった"],
          numbers,
          ["2", "b事業", "1", "販売個数", "10", "個", "H28.3", "8", "地方創生に相当程度効果があった"],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.indicator)).toEqual(["利用件数", "販売個数"]);
  });

  it("an empty slot 「指標②」 is no KPI, and a project with no indicator none either; 「単位:円」 under a group is a note", async () => {
    const r = await importSheet(
      md(
        ["事業実施結果報告(平成27年度)"],
        [
          [
            "No",
            "交付対象事業の名称",
            "実績額",
            "本事業における重要業績評価指標(KPI)",
            "",
            "",
            "",
            "実績値",
            "事業効果",
          ],
          ["", "", "単位:円", "指標", "指標値", "単位", "目標年月", "", ""],
          ["1", "総合戦略策定事業", "2,673,000", "指標①", "", "", "", "", ""],
          ["", "", "", "指標②", "", "", "", "", ""],
          [
            "2",
            "a事業",
            "6,480,000",
            "指標① 利用件数",
            "2",
            "件",
            "H28.3",
            "3",
            "地方創生に非常に効果的であった",
          ],
          ["", "", "", "指標②", "", "", "", "", ""],
          [
            "3",
            "b事業",
            "8,100,000",
            "指標① 販売個数",
            "9,000",
            "個",
            "H28.3",
            "7,240",
            "地方創生に効果があった",
          ],
        ],
      ),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.initiatives[0], k.indicator, k.unit])).toEqual([
      ["a事業", "利用件数", "件"],
      ["b事業", "販売個数", "個"],
    ]);
  });
});
