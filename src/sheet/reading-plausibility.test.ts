// The last guard (reading-plausibility.ts) fed the readings that past first readings wrote with
// exit 0 (fixtures/layouts/README.md, rounds 5–12), as they came out — each must be refused even
// though the rules that now read those layouts right are in place; and a right reading passes.
import { describe, expect, it } from "vitest";
import type { Kpi, Sheet, Value } from "../core/sheet.ts";
import type { ImportProfile } from "./profile-types.ts";
import { checkReading } from "./reading-plausibility.ts";
import { NotASheet, type SourceTable } from "./types.ts";

const fiscal = (year: number) => ({ year, basis: "fiscal" as const });
const num = (value: number, unit: string | null, year = 2016): Value => ({
  kind: "number",
  value,
  unit,
  period: fiscal(year),
});
const text = (t: string): Value => ({ kind: "text", text: t });
const missing: Value = { kind: "missing" };

function kpi(row: number, indicator: string, over: Partial<Kpi> = {}): Kpi {
  return {
    row,
    goal: { no: 0, title: "" },
    subgoal: { no: 0, title: "" },
    measure: { no: 0, title: "" },
    initiatives: [],
    status: null,
    indicator,
    target: num(100, "人"),
    actual: num(90, "人"),
    finalTarget: missing,
    evaluation: { category: "not_evaluable", covid: false, printed: false },
    reason: null,
    challenge: null,
    nextSteps: null,
    departments: [],
    ...over,
  };
}

const sheet = (fiscalYear: number, kpis: Kpi[]): Sheet => ({ format: "sheet/1", fiscalYear, kpis });
const table = (rows: string[][]): SourceTable => ({
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
  outside: [],
});
const tableProfile = (headerRows: number[], columns: ImportProfile["columns"] = []): ImportProfile => ({
  layout: "table",
  headerRows,
  columns,
});

function refusal(s: Sheet, t: SourceTable, p?: ImportProfile): string {
  try {
    checkReading(s, t, p);
  } catch (e) {
    expect(e).toBeInstanceOf(NotASheet);
    expect((e as NotASheet).code).toBe("implausible_reading");
    expect((e as NotASheet).message).toContain("--profile");
    return (e as NotASheet).message;
  }
  throw new Error("not refused");
}

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
});
