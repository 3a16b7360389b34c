import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { round53Refusal } from "./round53-guards.ts";
import { PROJECT_SPAN, TOWN_AIM_LEVEL } from "./round53-plan-words.ts";
import { AVERAGE_NOTE, yearSpanEnd } from "./round53-year-span.ts";
import { read, refusal } from "./test-read-lines.ts";

const keyOf = (v: Kpi["baseline"]) =>
  v?.kind === "number"
    ? `${v.value} ${v.unit ?? ""} @${v.period.year}`
    : v?.kind === "text"
      ? `text:${v.text}`
      : v?.kind;

// A town's 成果指標 table in 鯖江市's words: the aim of each part of the plan numbered ①, values with their own years.
const town = [
  "まちの成果指標の達成状況(2018(H30)年度)",
  "",
  "| まちづくりの方針(ターゲット) | 成果指標 | 現状値 | 実績値(2018(H30)年) | 目標値(2019(H31)年) | 達成状況 |",
  "|---|---|---|---|---|---|",
  "| ①子育て世代の定住 | 転入した子育て世帯数 | 40 世帯(2014 年) | 52 世帯 | 60 世帯 | ○ |",
  "| | 新規就農者数 | 12 人(2010~14 年) | 15 人 | 18 人(期間平均) | ○ |",
  "| ②公共交通の確保 | 市営バス年間利用者数 | 12.5 万人(2014 年) | 13.1 万人 | 13 万人 | ◎ |",
  "",
  "【達成状況】 ◎:目標値を達成 ○:現状値より改善 ×:現状値より悪化",
];

describe("round 53: まちづくりの方針 as the plan's broadest level", () => {
  it("knows the town's aim words, not what is done next", () => {
    expect(TOWN_AIM_LEVEL.test("まちづくりの方針")).toBe(true);
    expect(TOWN_AIM_LEVEL.test("まちづくりの目標")).toBe(true);
    expect(TOWN_AIM_LEVEL.test("今後の方針")).toBe(false);
    expect(TOWN_AIM_LEVEL.test("事業の方針")).toBe(false);
  });
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads ①… under 「まちづくりの方針(ターゲット)」 as the goal (${form})`, async () => {
      const s = await read(town, form);
      expect(s.kpis.map((k) => [k.goal.no, k.goal.title])).toEqual([
        [1, "子育て世代の定住"],
        [1, "子育て世代の定住"],
        [2, "公共交通の確保"],
      ]);
      expect(s.fiscalYear).toBe(2018);
    });
});

describe("round 53: 政策目標 over circled numbers, one level's word", () => {
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads ①… under a lone 「政策目標」 column as the goal, not the measure (${form})`, async () => {
      const s = await read(
        town.map((l) => l.replace("まちづくりの方針(ターゲット)", "政策目標")),
        form,
      );
      expect(s.kpis.map((k) => [k.goal.no, k.measure.no])).toEqual([
        [1, 0],
        [1, 0],
        [2, 0],
      ]);
    });
});

describe("round 53: a figure over a span of years, and an average's bracket", () => {
  it("dates 「(2009~14 年)」 at its last year and keeps the span as a note", () => {
    expect(yearSpanEnd("25 人(2009~14 年)")).toEqual({ line: "25 人(2014年)", note: "(2009~14 年)" });
    expect(yearSpanEnd("3.2%(2012〜2014年)")?.line).toBe("3.2%(2014年)");
    expect(yearSpanEnd("120件(H22~26年度)")?.line).toBe("120件(2014年度)");
  });
  it("leaves brackets that are no span of years", () => {
    expect(yearSpanEnd("25 人(2014 年)")).toBeNull();
    expect(yearSpanEnd("25 人(2014~)")).toBeNull();
    expect(yearSpanEnd("25 人(5~10人)")).toBeNull();
    expect(yearSpanEnd("25 人(2014~2010年)")).toBeNull();
    expect(yearSpanEnd("(2009~14 年)")).toBeNull();
  });
  it("knows an average's bracket, not a total's", () => {
    expect(AVERAGE_NOTE.test("期間平均")).toBe(true);
    expect(AVERAGE_NOTE.test("5年間の平均")).toBe(true);
    expect(AVERAGE_NOTE.test("累計")).toBe(false);
    expect(AVERAGE_NOTE.test("合計")).toBe(false);
  });
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads the town's values (${form}): span at its last year, the average a figure, 万人 in 人`, async () => {
      const s = await read(town, form);
      expect(s.kpis.map((k) => [keyOf(k.baseline), keyOf(k.actual), keyOf(k.finalTarget)])).toEqual([
        ["40 世帯 @2014", "52 世帯 @2018", "60 世帯 @2019"],
        ["12 人 @2014", "15 人 @2018", "18 人 @2019"],
        ["125000 人 @2014", "131000 人 @2018", "130000 人 @2019"],
      ]);
    });
});

describe("round 53 guard: a figure with a bracket it could not read, kept as words", () => {
  const kpi = (baseline: Kpi["baseline"]) => ({ indicator: "新規就農者数", baseline }) as unknown as Kpi;
  const sheet = (k: Kpi) => ({ kpis: [k] }) as unknown as Sheet;
  const name = (k: Kpi) => `指標「${k.indicator}」`;
  it("refuses 「12 人(2010~14 年)」 or 「18 人(期間平均)」 kept as text, naming the KPI and the value", () => {
    const m = round53Refusal(sheet(kpi({ kind: "text", text: "12 人(2010~14 年)" })), name);
    expect(m).toContain("新規就農者数");
    expect(m).toContain("基準値「12 人(2010~14 年)」");
    expect(round53Refusal(sheet(kpi({ kind: "text", text: "18人(期間平均)" })), name)).toContain("括弧");
  });
  it("refuses a value that is only 「?」 (a character lost when the file was saved)", () => {
    expect(round53Refusal(sheet(kpi({ kind: "text", text: "?" })), name)).toContain("失われた文字");
  });
  it("leaves words that are no figure, and figures read", () => {
    expect(round53Refusal(sheet(kpi({ kind: "text", text: "策定時より上昇" })), name)).toBeNull();
    expect(round53Refusal(sheet(kpi({ kind: "text", text: "なし" })), name)).toBeNull();
    expect(round53Refusal(sheet(kpi({ kind: "missing" })), name)).toBeNull();
  });
  it("refuses a sheet whose bracket no rule reads (「(2010→14 年)」), not reads it as words", async () => {
    const odd = town.map((l) => l.replace("(2010~14 年)", "(2010→14 年)"));
    expect(await refusal(odd)).toContain("12 人(2010→14 年)");
  });
});

// A 先行型 交付金 report in 坂井市's words: 指標 over the slot label and the name, 目標月 「H28.3」 dating each target.
const grant = (target: string) => [
  "地域活性化・地域住民生活等緊急支援交付金(地方創生先行型)に係る事業実施結果報告",
  "",
  `| No | 交付対象事業の名称 | 交付金の種類 | 実績額 | 指標 | | ${target} | 単位 | 目標月 | 実績値 | 事業の評価 | 今後の方針 |`,
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
  "| 1 | 移住促進事業 | 基礎交付 | 2,500,000 | 指標① | 移住相談件数 | 40 | 件 | H28.3 | 46 | 地方創生に非常に効果的であった | 事業の継続 |",
  "| | | | | 指標② | 移住世帯数 | 8 | 世帯 | H28.3 | 5 | | |",
  "| 2 | 特産品販路開拓事業 | タイプⅠ | 4,100,000 | 指標① | 特産品の売上額 | 12,000 | 千円 | H28.3 | 10,800 | 地方創生に相当程度効果があった | 事業内容の見直し(改善) |",
];

describe("round 53: 目標月, the month each target is set for", () => {
  it("reads 目標月 as a date, not a target", () => {
    expect(recogniseHeader("目標月").field).toBe("extra");
    expect(recogniseHeader("目標年月").field).toBe("extra");
  });
  for (const target of ["指標値", "目標値"])
    for (const form of ["kpi.md", "kpi.xlsx"])
      it(`reads 「${target}」 dated 「H28.3」 as 平成27年度's target, no final target (${form})`, async () => {
        const s = await read(grant(target), form);
        expect(s.fiscalYear).toBe(2015);
        expect(s.kpis.map((k) => [k.indicator, keyOf(k.target), keyOf(k.finalTarget)])).toEqual([
          ["移住相談件数", "40 件 @2015", "missing"],
          ["移住世帯数", "8 世帯 @2015", "missing"],
          ["特産品の売上額", "12000000 円 @2015", "missing"],
        ]);
      });
  it("refuses a KPI whose value is a month's date (a date column read as a value)", () => {
    const k = { indicator: "移住相談件数", finalTarget: { kind: "text", text: "H28.3" } } as unknown as Kpi;
    const m = round53Refusal({ kpis: [k] } as unknown as Sheet, (x) => `指標「${x.indicator}」`);
    expect(m).toContain("最終目標値「H28.3」は年月");
  });
});

// A city's 推進交付金 効果検証 in 上田市's shape: 事業期間 beside 事業名, KPIs dated 「(R5.3)」, 事業効果 A–D per project.
const council = [
  "令和4年度 地方創生推進交付金事業 効果検証シート",
  "",
  "| 事業名 | 事業期間 | 交付対象事業費(千円) | 重要業績評価指標(KPI) | 目標値(R5.3) | 実績値(R5.3) | 事業効果 |",
  "|---|---|---|---|---|---|---|",
  "| 観光誘客推進事業 | 令和3年度~令和5年度 | 12,000 | 観光案内所の利用者数(人) | 5,000 | 5,420 | A |",
  "| | | | 体験ツアーの参加者数(人) | 300 | 310 | |",
  "| 創業支援事業 | 令和2年度~令和4年度 | 8,000 | 創業件数(件) | 10 | 6 | C |",
  "",
  "事業効果 A:全てのKPIで目標値を達成し、非常に効果があった B:相当程度の効果があった C:目標達成は芳しくないが、事業開始前より改善した D:実績値が事業開始前より悪化した",
];

describe("round 53: 事業期間, the years a project runs", () => {
  it("knows the span's words, not the project's", () => {
    expect(PROJECT_SPAN.test("事業期間")).toBe(true);
    expect(PROJECT_SPAN.test("実施期間")).toBe(true);
    expect(PROJECT_SPAN.test("事業名")).toBe(false);
    expect(recogniseHeader("事業期間").field).toBe("extra");
  });
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads 事業名 beside 事業期間 as the project, each KPI rated with it (${form})`, async () => {
      const s = await read(council, form);
      expect(s.fiscalYear).toBe(2022);
      expect(
        s.kpis.map((k) => [k.initiatives[0], keyOf(k.target), keyOf(k.actual), k.evaluation.label]),
      ).toEqual([
        ["観光誘客推進事業", "5000 人 @2022", "5420 人 @2022", "A"],
        ["観光誘客推進事業", "300 人 @2022", "310 人 @2022", "A"],
        ["創業支援事業", "10 件 @2022", "6 件 @2022", "C"],
      ]);
    });
});
