// The last guard (reading-plausibility.ts) fed the readings that past first readings wrote with
// exit 0 (fixtures/layouts/README.md, rounds 5–13; later ones: reading-plausibility-rounds.test.ts), as they came out — each must be refused even
// though the rules that now read those layouts right are in place; and a right reading passes.
import { describe, expect, it } from "vitest";
import { checkReading } from "./reading-plausibility.ts";
import { kpi, missing, num, refusal, sheet, table, tableProfile, text } from "./test-plausibility.ts";
import type { SourceTable } from "./types.ts";

describe("a right reading passes", () => {
  it("a table of two KPIs with units, targets, actuals of the evaluated year", () => {
    const t = table([
      ["指標名", "単位", "R4目標値", "R4実績値"],
      ["観光客数", "人", "100", "90"],
      ["移住者数", "人", "50", "61"],
    ]);
    const s = sheet(2022, [
      kpi(2, "観光客数", { target: num(100, "人", 2022), actual: num(90, "人", 2022) }),
      kpi(3, "移住者数", { target: num(50, "人", 2022), actual: num(61, "人", 2022) }),
    ]);
    const p = tableProfile([1], [{ col: 4, header: "R4実績値", field: "actual", year: 2022 }]);
    expect(() => checkReading(s, t, p)).not.toThrow();
  });
});

describe("past wrong readings (exit 0) are refused", () => {
  it("round 11 tsukuba-kpi: the grid's 「(単位)」 column not read — every value without its unit", () => {
    const t = table([
      ["指標名", "観光入込客数"],
      ["", "従前値", "H27", "H28", "目標値", "(単位)"],
      ["実績値", "1,200", "1,250", "1,300", "", "千人"],
    ]);
    const s = sheet(2016, [kpi(1, "観光入込客数", { target: missing, actual: num(1300, null) })]);
    expect(refusal(s, t, { layout: "cards" })).toContain("「(単位)」");
  });

  it("round 12 etajima-senryaku: the header's second row as a KPI whose actual is 「実績」", () => {
    const t = table([
      ["指標", "H27", "", ""],
      ["", "実績", "改善・悪化", "達成度"],
      ["転入者数", "820", "改善", "A"],
    ]);
    const s = sheet(2015, [
      kpi(2, "H27", { actual: text("実績"), target: missing }),
      kpi(3, "転入者数", { actual: num(820, "人", 2015) }),
    ]);
    // The row's indicator is a header cell (「H27」); read under the merged name above, its actual still is.
    expect(refusal(s, t, tableProfile([1]))).toContain("「H27」");
    s.kpis[0]!.indicator = "転入者数";
    expect(refusal(s, t, tableProfile([1]))).toContain("「実績」");
  });

  it("round 12 etajima-senryaku: a ≪成果と見直し≫ note under the indicator read as a KPI", () => {
    const t = table([
      ["指標", "H27"],
      ["転入者数", "820"],
      ["≪成果と見直し≫ 転入者は増えた", ""],
    ]);
    const s = sheet(2015, [
      kpi(2, "転入者数", { actual: num(820, "人", 2015) }),
      kpi(3, "≪成果と見直し≫ 転入者は増えた", { actual: missing, target: missing }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("注記");
  });

  it("round 9 ishinomaki-kpi: the 事業実績 sentence below the grid read as the actual", () => {
    const t = table([
      ["指標名", "防災訓練の参加者数"],
      ["事業実績", "平成29年度に完了した。"],
    ]);
    const s = sheet(2015, [kpi(1, "防災訓練の参加者数", { actual: text("平成29年度に完了した。") })]);
    expect(refusal(s, t, { layout: "cards" })).toContain("文章");
  });

  it("round 8 nagaoka-city: 検証結果 (達成済み / 達成見込み) read as the actuals", () => {
    const t = table([
      ["指標名", "目標値", "検証結果"],
      ["a", "10", "達成済み"],
      ["b", "5", "達成見込み"],
    ]);
    const s = sheet(2016, [
      kpi(2, "新規就農者数", { actual: text("達成済み") }),
      kpi(3, "企業立地件数", { actual: text("達成見込み") }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("達成済み");
  });

  it("round 8 kofukin-h28: 目標指標値 read as a second indicator — no KPI with a target", () => {
    const t = table([
      ["事業名", "重要業績評価指標", "目標指標値", "実績値"],
      ["a", "雇用件数", "10件", "8件"],
    ]);
    const s = sheet(2016, [kpi(2, "雇用件数", { target: missing })]);
    expect(refusal(s, t, tableProfile([1]))).toContain("目標指標値");
  });

  it("round 5 cao-growth: 最新の数値 not known — every KPI 実績なし", () => {
    const t = table([
      ["KPI", "最新の数値", "KPIの進捗"],
      ["訪日外国人旅行者数", "1,974万人", "A"],
    ]);
    const s = sheet(2015, [kpi(2, "訪日外国人旅行者数", { actual: missing })]);
    expect(refusal(s, t, tableProfile([1]))).toContain("実績値");
  });

  it("round 6 hirakata-city: year columns 「H31・R1年度」「R2年度」 and the title's 令和3年度 evaluated", () => {
    const t = table([
      ["指標名", "H31・R1年度", "R2年度"],
      ["市民満足度", "61%", "63%"],
    ]);
    const s = sheet(2021, [kpi(2, "市民満足度", { actual: missing, target: num(70, "%", 2021) })]);
    const p = tableProfile(
      [1],
      [
        { col: 2, header: "H31・R1年度", field: "extra" },
        { col: 3, header: "R2年度", field: "extra" },
      ],
    );
    // Without the no-actual rule the year rule alone refuses it: give one KPI an actual of another year.
    s.kpis.push(
      kpi(3, "転入者数", {
        actual: missing,
        years: [{ year: 2020, target: missing, actual: num(5, "人", 2020) }],
      }),
    );
    expect(refusal(s, t, p)).toContain("2021 年度");
  });

  it("two KPIs out of one source row (a second indicator column)", () => {
    const t = table([
      ["指標名", "KPIの進捗", "実績値"],
      ["設備投資額", "開業率", "69.4兆円"],
    ]);
    const s = sheet(2015, [kpi(2, "設備投資額"), kpi(2, "開業率")]);
    expect(refusal(s, t, tableProfile([1]))).toContain("2行目から指標が二つ");
  });

  it("an indicator that repeats a header word (a repeated header read as a row)", () => {
    const t = table([
      ["指標名", "目標値", "実績値"],
      ["観光客数", "100", "90"],
    ]);
    const s = sheet(2016, [kpi(2, "観光客数"), kpi(3, "指標名")]);
    expect(refusal(s, t, tableProfile([1]))).toContain("見出しの語");
  });

  it("round 13 yonago-senkou: 事業の効果 kept as is, its labels explained by the legend — no evaluation read", () => {
    const t: SourceTable = {
      ...table([
        ["指標", "指標値", "実績値", "事業の効果"],
        ["a", "40", "52", "地方創生に非常に効果的であった"],
        ["b", "150", "96", "地方創生に効果があった"],
      ]),
      outside: [
        {
          row: 9,
          text: "■事業の効果 地方創生に非常に効果的であった:KPIが目標値を上回った 地方創生に効果があった:事業開始前より改善した",
        },
      ],
    };
    const s = sheet(2015, [
      kpi(2, "受験者数", { extras: [{ header: "事業の効果", text: "地方創生に非常に効果的であった" }] }),
      kpi(3, "セミナー参加者数", { extras: [{ header: "事業の効果", text: "地方創生に効果があった" }] }),
    ]);
    const p = tableProfile([1], [{ col: 4, header: "事業の効果", field: "initiatives" }]);
    expect(refusal(s, t, p)).toContain("4列目「事業の効果」");
  });

  it("round 13 fuji-shisaku: 備考 「更新数値がないため、H24の値」, the actual read as the evaluated year's", () => {
    const t = table([
      ["施策指標", "中間目標値(H27)", "実績値(H27)", "備考"],
      ["年間商品販売額", "7,600", "7,318", "更新数値がないため、H24の値"],
    ]);
    const s = sheet(2015, [
      kpi(2, "年間商品販売額", {
        actual: num(7318, "億円", 2015),
        extras: [{ header: "備考", text: "更新数値がないため、H24の値" }],
      }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("2012年度の値");
    // Read with the note's year, it passes.
    s.kpis[0]!.actual = num(7318, "億円", 2012);
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("a sentence as the evaluation's label (事業の効果 told in words, read as a rating)", () => {
    const t = table([
      ["指標名", "目標値", "実績値"],
      ["入域観光客数", "100", "90"],
    ]);
    const s = sheet(2016, [
      kpi(2, "入域観光客数", {
        evaluation: { category: "not_evaluable", covid: false, label: "入域客が増えた。" },
      }),
    ]);
    expect(refusal(s, t, { layout: "cards" })).toContain("文章");
  });
});
