// 数値目標 and KPIs listed in one table, a 区分 column saying which is which.
import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";

const table = (kinds: string[]) =>
  new TextEncoder().encode(
    [
      "令和5年度 総合戦略 進捗状況",
      "",
      "| 区分 | 指標 | 基準値 | 目標値(R6) | 実績値(R5) | 評価 |",
      "|---|---|---|---|---|---|",
      `| ${kinds[0]} | 人口の社会増減(人) | -200 | 0 | -120 | B |`,
      `| ${kinds[1]} | 観光客数(人) | 1,000 | 1,500 | 1,400 | B |`,
      `| ${kinds[2]} | 移住者数(人) | 20 | 50 | 55 | A |`,
      "",
      "評価 A:目標達成 B:概ね順調 C:遅れ",
    ].join("\n"),
  );

describe("a 区分 column of 数値目標 / KPI", () => {
  it("is no rating: its 数値目標 rows are numeric goals, the rest KPIs, and the report says so", async () => {
    const r = await importSheet(table(["数値目標", "KPI", ""]), "kpi.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.numericGoals?.map((g) => g.indicator)).toEqual(["人口の社会増減(人)"]);
    expect(r.sheet.kpis.map((k) => [k.indicator, k.evaluation.category])).toEqual([
      ["観光客数(人)", "mostly_on_track"],
      ["移住者数(人)", "on_track"],
    ]);
    expect(r.report.issues.some((i) => i.kind === "kind_column" && i.column === "区分")).toBe(true);
  });

  it("a 区分 of other words is left to the other rules (here: read as no kind, refused as unexplained ratings)", async () => {
    const r = await importSheet(table(["新規", "継続", "継続"]), "kpi.md");
    expect(r.ok ? "read" : r.error.code).not.toBe("read");
  });
});
