// Round 24's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { isSubTableHeader, isSubTableRow } from "./card-subtable.ts";
import { recogniseHeader } from "./column-fields.ts";
import { cellYear } from "./evaluated-year.ts";
import { importSheet } from "./index.ts";
import { isSpacedLegend } from "./read-legend.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));
const v = (x: Kpi["actual"]) =>
  x.kind === "number" ? `${x.value} ${x.unit ?? ""} @${x.period.year}` : x.kind;

const LEGEND =
  "成果指標の評価基準 a 目標値に向けて順調に進んでいる。 b 目標値の達成に向けたペースは下回っているが、指標は改善している、または現状維持。 c 初期値よりも指標が悪化している。";

describe("round 24", () => {
  it("the year bracketed after an actual's figure (「41.6%(平成28年度)」) is the sheet's year when no header says it; a ※ footnote's year is not", async () => {
    expect(cellYear("41.6%(平成28年度)")).toBe(2016);
    expect(cellYear("41.6%")).toBeNull();
    const r = await importSheet(
      bytes([
        "保健福祉総合計画の進捗評価 成果指標",
        "",
        "| 指標項目 | 初期値(計画策定時) | 現状値 | 目標値 | 評価 |",
        "|---|---|---|---|---|",
        "| 相談窓口認知度 | 35.9%(平成25年度) | 34.3%(平成28年度) | 45.0%(平成31年度) | b |",
        "| 外出の頻度 | 64.6%(平成25年度) | 62.9%(平成28年度) | 75.0%(平成31年度) | b |",
        "",
        LEGEND,
        "※3 平成25年度の初期値は設問の表現が一部異なる。",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2016);
    const k = r.sheet.kpis[0]!;
    expect([v(k.baseline!), v(k.actual), v(k.finalTarget!)]).toEqual([
      "35.9 % @2013",
      "34.3 % @2016",
      "45 % @2019",
    ]);
  });

  it("a ※ footnote under the table is no title: with no other year the sheet is refused, not dated by the note", async () => {
    const r = await importSheet(
      bytes([
        "成果指標",
        "",
        "| 指標項目 | 基準値 | 実績値 | 目標値 |",
        "|---|---|---|---|",
        "| 相談件数 | 10 | 12 | 15 |",
        "",
        "※1 平成25年度の基準値は推計。",
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain("評価年度を読み取れません");
  });

  it("a legend set off by spaces after its heading (「成果指標の評価基準 a … b …」) alone in a row is the legend, not a 成果指標 heading", async () => {
    expect(isSpacedLegend(LEGEND)).toBe(true);
    expect(isSpacedLegend("成果指標の達成状況")).toBe(false);
    const csv = [
      "指標項目,初期値(計画策定時),現状値,目標値,評価",
      "相談窓口認知度,35.9%(平成25年度),38.3%(平成28年度),45.0%(平成31年度),a",
      "外出の頻度,64.6%(平成25年度),60.9%(平成28年度),75.0%(平成31年度),c",
      LEGEND,
      "",
    ];
    const r = await importSheet(bytes(csv), "t.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "a on_track",
      "b mostly_on_track",
      "c delayed",
    ]);
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual(["on_track", "delayed"]);
  });

  it("事業開始前(現時点) is the baseline; 「平成30年度増加分(2年目)」 is that year's column", () => {
    expect(recogniseHeader("事業開始前(現時点)").field).toBe("baseline");
    const y = recogniseHeader("平成30年度増加分(2年目)");
    expect([y.field, y.period?.year]).toEqual(["year", 2018]);
    // A year's increase is still read only beside a year: 「増加分」 alone names no column.
    expect(recogniseHeader("増加分").field).toBe("extra");
  });

  it("a table inside a card (事務事業名 | 事業内容 | 担当課 | 事業費) is no key row; its rows are no keys", () => {
    expect(isSubTableHeader(["2 事業の概要", "事務事業名", "事業内容", "担当課", "事業費", "交付金"])).toBe(
      true,
    );
    expect(isSubTableRow(["", "創業支援実践事業", "セミナーの開催", "経済振興課", "¥0", "¥0"])).toBe(true);
    // Key–value rows stay keys: 「部 | 土木部 | 課 | 道路河川整備課」, 「妥当性 | A | 有効性 | B」.
    expect(isSubTableHeader(["部", "土木部", "課", "道路河川整備課"])).toBe(false);
    // Level keys with their values beside a department's (a card's 施策の体系): pairs, not a table's header.
    expect(isSubTableHeader(["総合計画施策体系", "大区分", "健康福祉", "", "担当部局", "民生部"])).toBe(
      false,
    );
    expect(isSubTableHeader(["", "中区分", "地域福祉・社会保障", "", "作成者", "田中"])).toBe(false);
    expect(isSubTableHeader(["妥当性", "A", "有効性", "B", "効率性", "B"])).toBe(false);
    expect(isSubTableRow(["", "分野別施策", "(2) 移住・定住の促進"])).toBe(false);
  });

  it("a card of the 推進交付金 form: sub-table of 事務事業, KPI grid of 増加分, 「5 事業担当課」 below the grid for every KPI", async () => {
    const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
    const r = await importSheet(
      bytes([
        "<!--cards-->",
        "平成30年度 地方創生推進交付金事業 実績報告",
        "",
        row(["交付対象事業の名称", "創業支援プロジェクト", "", "", "", ""]),
        row(["---", "---", "---", "---", "---", "---"]),
        row(["2 事業の概要", "事務事業名", "事業内容", "担当課", "事業費", "交付金"]),
        row(["", "創業支援実践事業", "セミナーの開催", "商工課", "¥0", "¥0"]),
        row([
          "3 重要業績評価指標(KPI)",
          "",
          "事業開始前(現時点)",
          "平成29年度増加分(1年目)",
          "平成30年度増加分(2年目)",
          "平成31年度増加分(3年目)",
        ]),
        row(["創業件数(件)", "目標値", "4", "5", "6", "6"]),
        row(["", "実績値", "", "5", "4", ""]),
        row(["相談件数(件)", "目標値", "10", "20", "20", "25"]),
        row(["", "実績値", "", "18", "25", ""]),
        row(["5 事業担当課", "商工課", "", "", "", ""]),
        "",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.fiscalYear).toBe(2018);
    expect(
      r.sheet.kpis.map((k) => [k.indicator, k.unit, v(k.target), v(k.actual), k.departments, k.initiatives]),
    ).toEqual([
      ["創業件数(件)", "件", "6 件 @2018", "4 件 @2018", ["商工課"], ["創業支援プロジェクト"]],
      ["相談件数(件)", "件", "20 件 @2018", "25 件 @2018", ["商工課"], ["創業支援プロジェクト"]],
    ]);
    // What the plan's last year adds (増加分) is no level to reach: no final target is read from it.
    expect(r.sheet.kpis.map((k) => k.finalTarget.kind)).toEqual(["missing", "missing"]);
  });
});
