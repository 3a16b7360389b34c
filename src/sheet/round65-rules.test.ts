import { describe, expect, it } from "vitest";
import { joinWrappedUnit } from "./round65-wrapped-unit.ts";
import { read, refusal } from "./test-read-lines.ts";

const FORMS = ["kpi.md", "kpi.xlsx"];

/** A town's report: one table per 基本目標, a 前年度比 column, worded 進捗状況, a 総括 paragraph after each table. */
const town = (ratio: [string, string, string], marks: [string, string, string], legend = true) => [
  "○○町長期総合計画 重点施策の実績報告(平成29年度実績)",
  "",
  ...(legend
    ? [
        "進捗状況の区分 順調:目標の達成に向け順調に推移している おおむね順調:目標の達成に向けおおむね順調に推移している 課題あり:目標の達成に向けて課題がある",
        "",
      ]
    : []),
  "基本目標1 町に仕事をつくる",
  "",
  "| 重点施策 | 重要業績評価指標 | 基準値(H26) | H28実績 | H29実績 | 前年度比 | 目標値(H31) | 進捗状況 |",
  "|---|---|---|---|---|---|---|---|",
  `| (1) 産業の振興 | 特産品の販売額 | 1,820万円 | 2,310万円 | 2,460万円 | ${ratio[0]} | 2,500万円 | ${marks[0]} |`,
  `| | 新規就農者数(累計) | 0人 | 4人 | 5人 | ${ratio[1]} | 10人 | ${marks[1]} |`,
  "",
  "【基本目標1の総括】 特産品の販売は順調に推移している。就農者の定着を図る。",
  "",
  "基本目標2 町への新しいひとの流れをつくる",
  "",
  "| 重点施策 | 重要業績評価指標 | 基準値(H26) | H28実績 | H29実績 | 前年度比 | 目標値(H31) | 進捗状況 |",
  "|---|---|---|---|---|---|---|---|",
  `| (1) 交流人口の拡大 | 観光入込客数 | 14.2万人 | 13.6万人 | 12.9万人 | ${ratio[2]} | 16.0万人 | ${marks[2]} |`,
  "",
  "【基本目標2の総括】 観光入込客数は減少が続いている。",
];
const WORDS: [string, string, string] = ["順調", "おおむね順調", "課題あり"];

describe("round 65: a 前年度比 column beside the year's actual, a 総括 paragraph after each goal's table", () => {
  for (const form of FORMS)
    it(`keeps 前年度比 (this year ÷ last year) as an extra, no achievement rate (${form})`, async () => {
      const sheet = await read(town(["106.5%", "125.0%", "94.9%"], WORDS), form);
      expect(sheet.fiscalYear).toBe(2017);
      expect(sheet.kpis.map((k) => k.printedRate ?? null)).toEqual([null, null, null]);
      expect(sheet.kpis.map((k) => (k.extras ?? []).map((e) => `${e.header}=${e.text}`))).toEqual([
        ["前年度比=106.5%"],
        ["前年度比=125.0%"],
        ["前年度比=94.9%"],
      ]);
      expect(sheet.kpis.map((k) => k.evaluation.category)).toEqual([
        "on_track",
        "mostly_on_track",
        "delayed",
      ]);
      expect(sheet.kpis[2]?.actual).toMatchObject({ value: 129000, unit: "人", period: { year: 2017 } });
      expect(sheet.kpis[2]?.years?.map((y) => y.year)).toEqual([2016, 2017, 2019]);
    });
  for (const form of FORMS)
    it(`reads the 【基本目標Nの総括】 paragraph into no KPI (${form})`, async () => {
      const sheet = await read(town(["106.5%", "125.0%", "94.9%"], WORDS), form);
      expect(sheet.kpis.map((k) => k.comments ?? null)).toEqual([null, null, null]);
      expect(sheet.kpis.map((k) => [k.goal.no, k.measure.no, k.measure.title])).toEqual([
        [1, 1, "産業の振興"],
        [1, 1, "産業の振興"],
        [2, 1, "交流人口の拡大"],
      ]);
    });
  for (const form of FORMS)
    it(`joins a unit wrapped onto its own line in a narrow extra cell (${form})`, async () => {
      const sheet = await read(town(["106.5<br>%", "125.0<br>%", "94.9<br>%"], WORDS), form);
      expect(sheet.kpis.map((k) => k.extras?.[0]?.text)).toEqual(["106.5%", "125.0%", "94.9%"]);
    });
  it("keeps every other line break of a text cell", () => {
    expect(joinWrappedUnit("増加傾向\n%")).toBe("増加傾向\n%");
    expect(joinWrappedUnit("前年より\n増加")).toBe("前年より\n増加");
    expect(joinWrappedUnit("106.5\n%\n(速報値)")).toBe("106.5%\n(速報値)");
  });
  for (const form of FORMS)
    it(`refuses letters in 進捗状況 that no legend explains, naming the column (${form})`, async () => {
      const why = await refusal(town(["106.5%", "125.0%", "94.9%"], ["A", "B", "C"], false), form);
      expect(why).toMatch(/進捗状況/);
      expect(why).toMatch(/凡例/);
    });
});
