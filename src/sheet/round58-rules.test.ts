import { describe, expect, it } from "vitest";
import { categoryOf } from "./legend-categories.ts";
import { round58Refusal } from "./round58-guards.ts";
import { withoutWordedAside } from "./round58-legend-words.ts";
import { isSectionCaption } from "./round58-section-captions.ts";
import { read } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];

describe("round 58: worded targets' asides in a legend, 目標に達していない, a 【数値目標】 caption under each goal", () => {
  it("passes over an aside on worded targets, not a threshold's parenthesis", () => {
    expect(withoutWordedAside("目標を達成(「増加」は基準値を上回ったもの、「維持」は基準値以上のもの)")).toBe(
      "目標を達成",
    );
    expect(withoutWordedAside("目標を達成( 増加 は基準値を上回ったもの)")).toBe("目標を達成");
    expect(withoutWordedAside("目標値を達成(減少を目標とする指標は基準値を下回ったもの)")).toBe(
      "目標値を達成",
    );
    expect(withoutWordedAside("目標をほぼ達成(8割以上達成)")).toBe("目標をほぼ達成(8割以上達成)");
    expect(categoryOf("◎", "目標を達成(「増加」は基準値を上回ったもの、「維持」は基準値以上のもの)")).toBe(
      "on_track",
    );
  });
  it("reads 「目標に達していない」 as delayed, not a denial that goes on to an advance", () => {
    expect(categoryOf("×", "目標に達していない")).toBe("delayed");
    expect(categoryOf("D", "目標値に届いていない")).toBe("delayed");
    expect(categoryOf("B", "目標に達していないが、基準値から改善している")).toBe("mostly_on_track");
  });
  it("knows a section caption, not a document's title", () => {
    expect(isSectionCaption("【数値目標】")).toBe(true);
    expect(isSectionCaption("【重要業績評価指標(KPI)】")).toBe(true);
    expect(isSectionCaption("○○市総合戦略 数値目標の検証結果(令和元年度)")).toBe(false);
  });
  const sheet = [
    "○○市総合戦略 検証結果(令和元年度)",
    "",
    "基本目標1 しごとをつくる",
    "",
    "【数値目標】",
    "",
    "| 指標 | 基準値(H26) | 現状値(R1) | 目標(R1) | 判定 |",
    "|---|---|---|---|---|",
    "| 就業者の割合 | 55.8% | 56.4% | 増加 | ◎ |",
    "| 市内就職割合 | 18.2% | 16.9% | 25.0% | × |",
    "",
    "【重要業績評価指標(KPI)】",
    "",
    "| 具体的な施策 | 指標 | 基準値(H26) | 現状値(R1) | 目標(R1) | 判定 |",
    "|---|---|---|---|---|---|",
    "| (1) 産業の振興 | 外貿の割合 | 31.4% | 33.0% | 増加 | ◎ |",
    "",
    "基本目標2 ひとを呼び込む",
    "",
    "【数値目標】",
    "",
    "| 指標 | 基準値(H26) | 現状値(R1) | 目標(R1) | 判定 |",
    "|---|---|---|---|---|",
    "| 転入者に占める若者の割合 | 46.3% | 47.1% | 増加 | ◎ |",
    "| 宿泊客の割合 | 21.5% | 20.8% | 維持 | × |",
    "",
    "【重要業績評価指標(KPI)】",
    "",
    "| 具体的な施策 | 指標 | 基準値(H26) | 現状値(R1) | 目標(R1) | 判定 |",
    "|---|---|---|---|---|---|",
    "| (1) 移住の促進 | 空き家バンクの成約率 | 42.0% | 58.3% | 60.0% | × |",
    "",
    "【判定】 ◎:目標を達成(「増加」は基準値を上回ったもの、「維持」は基準値以上のもの) ×:目標に達していない -:現状値が把握できないもの",
  ];
  for (const form of FORMS)
    it(`reads each goal's 【数値目標】 table as goals and the two-mark legend by its words (${form})`, async () => {
      const s = await read(sheet, form);
      expect(s.fiscalYear).toBe(2019);
      expect(s.scale?.bands.map((b) => [b.label, b.category])).toEqual([
        ["◎", "on_track"],
        ["×", "delayed"],
        ["-", "not_evaluable"],
      ]);
      expect((s.numericGoals ?? []).map((g) => [g.goal?.no, g.indicator, g.evaluation?.category])).toEqual([
        [1, "就業者の割合", "on_track"],
        [1, "市内就職割合", "delayed"],
        [2, "転入者に占める若者の割合", "on_track"],
        [2, "宿泊客の割合", "delayed"],
      ]);
      expect(s.kpis.map((k) => [k.goal.no, k.measure.no, k.indicator])).toEqual([
        [1, 1, "外貿の割合"],
        [2, 1, "空き家バンクの成約率"],
      ]);
      const worded = s.numericGoals?.[3]?.target;
      expect(worded?.kind === "text" ? worded.text : worded?.kind).toBe("維持");
    });
  it("refuses a KPI under a 【数値目標】 caption and a legend read against its words", async () => {
    const s = await read(sheet);
    const name = (k: { indicator: string }) => `指標「${k.indicator}」`;
    const table = { rows: [], outside: [{ row: 5, text: "【数値目標】" }] };
    const moved = { ...s, kpis: [{ ...s.kpis[0]!, row: 9 }] };
    expect(round58Refusal(moved, table, name)).toMatch(/数値目標」の見出し\(5行目\)/);
    // A sheet of 数値目標 only lists them as its KPIs (no goal was told apart): not this shape.
    expect(round58Refusal({ ...moved, numericGoals: [] }, table, name)).toBeNull();
    const bands = s.scale!.bands.map((b) =>
      b.label === "×" ? { ...b, category: "mostly_on_track" as const } : b,
    );
    expect(round58Refusal({ ...s, scale: { ...s.scale!, bands } }, { rows: [], outside: [] }, name)).toMatch(
      /目標に達していない/,
    );
    expect(round58Refusal(s, { rows: [], outside: [] }, name)).toBeNull();
  });
});
