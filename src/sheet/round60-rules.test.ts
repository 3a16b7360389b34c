import { describe, expect, it } from "vitest";
import { crossCuttingOrdinal } from "./heading-levels.ts";
import { valueKey } from "./layout-golden.ts";
import { gridDateYear, knownLongKeyFirst } from "./round60-card-keys.ts";
import { read, refusal } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];

describe("round 60: cross-cutting goals numbered in their own series (横断的目標①)", () => {
  it("reads the number after the word, and none when there is none", () => {
    expect(crossCuttingOrdinal("横断的目標① 多様な人材の活躍を推進する")).toEqual({
      no: 1,
      title: "多様な人材の活躍を推進する",
    });
    expect(crossCuttingOrdinal("横断的目標2:新しい時代の流れを力にする")).toEqual({
      no: 2,
      title: "新しい時代の流れを力にする",
    });
    expect(crossCuttingOrdinal("横断的目標 デジタル実装の基礎条件整備")).toEqual({
      no: 0,
      title: "デジタル実装の基礎条件整備",
    });
    expect(crossCuttingOrdinal("横断的な取組の推進体制")).toBeNull();
  });
  const city = [
    "第2期○○市総合戦略 KPI進捗状況一覧(令和3年度実績)",
    "",
    "基本目標① 将来に夢と希望の持てるまちをつくる",
    "",
    "| 施策 | 重要業績評価指標(KPI) | 単位 | 基準値(R1) | 実績値(R3) | 目標値(R6) | 進捗 | 担当課 |",
    "|---|---|---|---|---|---|---|---|",
    "| (1) 港の機能強化 | コンテナ取扱量 | TEU | 17,806 | 19,340 | 26,000 | 前進 | 港湾課 |",
    "| | 客船の寄港回数 | 回 | 34 | 0 | 40 | 後退 | 港湾課 |",
    "",
    "横断的目標① 多様な人材の活躍を推進する",
    "",
    "| 施策 | 重要業績評価指標(KPI) | 単位 | 基準値(R1) | 実績値(R3) | 目標値(R6) | 進捗 | 担当課 |",
    "|---|---|---|---|---|---|---|---|",
    "| (1) 女性の活躍推進 | 審議会等の女性委員の割合 | % | 28.4 | 31.2 | 35.0 | 前進 | 人権課 |",
    "| (2) 外国人材の受入れ | 外国人住民の相談件数 | 件 | 120 | 120 | 200 | 横ばい | 国際課 |",
    "",
    "進捗の区分 達成:目標値を達成したもの 前進:基準値より前進したもの 横ばい:基準値から変化のないもの 後退:基準値より後退したもの -:実績値が把握できないもの",
  ];
  for (const form of FORMS)
    it(`reads 「横断的目標①」 over a table as a goal numbered 1 by its own series (${form})`, async () => {
      const sheet = await read(city, form);
      expect(sheet.kpis.map((k) => `${k.goal.no} ${k.goal.title} / ${k.measure.no} ${k.indicator}`)).toEqual([
        "1 将来に夢と希望の持てるまちをつくる / 1 コンテナ取扱量",
        "1 将来に夢と希望の持てるまちをつくる / 1 客船の寄港回数",
        "1 多様な人材の活躍を推進する / 1 審議会等の女性委員の割合",
        "1 多様な人材の活躍を推進する / 2 外国人住民の相談件数",
      ]);
      expect(sheet.kpis.map((k) => `${k.evaluation?.category} ${k.evaluation?.label}`)).toEqual([
        "mostly_on_track 前進",
        "delayed 後退",
        "mostly_on_track 前進",
        "delayed 横ばい",
      ]);
    });
});

describe("round 60: cards of a 先行型 交付金's projects (a long known key first, a grid of year-end dates)", () => {
  it("starts the pairs at a long key the reader knows when the cell after it is a value", () => {
    expect(knownLongKeyFirst(["重要業績評価指標(KPI)", "新規立地企業数", "単位", "社"])).toBe(true);
    // (a group label no header names, then a key: the pairs start at the second cell)
    expect(knownLongKeyFirst(["総合戦略上の位置付け", "基本目標", "1 しごと"])).toBe(false);
    // (a long key before another key: no value after it)
    expect(knownLongKeyFirst(["重要業績評価指標(KPI)", "指標", "目標値"])).toBe(false);
  });
  it("reads a grid's year-end date as the fiscal year it closes", () => {
    expect(gridDateYear("H28.3")).toBe(2015);
    expect(gridDateYear("R4.3")).toBe(2021);
    expect(gridDateYear("2016.9")).toBe(2016);
    expect(gridDateYear("H28年度")).toBeNull();
    expect(gridDateYear("目標値")).toBeNull();
  });
  const card = (
    name: string,
    dept: string,
    kpi: string,
    unit: string,
    base: string,
    t: string,
    a: string,
    rate: string,
    t2: string,
    effect: string,
  ) => [
    `| 事業名 | ${name} | | |`,
    "|---|---|---|---|",
    `| 担当課 | ${dept} | | |`,
    `| 重要業績評価指標(KPI) | ${kpi} | 単位 | ${unit} |`,
    "| 区分 | 事業開始前(H27.3) | H28.3 | H29.3 |",
    `| 目標値 | | ${t} | ${t2} |`,
    `| 実績値 | ${base} | ${a} | |`,
    `| 達成率 | | ${rate} | |`,
    `| 事業効果 | ${effect} | | |`,
    "| 今後の方針 | 事業の継続 | | |",
    "",
  ];
  const legend =
    "事業効果 地方創生に非常に効果的であった:KPIが目標値を上回った 地方創生に相当程度効果があった:KPIが目標値の7割以上に達した 地方創生に効果があった:KPIが事業開始前より改善した 地方創生に効果がなかった:KPIが事業開始前より悪化した";
  const sheet = [
    "<!--cards-->",
    "地方創生先行型交付金事業の効果検証シート(平成27年度実施事業)",
    "",
    ...card(
      "創業支援事業",
      "商工課",
      "創業者数",
      "人",
      "4",
      "8",
      "11",
      "137.5%",
      "16",
      "地方創生に非常に効果的であった",
    ),
    ...card(
      "観光振興事業",
      "観光課",
      "観光施設の入込客数",
      "千人",
      "412",
      "440",
      "398",
      "90.5%",
      "460",
      "地方創生に効果がなかった",
    ),
    legend,
  ];
  for (const form of FORMS)
    it(`reads each card's KPI, its baseline, this year's target and actual and the next year's target (${form})`, async () => {
      const s = await read(sheet, form);
      expect(s.fiscalYear).toBe(2015);
      expect(
        s.kpis.map((k) => [
          k.indicator,
          k.unit,
          valueKey(k.baseline),
          valueKey(k.actual),
          valueKey(k.finalTarget),
          k.years?.map((y) => y.year).join(","),
          k.initiatives.join(""),
          k.departments.join(""),
          k.evaluation?.category,
        ]),
      ).toEqual([
        [
          "創業者数",
          "人",
          "4 人 @2014",
          "11 人 @2015",
          "16 人 @2016",
          "2015,2016",
          "創業支援事業",
          "商工課",
          "on_track",
        ],
        [
          "観光施設の入込客数",
          "千人",
          "412000 人 @2014",
          "398000 人 @2015",
          "460000 人 @2016",
          "2015,2016",
          "観光振興事業",
          "観光課",
          "delayed",
        ],
      ]);
    });
  for (const form of FORMS)
    it(`refuses a grid of two dates closing one fiscal year, naming both (${form})`, async () => {
      const halfYear = sheet.map((l) =>
        l === "| 区分 | 事業開始前(H27.3) | H28.3 | H29.3 |"
          ? "| 区分 | 事業開始前(H27.3) | H27.9 | H28.3 |"
          : l,
      );
      expect(await refusal(halfYear, form)).toMatch(/「H27\.9」と「H28\.3」はどちらも2015年度/);
    });
  const cards = sheet.slice(0, -1);
  // (A line wrapped mid-word is a printed text's — a PDF's, as the Markdown form stands for; a workbook keeps a line whole.)
  for (const form of ["kpi.md"])
    it(`joins a legend line wrapped in the middle of a rated word back (${form})`, async () => {
      const cut = [
        ...cards,
        "事業効果 地方創生に非常に効果的であった:KPIが目標値を上回った 地方創生に相当程度効果があった:KPIが目標値の7割以上に達した 地方創生に効果がなかっ",
        "た:KPIが事業開始前より悪化した",
      ];
      const s = await read(cut, form);
      expect(s.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
        "地方創生に非常に効果的であった on_track",
        "地方創生に相当程度効果があった mostly_on_track",
        "地方創生に効果がなかった delayed",
      ]);
    });
  for (const form of FORMS)
    it(`refuses a legend spliced with a note (no scale read from it), naming its line (${form})`, async () => {
      const spliced = [
        ...cards,
        "事業効果 地方創生に非常に効果的であった:KPIが目標値を上回った 地方創生に相当程度効果があった※目標年月はH28.3。",
        "効果があった:KPIが目標値の7割以上に達した 地方創生に効果があった:KPIが事業開始前より改善した 地方創生に効果がな",
        "した 地方創生に効果がなかった:KPIが事業開始前より悪化した",
      ];
      expect(await refusal(spliced, form)).toMatch(/凡例|評価の語/);
    });
});
