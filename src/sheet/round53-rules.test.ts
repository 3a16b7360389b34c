import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { round53Refusal } from "./round53-guards.ts";
import { TOWN_AIM_LEVEL } from "./round53-plan-words.ts";
import { AVERAGE_NOTE, yearSpanEnd } from "./round53-year-span.ts";
import { read, refusal } from "./test-read-lines.ts";

const valueOf = (v: Kpi["baseline"]) =>
  v?.kind === "number" ? `${v.value} ${v.unit ?? ""} @${v.period.year}` : v?.kind === "text" ? `text:${v.text}` : v?.kind;

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
      expect(s.kpis.map((k) => [valueOf(k.baseline), valueOf(k.actual), valueOf(k.finalTarget)])).toEqual([
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
