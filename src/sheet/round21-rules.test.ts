// Round 21's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import { readEvaluation } from "./general-values.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { isSourceNote, readLegend } from "./read-legend.ts";
import { fiscalYearOfSenkouGrant } from "./target-month.ts";
import { parse, xlsx } from "./test-layout-forms.ts";
import type { ImportIssue } from "./types.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("round 21", () => {
  it("a report on the 先行型 grant printing no year at all is of fiscal 2015 (reported); other titles give none", () => {
    const issues: ImportIssue[] = [];
    expect(
      fiscalYearOfSenkouGrant(
        ["地域活性化・地域住民生活等緊急支援交付金(地方創生先行型)の効果検証結果"],
        issues,
      ),
    ).toBe(2015);
    expect(issues.map((i) => i.kind)).toEqual(["fiscal_year_from_grant"]);
    expect(fiscalYearOfSenkouGrant(["総合戦略 効果検証結果"], [])).toBeNull();
  });

  it("such a table with values printed with their unit (「3件」「200万円」) reads its year and values", async () => {
    const r = await importSheet(
      bytes([
        "地域活性化・地域住民生活等緊急支援交付金(地方創生先行型)の効果検証結果",
        "",
        "| | 交付対象事業の名称 | 指標 | 指標値 | 実績値 | 推進会議の評価 |",
        "|---|---|---|---|---|---|",
        "| 1 | 観光振興事業 | 冬季宿泊者数 | 3,500人 | 2,870人 | 地方創生に効果があった |",
        "| 2 | 特産品開発事業 | カフェ売上げ | 200万円 | 184万円 | 地方創生に相当程度効果があった |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2015);
    expect(r.report.issues.some((i) => i.kind === "fiscal_year_from_grant")).toBe(true);
    const v = r.sheet.kpis[1]!.actual;
    expect(v.kind === "number" ? [v.value, v.unit, v.period.year] : v.kind).toEqual([1840000, "円", 2015]);
  });

  it("a note naming the sheet's source is no legend, whatever it quotes in brackets", () => {
    const note =
      "出典の形式: 泰阜村(長野県下伊那郡)の事業効果検証(けもかわプロジェクト(目標以上)、交流施設整備(進ちょくなし))をもとに作成。";
    expect(isSourceNote(note)).toBe(true);
    expect(isSourceNote("※出典:県統計")).toBe(true);
    expect(isSourceNote("評価 A:目標を達成")).toBe(false);
    expect(readLegend([note], new Set(["目標以上", "進ちょくなし"]))).toBeNull();
    // The same brackets in a legend of its own are read (「効果的なもの(A)」).
    expect(readLegend(["効果的なもの(A)、効果が低いもの(B)"], new Set(["A", "B"]))?.bands.length).toBe(2);
  });

  it("「進ちょく」 is 進捗 written half in kana: 進ちょく順調 is on track, 進ちょくなし and 進ちょくに遅れ delayed", () => {
    expect(categoryOf("進ちょく順調", "進ちょく順調")).toBe("on_track");
    expect(categoryOf("進捗は順調", "進捗は順調")).toBe("on_track");
    expect(categoryOf("進ちょくなし", "進ちょくなし")).toBe("delayed");
    expect(categoryOf("進ちょくに遅れ", "進ちょくに遅れ")).toBe("delayed");
    expect(categoryOf("目標以上", "目標以上")).toBe("on_track");
    expect(readEvaluation("進ちょく順調", null, () => {}).category).toBe("on_track");
  });

  it("a rating printed once per 施策 over its KPIs is each of its KPIs' rating, with the 施策's opinion", async () => {
    const r = await importSheet(
      bytes([
        "村総合戦略 平成30年度事業効果検証",
        "",
        "| 基本目標 | 具体的施策 | 重要業績評価指標(KPI) | 単位 | 目標(H31) | H30実績 | 評価 | 検証委員会の意見 |",
        "|---|---|---|---|---|---|---|---|",
        "| 基本目標1 雇用の創出 | (1) 干し柿生産の拡大 | 畑の整備面積 | ha | 2.0 | 2.0 | 目標以上 | 担い手を確保されたい。 |",
        "| | | 苗の植樹本数 | 本 | 500 | 520 | | |",
        "| | (2) 起業の支援 | 新規起業者数 | 人 | 10 | 4 | 進ちょくに遅れ | |",
        "| 基本目標2 交流 | (1) 交流施設の整備 | 交流施設の整備数 | 施設 | 1 | 0 | 進ちょくなし | |",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.evaluation.category, k.evaluation.label, k.comments ?? null])).toEqual([
      ["on_track", "目標以上", "担い手を確保されたい。"],
      ["on_track", "目標以上", "担い手を確保されたい。"],
      ["delayed", "進ちょくに遅れ", null],
      ["delayed", "進ちょくなし", null],
    ]);
    expect(r.report.issues.some((i) => i.kind === "group_cells_inherited")).toBe(true);
  });

  it("a legend row 「評価 A=… B=…」 in a worksheet is the legend (as 「A:…」 is), not left to a note", async () => {
    const src = [
      "市 政策評価(2020年度実施分)",
      "",
      "| 施策 | 指標 | 単位 | 2019年度実績 | 目標 | 評価 |",
      "|---|---|---|---|---|---|",
      "| (1) 保育の確保 | 保育所等の利用定員 | 人 | 9,780 | 10,500 | B |",
      "| (2) 創業の支援 | 創業件数 | 件 | 51 | 80 | C |",
      "| (3) 就労の支援 | 就職者数 | 人 | 420 | 400 | A |",
      "",
      "評価 A=順調に進んでいる B=概ね順調だが、一部取組みの見直しが必要 C=課題が多く、取組みの見直しが必要",
      "出典: 市の政策評価をもとに作成。",
      "",
    ].join("\n");
    const r = await importSheet(new Uint8Array(await xlsx(parse(src), false)), "t.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual([
      "mostly_on_track",
      "delayed",
      "on_track",
    ]);
  });
});

describe("round 21 (prints)", () => {
  it("a legend entry whose meaning says nothing takes its label's own words, not the legend's order", () => {
    // A wrapped source note's second line, no longer starting with 「出典」.
    const scale = readLegend(
      ["かわプロジェクト(目標以上)、交流施設整備(進ちょくなし)は記事から"],
      new Set(["目標以上", "進ちょくなし"]),
    );
    expect(scale?.bands.map((b) => [b.label, b.category])).toEqual([
      ["目標以上", "on_track"],
      ["進ちょくなし", "delayed"],
    ]);
    // Labels that say nothing themselves keep the legend's order (best first).
    expect(
      readLegend(["効果的なもの(A)、効果が低いもの(B)"], new Set(["A", "B"]))?.bands.map((b) => b.category),
    ).toEqual(["on_track", "mostly_on_track"]);
  });
});
