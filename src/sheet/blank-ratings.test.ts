import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";

/** Four KPIs under two 施策 rated `ratings`, each with the `actuals` given. */
const sheet = (ratings: string[], actuals = ["120", "95", "60", "70"]) =>
  new TextEncoder().encode(
    [
      "令和4年度 総合戦略 KPIの検証",
      "",
      "| 施策 | KPI | 目標値(R4) | 実績値(R4) | 評価 | 担当課 |",
      "|---|---|---|---|---|---|",
      `| 1 観光の振興 | 観光客数(千人) | 100 | ${actuals[0]} | ${ratings[0]} | 観光課 |`,
      `| 1 観光の振興 | 宿泊者数(千人) | 100 | ${actuals[1]} | ${ratings[1]} | 観光課 |`,
      `| 2 移住の促進 | 移住者数(人) | 100 | ${actuals[2]} | ${ratings[2]} | 企画課 |`,
      `| 2 移住の促進 | 移住相談件数(件) | 100 | ${actuals[3]} | ${ratings[3]} | 企画課 |`,
      "",
      "評価 A:目標を達成 B:目標の8割以上 C:目標の8割未満",
    ].join("\n"),
  );

describe("a rating left blank beside an actual, the other KPIs rated", () => {
  it("is refused, naming the rows (a rating printed once for several KPIs, not carried), not written 評価不可", async () => {
    // The first 施策 rated once for its two KPIs, the second per KPI: no rule reads the first's for both.
    const r = await importSheet(sheet(["A", "", "C", "B"]), "kpi.md");
    expect(r.ok ? r.sheet.kpis.map((k) => k.evaluation) : r.error.code).toBe("implausible_reading");
    if (r.ok) return;
    expect(r.error.message).toContain("評価の列「評価」が空欄の指標が、実績値があるのに1件");
    expect(r.error.message).toContain("「―」または「評価不可」");
  });

  it("is read where there was nothing to rate (no actual), or printed 「―」", async () => {
    const noActual = await importSheet(sheet(["A", "", "C", "B"], ["120", "―", "60", "70"]), "kpi.md");
    expect(noActual.ok ? noActual.sheet.kpis[1]!.evaluation.category : noActual.error.message).toBe(
      "not_evaluable",
    );
    const dash = await importSheet(sheet(["A", "―", "C", "B"]), "kpi.md");
    expect(dash.ok ? dash.sheet.kpis[1]!.evaluation.category : dash.error.message).toBe("not_evaluable");
  });

  it("is no matter when the sheet rates none of its KPIs", async () => {
    const r = await importSheet(sheet(["", "", "", ""]), "kpi.md");
    expect(r.ok ? "read" : r.error.message).toBe("read");
  });
});
