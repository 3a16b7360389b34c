// The last guard (reading-plausibility.ts), continued: the wrong readings (exit 0) of rounds 13–24's first
// readings and prints, as they came out — each must be refused (rounds 5–12: reading-plausibility.test.ts;
// rounds 25–29: reading-plausibility-rounds-25.test.ts; round 30: unread-level-guards.test.ts).
import { describe, expect, it } from "vitest";
import { checkReading } from "./reading-plausibility.ts";
import { kpi, missing, num, refusal, sheet, table, tableProfile, text } from "./test-plausibility.ts";
import type { SourceTable } from "./types.ts";

describe("past wrong readings (exit 0) are refused, rounds 13 and later", () => {
  it("round 13 fuji-shisaku: 章 kept as is (「第1章 安全・安心」), no KPI placed in the plan", () => {
    const t = table([
      ["章", "施策指標", "実績値(H27)"],
      ["第1章 安全・安心", "a", "1"],
    ]);
    const s = sheet(2016, [
      kpi(2, "防災訓練参加者数", { extras: [{ header: "章", text: "第1章 安全・安心" }] }),
      kpi(3, "交通事故発生件数"),
      kpi(4, "講座数", { extras: [{ header: "章", text: "第2章 健康・福祉" }] }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("列「章」");
  });

  it("round 14 toyooka-kenshou: each indicator kept with its list's bullet 「○」", () => {
    const t = table([
      ["手段", "重要業績評価指標(KPI)", "目標値(2017年(度))", "実績値(2017年(度))"],
      ["", "○豊岡に関する情報が取り上げられた回数", "68件", "75件"],
    ]);
    const s = sheet(2017, [kpi(2, "○豊岡に関する情報が取り上げられた回数", { actual: num(75, "件", 2017) })]);
    expect(refusal(s, t, tableProfile([1]))).toContain("記号で始まります");
  });

  it("round 22 tokushima-shuyo: the 「●」 summary and the 「○」 target read as one indicator's name", () => {
    const name =
      "エアポートセールスを推進し、空港の利用を促進します。○臨空用地への企業立地件数(累計)㉓0件→㉖";
    const t = table([
      ["番号", "主要事業名・事業概要・数値目標", "実績値(25年度)"],
      ["1", `●${name}3件`, "2件"],
    ]);
    const s = sheet(2013, [kpi(2, name, { actual: num(2, "件", 2013) })]);
    expect(refusal(s, t, tableProfile([1]))).toContain("事業の概要と指標");
  });

  it("round 22 okinawa-pdca: 「3-(7)-ア …」 read as 3 with 「-(7)-ア」 kept in the measure's title", () => {
    const t = table([
      ["施策展開", "成果指標", "実績値"],
      ["3-(7)-ア 情報通信関連産業の高度化", "情報通信関連産業の雇用者数", "30,120人"],
    ]);
    const s = sheet(2022, [
      kpi(2, "情報通信関連産業の雇用者数", {
        measure: { no: 3, title: "-(7)-ア 情報通信関連産業の高度化" },
        actual: num(30120, "人", 2022),
      }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("番号の一部");
  });

  it("round 22 okinawa-pdca (unruled print): the row below's baseline run into this one's", () => {
    const t = table([
      ["成果指標", "基準値", "実績値"],
      ["離島における新規就農者数(累計)", "180人 (R2年度)", "412人 (R4年度)"],
    ]);
    const s = sheet(2022, [
      kpi(2, "離島における新規就農者数(累計)", {
        baseline: text("180人(R2年度)6,170万円"),
        actual: num(412, "人", 2022),
      }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("二つの数値");
  });

  it("round 14 toyooka-kenshou: 手段 kept as is (「01-01 様々なメディア等で…」), no KPI placed in the plan", () => {
    const t = table([
      ["手段", "重要業績評価指標(KPI)", "実績値(2017年(度))"],
      ["01-01 様々なメディア等で豊岡が取り上げられている", "a", "1"],
    ]);
    const at = (row: number, ind: string, code?: string) =>
      kpi(row, ind, {
        actual: num(1, "件", 2017),
        ...(code ? { extras: [{ header: "手段", text: code }] } : {}),
      });
    const s = sheet(2017, [
      at(2, "取り上げられた回数", "01-01 様々なメディア等で豊岡が取り上げられている"),
      at(3, "いいね済数"),
      at(4, "ポータルサイト閲覧数", "01-02 豊岡で働く魅力が若者に伝わっている"),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("列「手段」");
    // Placed in the level it names, the same reading passes.
    for (const k of s.kpis) k.measure = { no: 1, title: "様々なメディア等で豊岡が取り上げられている" };
    s.kpis[2]!.measure = { no: 2, title: "豊岡で働く魅力が若者に伝わっている" };
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 14 tamba-ichiran: 「事業名(担当課)」's bracket read as every KPI's unit 「担当課」", () => {
    const t = table([
      ["事業名(担当課)", "重要業績評価指標", "H27目標値", "H27実績"],
      ["①木の駅プロジェクト<br>(市民環境課)", "新規兼業農林家数", "20人", "57人"],
    ]);
    const s = sheet(2016, [kpi(2, "新規兼業農林家数", { unit: "担当課" })]);
    expect(refusal(s, t, tableProfile([1]))).toContain("単位「担当課」");
  });

  it("round 14 tamba-ichiran: 効果度 kept as is under a 数値目標 table — its labels the legend explains", () => {
    const t: SourceTable = {
      ...table([
        ["数値目標", "基準値(H26)", "H27目標値", "H27実績", "H28目標値"],
        ["○新規起業件数", "16件/年", "20件/年", "13件/年", "20件/年"],
        ["○市民の割合", "18.1%(H27)", "", "18.1%", "増加"],
        ["事業名(担当課)", "重要業績評価指標", "H27目標値", "H27実績", "地方創生に関する効果度"],
        ["①木の駅プロジェクト", "新規兼業農林家数", "20人", "57人", "地方創生に非常に効果があった"],
        ["②丹波栗振興事業", "栗の新植面積", "5.0ha", "4.6ha", "地方創生に相当程度効果があった"],
      ]),
      outside: [
        {
          row: 9,
          text: "○評価項目 地方創生に非常に効果があった:目標値を上回った 地方創生に相当程度効果があった:目標値を相当程度達成した",
        },
      ],
    };
    const s = sheet(2015, [
      kpi(5, "新規兼業農林家数", { actual: num(57, "人", 2015) }),
      kpi(6, "栗の新植面積", { actual: num(4.6, "ha", 2015) }),
    ]);
    const p = tableProfile([1, 4], [{ col: 5, header: "地方創生に関する効果度", field: "extra" }]);
    expect(refusal(s, t, p)).toContain("5列目「地方創生に関する効果度」");
  });

  it("round 14 unruled prints: a wrapped name's second line read as a KPI with no value and no rating", () => {
    const t = table([
      ["事業名(担当課)", "重要業績評価指標", "H27目標値", "H27実績"],
      ["木の駅プロジェクト", "木の駅プロジェクトに参加した新", "20人", "57人"],
      ["(市民環境課)", "規兼業農林家数", "", ""],
    ]);
    const s = sheet(2015, [
      kpi(2, "木の駅プロジェクトに参加した新", { actual: num(57, "人", 2015) }),
      kpi(3, "規兼業農林家数", { target: missing, actual: missing }),
      kpi(4, "栗の新植面積", { actual: num(4.6, "ha", 2015) }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("値が一つもありません");
    // A KPI whose values are all missing but whose rating is printed (not measured yet) passes.
    s.kpis[1]!.evaluation = { category: "not_evaluable", covid: false, label: "－" };
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 15 gyokuto-senkou split print: the columns of the later pages joined into the last project's name", () => {
    const t = table([
      ["交付対象事業の名称", "指標", "指標値", "実績値"],
      ["子育て応援事業", "出生数前年比増", "3", "11"],
    ]);
    const joined =
      "子育て応援事業外部有識者からの意見予定どおり総合戦略が策定されたため特に意見なし事業実施により一定の成果が確認されたため特に意見なし今後の方針の理由本事業により総合戦略を策定し、当初の予定どおり事業を終了した。子育てしやすい環境を整え、出産や移住定住につなげていく。";
    const s = sheet(2015, [
      kpi(2, "出生数前年比増", { initiatives: ["子育て応援事業"], actual: num(11, "人", 2015) }),
      kpi(3, "第3子以降の出生数前年比増", { initiatives: [joined], actual: num(1, "世帯", 2015) }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("事業名が文章の連なり");
    // A project named in a sentence of its own (「ふるさとへUIJターン!応援します。」) passes.
    s.kpis[1]!.initiatives = ["ふるさとへUIJターン!応援します。"];
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("pairs of variants (minato-seisaku): a row that lost its 意見 cell, read with the unit 「t-CO2」 as the indicator", () => {
    const t = table([
      ["政策", "意見", "指標名", "単位", "基準値", "実績値"],
      ["3 環境に配慮したまちをつくる", "(5) 区有施設の温室効果ガス排出量", "t-CO2", "56,200", "52,100"],
    ]);
    const s = sheet(2019, [
      kpi(2, "子育てひろばの利用者数", { unit: "人", actual: num(201800, "人", 2019) }),
      kpi(3, "t-CO2", { unit: null, actual: num(52100, null, 2019) }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("単位の形");
    // Another KPI's unit read as a name is refused too; a name in Latin letters (GDP) passes.
    s.kpis[1]!.indicator = "人";
    expect(refusal(s, t, tableProfile([1]))).toContain("単位の形");
    s.kpis[1]!.indicator = "GDP";
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 24 fukuoka-hofuku: the sheet's year from a ※ footnote (2013), every actual of a later year (2016)", () => {
    const t = table([
      ["指標項目", "初期値(計画策定時)", "現状値", "目標値", "評価"],
      ["相談窓口認知度", "35.9%(平成25年度)", "34.3%(平成28年度)", "45.0%(平成31年度)", "b"],
    ]);
    const s = sheet(2013, [
      kpi(2, "相談窓口認知度", { actual: num(34.3, "%", 2016) }),
      kpi(3, "外出の頻度", { actual: num(62.9, "%", 2016) }),
    ]);
    expect(refusal(s, t, tableProfile([1]))).toContain("実績値はどれもそれより後の年度");
    // A lagging statistic (an earlier actual) and one later figure among others pass.
    s.kpis[1]!.actual = num(60, "%", 2012);
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 24 fukuoka-hofuku's Chromium print: two glyphs out of order, the name's brackets crossing", () => {
    const name = "災害時の孤立度「(頼る人がいない」と回答した人の割合)";
    const t = table([
      ["指標項目", "現状値", "目標値"],
      [name, "11.7%", "5.0%"],
    ]);
    const s = sheet(2016, [kpi(2, name, { actual: num(11.7, "%", 2016) })]);
    expect(refusal(s, t, tableProfile([1]))).toContain("括弧が交差");
    // Nested brackets, and a closer whose opener wrapped onto the line above, pass.
    s.kpis[0]!.indicator = "災害時の孤立度(「頼る人がいない」と回答した人の割合)";
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
    s.kpis[0]!.indicator = "回答した人の割合)";
    expect(() => checkReading(s, t, tableProfile([1]))).not.toThrow();
  });

  it("round 24 seiyo-suishin's unruled print: the grid's years a column off, 2019 read under 「平成30年度実績報告」", () => {
    const t = table([
      ["平成30年度 地方創生推進交付金事業 平成30年度実績報告"],
      ["指標", "区分", "平成30年度", "平成31年度"],
      ["創業件数(件)", "目標値", "6", "6"],
    ]);
    const s = sheet(2019, [kpi(3, "創業件数(件)", { actual: num(4, "件", 2019) })]);
    expect(refusal(s, t, tableProfile([2]))).toContain("表題は2018年度の実績");
    // A report made after the year it reports (令和元年度 report of H30's results) passes.
    s.fiscalYear = 2018;
    s.kpis[0]!.actual = num(4, "件", 2018);
    expect(() => checkReading(s, t, tableProfile([2]))).not.toThrow();
  });
});
