import { describe, expect, it } from "vitest";
import type { EvaluationScale, Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { readEvaluation } from "./general-values.ts";
import { readLegend } from "./read-legend.ts";
import { round39Refusal } from "./round39-guards.ts";

const abc: EvaluationScale = {
  bands: [
    { label: "A", category: "on_track", min: null, meaning: "目標を上回って達成" },
    { label: "B", category: "mostly_on_track", min: 0.8, meaning: "目標をおおむね達成" },
    { label: "C", category: "delayed", min: null, meaning: "目標を未達成" },
  ],
  basis: "ratio",
  source: "評価区分 A:目標を上回って達成 B:目標をおおむね達成 C:目標を未達成",
};

describe("round 39 rules", () => {
  it("「実績の説明」 explains the figure in words: the reason, never the actual", () => {
    expect(recogniseHeader("実績の説明").field).toBe("reason");
    expect(recogniseHeader("実績値の説明").field).toBe("reason");
    // The actual and the status explained keep their own words.
    expect(recogniseHeader("令和2年度実績値").field).toBe("actual");
    expect(recogniseHeader("達成状況説明").field).toBe("status");
  });

  it("「C コロナ影響有」: the mark before the covid note is the rating, the note the covid flag", () => {
    const issues: string[] = [];
    const c = readEvaluation("C コロナ影響有", abc, (m) => issues.push(m));
    expect([c.category, c.label, c.covid]).toEqual(["delayed", "C", true]);
    const dash = readEvaluation("- コロナ影響有", abc, (m) => issues.push(m));
    expect([dash.category, dash.label, dash.covid]).toEqual(["not_evaluable", "-", true]);
    const b = readEvaluation("B (コロナの影響)", abc, (m) => issues.push(m));
    expect([b.category, b.label, b.covid]).toEqual(["mostly_on_track", "B", true]);
    const a = readEvaluation("A", abc, (m) => issues.push(m));
    expect([a.category, a.label, a.covid]).toEqual(["on_track", "A", false]);
    // A word that only mentions covid inside is no note after a mark.
    expect(readEvaluation("コロナの影響で評価できない", abc, () => {}).label).not.toBe("");
  });

  it("a covid note after a mark no legend explains leaves the mark unexplained (the import refuses it)", () => {
    const issues: string[] = [];
    const e = readEvaluation("D コロナ影響有", abc, (m) => issues.push(m));
    expect([e.category, e.label, e.covid]).toEqual(["not_evaluable", "D", true]);
  });

  it("「ー:…」: the long-vowel mark as a legend's no-rating label, not inside a word", () => {
    const line =
      "進捗状況 ◎:H29実績が中間目標を達成 ○:H29実績が基準値を上回るが中間目標に届かない △:H29実績が基準値を下回る ー:実績が未公表のため判定できない";
    const scale = readLegend([line], new Set(["◎", "○", "△", "ー"]));
    expect(scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "◎ on_track",
      "○ mostly_on_track",
      "△ delayed",
      "ー not_evaluable",
    ]);
    // 「サーバー:」 — ー after a kana is the word's long vowel, no label of its own.
    const other = readLegend(["A:目標を達成 B:サーバー:停止のため一部未集計"], new Set(["A", "B", "ー"]));
    expect(other?.bands.map((b) => b.label)).not.toContain("ー");
  });
});

describe("round 39 guards", () => {
  const sheetWith = (titles: string[]): Sheet =>
    ({
      fiscalYear: 2017,
      kpis: titles.map((t, i) => ({
        row: i + 1,
        indicator: `指標${i + 1}`,
        goal: { no: 0, title: t },
        subgoal: { no: 0, title: "" },
        measure: { no: 1, title: "地域産業の振興" },
      })),
    }) as unknown as Sheet;
  const name = (k: Kpi) => `指標「${k.indicator}」`;

  it("another numbered heading inside a level's title (a wrapped title's tail joined in front) is refused", () => {
    const r = round39Refusal(
      sheetWith(["た職住近接のまちをつくる基本目標2 越谷の魅力を全国に発信し、人を呼び込む"]),
      name,
    );
    expect(r).toContain("「基本目標2」");
    expect(round39Refusal(sheetWith(["のとれた暮らし基本施策3 子育ての支援"]), name)).not.toBeNull();
  });

  it("a heading at the start, a figure with its unit, or a target in words is no joined heading", () => {
    for (const t of [
      "基本目標2 越谷の魅力を全国に発信し、人を呼び込む",
      "安定した雇用を創出する",
      "合計特殊出生率を目標1.8に近づける",
      "数値目標 10年後の人口",
      "目標100人の達成",
      "(基本目標1)しごとをつくる",
    ])
      expect(round39Refusal(sheetWith([t]), name)).toBeNull();
  });
});
