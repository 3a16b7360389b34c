import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { round57Refusal } from "./round57-guards.ts";
import { withoutCaption } from "./round57-legend-caption.ts";
import { loneLegendLabel } from "./round57-lone-label.ts";
import { read, refusal } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];

describe("round 57: 成果動向, the outcome's movement in words, and its legend's caption", () => {
  it("knows 「成果動向」 and 「成果の傾向」 as the rating column, not a bare 「傾向」 or 「前年度比」", () => {
    expect(recogniseHeader("成果動向").field).toBe("evaluation");
    expect(recogniseHeader("成果の傾向").field).toBe("evaluation");
    expect(recogniseHeader("傾向").field).not.toBe("evaluation");
    expect(recogniseHeader("前年度比").field).toBe("extra");
  });
  it("drops a legend line's opening caption only when it names a rating column the KPIs do not print", () => {
    const used = new Set(["向上", "低下", "横ばい"]);
    const pairs = [
      { label: "成果動向", meaning: "基準値と比べた動き" },
      { label: "向上", meaning: "成果が向上" },
      { label: "横ばい", meaning: "ほぼ変わらない" },
      { label: "低下", meaning: "成果が低下" },
    ];
    expect(withoutCaption(pairs, used).map((p) => p.label)).toEqual(["向上", "横ばい", "低下"]);
    // 「達成:」 is a band of 達成 / 未達成 legends, never a caption; a label the column prints is a band.
    const bands = [
      { label: "達成", meaning: "目標に達した" },
      { label: "未達成", meaning: "届かない" },
      { label: "評価不能", meaning: "未確定" },
    ];
    expect(withoutCaption(bands, new Set(["未達成", "評価不能"]))).toHaveLength(3);
    expect(withoutCaption(pairs, new Set(["成果動向", "向上"]))).toHaveLength(4);
  });
  const trend = [
    "○○市まちづくり報告書(令和4年度実績)",
    "",
    "政策2 にぎわいのあるまちづくり",
    "",
    "| 施策 | 成果指標 | 単位 | 基準値(H28) | R2 | R3 | R4 | 前年度比 | 成果動向 | 主管課 |",
    "|---|---|---|---|---|---|---|---|---|---|",
    "| 6 商業の振興 | 中心市街地の歩行者数 | 人 | 5,200 | 3,900 | 4,400 | 5,600 | ↑ | 向上 | 商工課 |",
    "| 7 雇用の確保 | 市内の有効求人倍率 | 倍 | 1.10 | 0.95 | 1.02 | 1.05 | ↑ | やや低下 | 商工課 |",
    "| 8 移住の促進 | 移住相談の件数 | 件 | 80 | 95 | 102 | ― | ― | 比較できない | 企画課 |",
    "",
    "成果動向:基準値とR4実績値を比べた成果の動きを示す。 向上:成果が向上している やや低下:成果がやや低下している 低下:成果が低下している 比較できない:実績値が未確定のため比較できない",
  ];
  for (const form of FORMS)
    it(`reads 成果動向 as the rating, the legend's caption left out (${form})`, async () => {
      const s = await read(trend, form);
      expect(s.fiscalYear).toBe(2022);
      expect(s.kpis.map((k) => [k.indicator, k.evaluation.category, k.evaluation.label])).toEqual([
        ["中心市街地の歩行者数", "on_track", "向上"],
        ["市内の有効求人倍率", "delayed", "やや低下"],
        ["移住相談の件数", "not_evaluable", "比較できない"],
      ]);
      expect(s.scale?.bands.map((b) => b.label)).toEqual(["向上", "やや低下", "低下", "比較できない"]);
      expect(s.kpis[2]!.actual.kind).toBe("missing");
    });
  it("refuses a scale whose band is a rating column's name no KPI prints (the caption read as a band)", () => {
    const sheet = {
      kpis: [{ evaluation: { category: "mostly_on_track", label: "向上" } }],
      scale: {
        bands: [
          { label: "成果動向", category: "on_track", min: null, meaning: "" },
          { label: "向上", category: "mostly_on_track", min: null, meaning: "" },
        ],
      },
    } as unknown as Sheet;
    const none = { rows: [], outside: [] };
    expect(round57Refusal(sheet, none, () => "")).toMatch(/成果動向/);
    const right = { ...sheet, scale: { bands: sheet.scale!.bands.slice(1) } } as unknown as Sheet;
    expect(round57Refusal(right, none, () => "")).toBeNull();
  });
});

describe("round 57: a 担当課 printed once over one 施策's KPIs", () => {
  const table = [
    "○○市総合戦略 KPIの検証結果(平成29年度実績)",
    "",
    "基本目標1 しごとをつくる",
    "",
    "| 具体的な施策 | 重要業績評価指標(KPI) | 基準値 | H29実績値 | 目標値(H31) | 評価 | 担当課 |",
    "|---|---|---|---|---|---|---|",
    "| ① 商工業の振興 | 創業件数(累計) | 3件(H26) | 9件 | 15件 | B | 商工観光課 |",
    "| | 企業誘致件数(累計) | 1件(H26) | 2件 | 5件 | C | |",
    "| ② 林業の振興 | 間伐面積 | 120ha(H26) | 150ha | 160ha | B | 農林課 |",
    "",
    "評価 A:目標を達成 B:目標の8割以上 C:目標の8割未満",
  ];
  for (const form of FORMS)
    it(`gives the 施策's 担当課 to its KPI below (${form})`, async () => {
      const s = await read(table, form);
      expect(s.kpis.map((k) => k.departments)).toEqual([["商工観光課"], ["商工観光課"], ["農林課"]]);
      expect(s.kpis[0]!.baseline).toMatchObject({ value: 3, period: { year: 2014 } });
    });
  it("still refuses a KPI that names its own 施策 again with no 担当課 beside a group whose rows each have one", async () => {
    // Two KPIs each with its own 担当課 under one 施策 show the column is each KPI's: a blank then is no one's.
    const own = [
      ...table.slice(0, 6),
      "| ① 商工業の振興 | 創業件数(累計) | 3件(H26) | 9件 | 15件 | B | 商工観光課 |",
      "| ① 商工業の振興 | 企業誘致件数(累計) | 1件(H26) | 2件 | 5件 | C | 企業誘致室 |",
      "| ① 商工業の振興 | 空き店舗の活用件数 | 2件(H26) | 4件 | 6件 | B | |",
      "| ② 林業の振興 | 間伐面積 | 120ha(H26) | 150ha | 160ha | B | 農林課 |",
      "",
      table.at(-1)!,
    ];
    // (Not carried: round 54's guard refuses the blank, naming it, as a merged cell it cannot tell from none.)
    expect(await refusal(own)).toContain("指標「空き店舗の活用件数」(9行目)の担当課が空です");
    expect(await refusal(table)).toBeNull();
  });
});

describe("round 57: a rating column read as a second 達成度 with one letter in a table", () => {
  const legend = "評価 A:達成度100%以上 B:達成度80%以上100%未満 C:達成度80%未満 -:実績値未確定";
  it("takes one letter the legend pairs with a colon for a rating, not a lone word or an unlisted letter", () => {
    expect(loneLegendLabel(["A"], [legend])).toBe(true);
    expect(loneLegendLabel(["E"], [legend])).toBe(false);
    expect(loneLegendLabel(["A", "B"], [legend])).toBe(false);
    expect(loneLegendLabel(["順調"], [legend])).toBe(false);
  });
  const twoTables = [
    "基本目標1 しごと",
    "",
    "| 施策 | KPI | 基準値 | H29実績値 | 目標値(H31) | 達成度 | 達成度 |",
    "|---|---|---|---|---|---|---|",
    "| ① 商工業 | 創業件数 | 3件(H26) | 9件 | 10件 | 90.0% | B |",
    "| ② 農業 | 新規就農者数 | 5人(H26) | 12人 | 10人 | 120.0% | A |",
    "",
    "基本目標2 くらし",
    "",
    "| 施策 | KPI | 基準値 | H29実績値 | 目標値(H31) | 達成度 | 達成度 |",
    "|---|---|---|---|---|---|---|",
    "| ① 移住 | 移住者数 | 4人(H26) | 8人 | 6人 | 133.3% | A |",
    "| ② 防災 | 防災訓練参加者数 | 900人(H26) | ― | 1,200人 | ― | - |",
    "",
    legend,
  ];
  it("reads the second table's ratings as the first table's", async () => {
    const s = await read(twoTables);
    expect(s.kpis.map((k) => k.evaluation.label)).toEqual(["B", "A", "A", "-"]);
    expect(s.kpis.map((k) => k.printedRate)).toEqual([0.9, 1.2, 1.333, null]);
  });
  it("refuses a KPI left unrated whose row prints a legend's letter while others are rated", () => {
    const sheet = {
      kpis: [
        { row: 5, indicator: "創業件数", evaluation: { category: "on_track", label: "A" } },
        {
          row: 12,
          indicator: "移住者数",
          evaluation: { category: "not_evaluable", label: "", printed: false },
        },
      ],
      scale: { bands: [{ label: "A" }, { label: "B" }] },
    } as unknown as Sheet;
    const table = { rows: [{ row: 12, cells: ["① 移住", "移住者数", "8人", "133.3%", "A"] }], outside: [] };
    expect(round57Refusal(sheet, table, (k) => k.indicator)).toMatch(/移住者数.*「A」/);
    const rated = { ...sheet, kpis: sheet.kpis.slice(0, 1) } as unknown as Sheet;
    expect(round57Refusal(rated, table, (k) => k.indicator)).toBeNull();
  });
});
