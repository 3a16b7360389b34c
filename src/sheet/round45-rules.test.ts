import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { labelledKeyRow, labelledKeyTableHeader, readLabelledGridRow } from "./card-labelled-kpis.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./import-sheet.ts";
import { categoryOf } from "./legend-categories.ts";
import { round45Refusal } from "./round45-guards.ts";

const md = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

/** A 数値目標評価シート: a key table of labelled KPIs, then the year grid by the same labels. */
const card = (label1: string, label2: string, legendX = "X:当該年度の実績値なし") => [
  "数値目標評価シート",
  "",
  "| 基本目標 | ひと 暮らしやすいまちづくり | | | | | | |",
  "|---|---|---|---|---|---|---|---|",
  `| KPI | 指標名 | 基準値(平成26年度) | 目標値(平成31年度) | KPI所管課 | | | |`,
  `| ${label1} | 合計特殊出生率 | 0.90 | 1.40 | 市民課 | | | |`,
  `| ${label2} | 転入者数 | 300 | 450 | 企画課 | | | |`,
  "| 年度 | 単位 | 策定時 | H27 | H28 | H29 | H30 | H31 |",
  `| ${label1} | | 0.90 | 0.93 | 1.11 | 1.00 | - | |`,
  "| 達成率 | | | 66.4% | 79.3% | 71.4% | - | - |",
  "| 達成状況 評価 | | | C | C | C | X | X |",
  `| ${label2} | 人/年 | 300 | 330 | 380 | 420 | - | |`,
  "| 達成率 | | | 73.3% | 84.4% | 93.3% | - | - |",
  "| 達成状況 評価 | | | C | B | B | X | X |",
  "| 当該年度の達成状況に関する要因等 | 子育て支援の周知が進んだ。 | | | | | | |",
  "| KPI補足説明 | 転入者数は住民基本台帳による。 | | | | | | |",
  "| 策定委員会の意見等 | 要因の分析を深めるべきである。 | | | | | | |",
  "",
  "達成率=重要業績評価指標の実績値÷重要業績評価指標の目標値",
  `達成状況評価 A:既達成(100%以上) B:概ね順調(80%以上100%未満) C:努力が必要(60%以上80%未満) D:あまり順調ではない(60%未満) ${legendX}`,
];

const read = async (lines: string[]): Promise<Sheet> => {
  const r = await importSheet(md(lines), "card.md");
  if (!r.ok) throw new Error(r.error.message);
  return r.sheet;
};

describe("round 45 rules: a card's key table of labelled indicators", () => {
  it("the key table's header: a label column, 指標名, ends with their years, a department or a unit", () => {
    for (const h of [
      ["KPI", "指標名", "基準値(平成26年度)", "目標値(平成31年度)", "KPI所管課"],
      ["指標", "指標名", "基準値(H26)", "目標値(R6)", "担当課", "単位"],
      ["No.", "指標名", "現状値(令和元年度)", "目標値(令和6年度)"],
    ])
      expect(labelledKeyTableHeader(h, "")).not.toBeNull();
    // Not a key table: an actual's column (a table of its own), no year on any end, no label column.
    expect(labelledKeyTableHeader(["KPI", "指標名", "基準値(H26)", "H29実績値", "担当課"], "")).toBeNull();
    expect(labelledKeyTableHeader(["KPI", "指標名", "基準値", "目標値", "担当課"], "")).toBeNull();
    expect(labelledKeyTableHeader(["基本目標", "指標名", "基準値(H26)", "目標値(H31)"], "")).toBeNull();
  });

  it("a row of the key table gives the name, the department and the ends at their years; the grid row by its label the actuals", () => {
    const t = labelledKeyTableHeader(
      ["KPI", "指標名", "基準値(平成26年度)", "目標値(平成31年度)", "KPI所管課"],
      "",
    )!;
    const k = labelledKeyRow(["KPI(1)", "移住者数", "12", "40", "企画課"], t, 3)!;
    expect(k.keys.get("indicator")).toBe("移住者数");
    expect(k.keys.get("departments")).toBe("企画課");
    expect(k.ends.get("baseline")).toEqual({ year: 2014, text: "12" });
    expect(k.ends.get("finalTarget")).toEqual({ year: 2019, text: "40" });
    // A row with no figure under an end, or with a figure for a name, is no indicator of the table.
    expect(labelledKeyRow(["KPI(2)", "移住者数", "", "", "企画課"], t, 4)).toBeNull();
    expect(labelledKeyRow(["KPI(2)", "120", "12", "40", "企画課"], t, 4)).toBeNull();
    const years = [null, null, null, 2015, 2016, 2017];
    const roles = [null, "unit", "baseline", null, null, null] as const;
    const row = readLabelledGridRow([k], ["KPI(1)", "人", "12", "15", "-", ""], years, roles)!;
    expect(row.keys.get("unit")).toBe("人");
    expect(row.grid.get("actual")?.get(2015)).toBe("15");
    expect(row.years).toEqual([2015]);
    // A label the key table does not list takes nothing.
    expect(readLabelledGridRow([k], ["KPI(3)", "人", "12", "15", "", ""], years, roles)).toBeNull();
  });

  it.each([
    ["重要業績評価指標 KPI(1)", "重要業績評価指標 KPI(2)"],
    ["KPI①", "KPI②"],
    ["指標1", "指標2"],
  ])(
    "a whole card, labels 「%s」 / 「%s」: actuals, rate and rating of the last year measured",
    async (l1, l2) => {
      const sheet = await read(card(l1, l2));
      expect(sheet.fiscalYear).toBe(2017);
      expect(sheet.kpis.map((k) => k.indicator)).toEqual(["合計特殊出生率", "転入者数"]);
      const [a, b] = sheet.kpis;
      expect(a!.actual).toMatchObject({ kind: "number", value: 1, period: { year: 2017 } });
      expect(a!.finalTarget).toMatchObject({ kind: "number", value: 1.4, period: { year: 2019 } });
      expect(a!.baseline).toMatchObject({ kind: "number", value: 0.9, period: { year: 2014 } });
      expect(a!.printedRate).toBe(0.714);
      expect(a!.evaluation.category).toBe("delayed");
      expect(b!.unit).toBe("人/年");
      expect(b!.evaluation.category).toBe("mostly_on_track");
      expect(b!.departments).toEqual(["企画課"]);
      expect(b!.years?.map((y) => y.year)).toEqual([2015, 2016, 2017, 2019]);
      // The texts after the grid are the card's: each KPI's reason, comment and note.
      for (const k of sheet.kpis) {
        expect(k.reason).toBe("子育て支援の周知が進んだ。");
        expect(k.comments).toBe("要因の分析を深めるべきである。");
        expect(k.extras).toEqual([{ header: "KPI補足説明", text: "転入者数は住民基本台帳による。" }]);
      }
      expect(sheet.scale?.bands.find((x) => x.label === "X")?.category).toBe("not_evaluable");
    },
  );

  it("a card's rate run into the next cell (「71.4%-」, a print without rules) is refused, naming the indicator; 「-」 is no rate", async () => {
    const lines = card("KPI(1)", "KPI(2)").map((l) =>
      l.startsWith("| 達成率 | | | 66.4%") ? "| 達成率 | | | 66.4% | 79.3% | 71.4%- | | - |" : l,
    );
    const r = await importSheet(md(lines), "card.md");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/指標「合計特殊出生率」.*達成率「71\.4%-」/);
    const dashed = card("KPI(1)", "KPI(2)").map((l) =>
      l.startsWith("| 達成率 | | | 66.4%") ? "| 達成率 | | | 66.4% | 79.3% | - | - | - |" : l,
    );
    expect((await read(dashed)).kpis[0]!.printedRate).toBeNull();
  });

  it("「KPI補足説明」 and 「補足説明」 are notes, not indicators (指標名 and KPI stay indicators)", () => {
    expect(recogniseHeader("KPI補足説明").field).toBe("extra");
    expect(recogniseHeader("指標の補足説明").field).toBe("extra");
    expect(recogniseHeader("補足説明").field).toBe("extra");
    expect(recogniseHeader("指標名").field).toBe("indicator");
    expect(recogniseHeader("KPI").field).toBe("indicator");
  });

  it("a legend's 「当該年度の実績値なし」 is not evaluable; a band behind its target stays delayed", () => {
    expect(categoryOf("X", "当該年度の実績値なし")).toBe("not_evaluable");
    expect(categoryOf("-", "実績値なし")).toBe("not_evaluable");
    expect(categoryOf("-", "今年度の実績がない")).toBe("not_evaluable");
    expect(categoryOf("C", "実績値が目標値に届かない")).not.toBe("not_evaluable");
  });
});

describe("round 45 guard", () => {
  const sheet = (category: "delayed" | "not_evaluable", meaning: string): Sheet => ({
    format: "sheet/1",
    municipality: null,
    fiscalYear: 2017,
    source: null,
    kpis: [],
    scale: { bands: [{ label: "X", category, min: null, meaning }], basis: "ratio", source: "" },
  });
  it("a band meaning 「no actual this year」 read as a rating of progress is refused, naming the label", () => {
    expect(round45Refusal(sheet("delayed", "当該年度の実績値なし"))).toMatch(/凡例の「X」/);
    expect(round45Refusal(sheet("delayed", "実績値が把握できない"))).toMatch(/凡例の「X」/);
    expect(round45Refusal(sheet("not_evaluable", "当該年度の実績値なし"))).toBeNull();
    expect(round45Refusal(sheet("delayed", "実績値が目標値を下回った"))).toBeNull();
  });
});
