import { describe, expect, it } from "vitest";
import { foldDualYears } from "./fold-widths.ts";
import { importSheet } from "./import-sheet.ts";

describe("a year printed in both calendars", () => {
  it.each([
    ["基準値(平成26(2014)年度)", "基準値(平成26年度)"],
    ["目標値(令和元(2019)年度)", "目標値(令和元年度)"],
    ["実績 2017(H29)年度", "実績 2017年度"],
    ["2019(令和元)年度", "2019年度"],
    ["平成26年度(2014年度)", "平成26年度"],
    ["2014年度(平成26年度)", "2014年度"],
    ["H.28実績", "H28実績"],
    ["実績(FY2021)", "実績(2021年度)"],
  ])("「%s」 is read as 「%s」", (text, folded) => {
    expect(foldDualYears(text)).toBe(folded);
  });

  it("is left as printed when the two years disagree, or when no 年 says they are years", () => {
    expect(foldDualYears("令和元(2020)年度")).toBe("令和元(2020)年度");
    expect(foldDualYears("R3(2021)")).toBe("R3(2021)");
    expect(foldDualYears("1,234人(2014)")).toBe("1,234人(2014)");
  });

  it("dates the columns and the sheet, and the import says it read them so", async () => {
    const r = await importSheet(
      new TextEncoder().encode(
        [
          "令和元(2019)年度 総合戦略 KPIの達成状況",
          "",
          "| 施策 | KPI | 基準値(平成26(2014)年度) | 実績値(令和元(2019)年度) | 目標値(令和6(2024)年度) |",
          "|---|---|---|---|---|",
          "| 企業誘致 | 企業立地件数 | 2件 | 6件 | 10件 |",
        ].join("\n"),
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[0]!;
    const year = (v: typeof k.actual | undefined) => (v?.kind === "number" ? v.period.year : null);
    expect([r.sheet.fiscalYear, year(k.baseline), year(k.actual), year(k.finalTarget)]).toEqual([
      2019, 2014, 2019, 2024,
    ]);
    expect(r.report.issues.some((i) => i.kind === "width_folded" && /二通り/.test(i.message))).toBe(true);
  });

  it("western years over a schedule in the upper header row leave the row a header (its levels kept)", async () => {
    const r = await importSheet(
      new TextEncoder().encode(
        [
          "H27年度 総合戦略 事業効果検証",
          "",
          "| No | プロジェクト名 | 取組名 | 2015 | 2016 | KPI(重要業績評価指標) | | |",
          "| | | | | | 指標内容 | 基準値 | 実績値(H27) |",
          "|---|---|---|---|---|---|---|---|",
          "| 1 | 子育てプロジェクト | 保育の充実 | → | → | 保育所定員 | 300人 | 320人 |",
        ].join("\n"),
      ),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const k = r.sheet.kpis[0]!;
    expect([k.goal.title, k.measure.title, k.indicator]).toEqual([
      "子育てプロジェクト",
      "保育の充実",
      "保育所定員",
    ]);
  });
});
