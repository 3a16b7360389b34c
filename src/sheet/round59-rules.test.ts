import { describe, expect, it } from "vitest";
import { captionedLegend } from "./round59-captioned-rating.ts";
import { read, refusal } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];

describe("round 59: a rating column its legend's caption names (推移), arrows as marks", () => {
  it("finds the legend line captioned by the column's word, not a line that merely mentions it", () => {
    const lines = [
      "○○町 効果検証資料",
      "推移の見方 ◎:目標値を達成 ↗:基準値より改善",
      "※推移は基準値との比較",
    ];
    expect(captionedLegend("推移", lines)).toBe("推移の見方 ◎:目標値を達成 ↗:基準値より改善");
    expect(captionedLegend("推移", ["【推移】 ◎:達成 ↘:悪化"])).toBe("【推移】 ◎:達成 ↘:悪化");
    expect(captionedLegend("推移", ["評価の見方 ◎:達成"])).toBeNull();
  });
  const town = (legend: string, above: boolean) => [
    "○○町総合戦略 効果検証資料(令和3年度実績)",
    ...(above ? [legend] : []),
    "基本目標1 地域の資源を生かし、しごとをつくる",
    "",
    "| 数値目標 | 基準値(R1) | 実績値(R2) | 実績値(R3) | 目標値(R6) | 推移 |",
    "|---|---|---|---|---|---|",
    "| 町内の従業者数 | 4,120人 | 4,098人 | 4,086人 | 4,200人 | → |",
    "",
    "| 具体的な施策 | 重要業績評価指標(KPI) | 基準値(R1) | 実績値(R2) | 実績値(R3) | 目標値(R6) | 推移 | 担当課 |",
    "|---|---|---|---|---|---|---|---|",
    "| (1) 農業の振興 | 新規就農者数 | 2人 | 3人 | 7人 | 15人 | ↗ | 産業課 |",
    "| | 農産物の出荷額 | 8,240万円 | 6,910万円 | 9,180万円 | 9,000万円 | ◎ | 産業課 |",
    "| (2) 観光の振興 | 観光入込客数 | 310千人 | 352千人 | 298千人 | 400千人 | ↘ | 商工課 |",
    "| | 宿泊者数 | 11千人 | 12千人 | - | 20千人 | - | 商工課 |",
    ...(above ? [] : ["", legend]),
  ];
  const legend =
    "推移の見方 ◎:目標値を達成 ↗:基準値より改善 →:基準値と同程度(±5%以内) ↘:基準値より悪化 -:実績値未確定";
  for (const form of FORMS)
    for (const above of [true, false])
      it(`reads 推移's arrows as the rating by the captioned legend ${above ? "above" : "below"} the tables (${form})`, async () => {
        const sheet = await read(town(legend, above), form);
        expect(sheet.kpis.map((k) => `${k.evaluation?.category} ${k.evaluation?.label}`)).toEqual([
          "mostly_on_track ↗",
          "on_track ◎",
          "delayed ↘",
          "not_evaluable -",
        ]);
        // (the one-row 数値目標 table: one mark is enough when the caption ties the legend to the column)
        expect(sheet.numericGoals?.[0]?.evaluation?.label).toBe("→");
        expect(sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
          "◎ on_track",
          "↗ mostly_on_track",
          "→ delayed",
          "↘ delayed",
          "- not_evaluable",
        ]);
      });
  for (const form of FORMS)
    it(`refuses the arrows when the legend's caption names another column: no rating guessed (${form})`, async () => {
      const lines = town(legend.replace("推移の見方", "評価の見方"), true);
      expect(await refusal(lines, form)).toMatch(/推移/);
    });
  for (const form of FORMS)
    it(`refuses, by the legend merged across the sheet above the table, a KPI left unrated (${form})`, async () => {
      // (in XLSX the line above is one text in every cell of its row: round59-guards.ts sees it)
      const lines = town(legend.replace("推移の見方 ", "見方 "), true);
      expect(await refusal(lines, form)).toMatch(/評価の列を読み落とした/);
    });
  for (const form of FORMS)
    it(`refuses arrows with no legend at all: a rating or a trend, nobody can say (${form})`, async () => {
      const lines = town(legend, true).filter((l) => l !== legend);
      expect(await refusal(lines, form)).toMatch(/凡例がなく分かりません/);
    });
});

describe("round 59: a project's 事業の効果 over a KPI whose figure is 集計中", () => {
  const header = [
    "令和3年度 地方創生推進交付金事業 効果検証シート",
    "",
    "| 事業名 | 重要業績評価指標(KPI) | 単位 | 事業開始前(H31.3) | 1年目(R2.3) | | 2年目(R3.3) | | 3年目(R4.3) | | 事業の効果 | 担当課 |",
    "| | | | | 目標値 | 実績値 | 目標値 | 実績値 | 目標値 | 実績値 | | |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  const rows = [
    "| 子育て応援アプリ事業 | アプリの登録者数 | 人 | 0 | 500 | 620 | 1,000 | 1,180 | 1,500 | 集計中 | 地方創生に相当程度効果があった | 健康福祉課 |",
    "| 農産品販路拡大事業 | 販売額 | 千円 | 12,400 | 14,000 | 13,850 | 16,000 | 17,210 | 18,000 | 19,460 | 地方創生に非常に効果的であった | 農政課 |",
  ];
  for (const form of FORMS)
    it(`keeps the project's rating, the KPI with no actual and its three years (${form})`, async () => {
      const sheet = await read([...header, ...rows], form);
      expect(sheet.fiscalYear).toBe(2021);
      const [app, sales] = sheet.kpis;
      expect(app?.actual.kind).toBe("missing");
      expect(app?.evaluation?.category).toBe("mostly_on_track");
      expect(app?.years?.map((y) => y.year)).toEqual([2019, 2020, 2021]);
      expect(sales?.target).toMatchObject({ value: 18000000, period: { year: 2021 } });
      expect(sales?.baseline).toMatchObject({ value: 12400000, period: { year: 2018 } });
    });
  for (const form of FORMS)
    it(`still refuses a KPI's own rating over a 集計中 figure (round 47) (${form})`, async () => {
      const own = [
        "令和3年度 総合戦略 KPI検証",
        "",
        "| 指標 | 単位 | 基準値(H30) | R2実績 | R3実績 | 目標値(R6) | 評価 | 担当課 |",
        "|---|---|---|---|---|---|---|---|",
        "| 市内総生産 | 億円 | 3,210 | 3,340 | 集計中 | 3,500 | ○ | 企画課 |",
        "| 観光客数 | 千人 | 410 | 380 | 455 | 500 | △ | 観光課 |",
        "",
        "評価 ◎:目標達成 ○:基準値より改善 △:基準値より悪化",
      ];
      expect(await refusal(own, form)).toMatch(/どの年度の値で評価したか/);
    });
});
