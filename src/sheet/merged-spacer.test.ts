import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { markdownTable } from "./test-markdown.ts";

describe("a spacer row holding a level merged down over it (as an XLSX reads it)", () => {
  it("is a spacer, not a heading: the KPI below keeps the levels above it", async () => {
    const header = ["基本目標", "戦略", "KPI", "H29目標値", "H29実績値"];
    const rows = [
      header,
      ["2 ひとの流れをつくる", "6 観光誘客の推進", "観光消費額(億円)", "4,950", "5,783"],
      ["2 ひとの流れをつくる", "7 移住・定住の促進", "年間移住者数(人)", "650", "1,080"],
      // The blank spacer row, its 基本目標 cell filled by the merge; the next KPI's 戦略 merged from above.
      ["2 ひとの流れをつくる", "", "", "", ""],
      ["2 ひとの流れをつくる", "", "県内就職率(%)", "46.0", "35.9"],
    ];
    const r = await importSheet(markdownTable(["平成29年度 KPIの進捗状況"], rows), "kpi.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => [k.goal.no, k.measure.no, k.measure.title])).toEqual([
      [2, 6, "観光誘客の推進"],
      [2, 7, "移住・定住の促進"],
      [2, 7, "移住・定住の促進"],
    ]);
    expect(r.report.cells.dropped.some((d) => d.reason === "空行(上の行から続く結合セル)")).toBe(true);
  });
});
