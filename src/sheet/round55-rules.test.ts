import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { round55Refusal } from "./round55-guards.ts";
import { read } from "./test-read-lines.ts";

describe("round 55: a header rating a project or a 施策 (「主要事業の貢献度」, 「事業の有効性」)", () => {
  it("reads the quality of a thing as an extra, not the thing's name or level", () => {
    for (const h of [
      "主要事業の貢献度",
      "事業の有効性",
      "取組の必要性",
      "施策への貢献度",
      "事業の妥当性評価",
    ])
      expect(recogniseHeader(h).field, h).toBe("extra");
  });
  it("leaves the project's name, the KPI's own progress and the course as they were", () => {
    expect(recogniseHeader("事業名").field).toBe("initiatives");
    expect(recogniseHeader("主要事業").field).toBe("initiatives");
    expect(recogniseHeader("事業の達成度").field).toBe("rate");
    expect(recogniseHeader("事業の進捗度").field).toBe("evaluation");
    expect(recogniseHeader("今後の方向性").field).toBe("nextSteps");
  });

  // Another city's デジ田 施策評価: the projects named, and beside them their 有効性 (A/B/C) — a second axis.
  const table = [
    "デジタル田園都市国家構想総合戦略 令和6年度 評価結果",
    "",
    "| 施策 | 主な事業 | 指標 | 単位 | 基準値(R4) | 実績値(R6) | 目標値(R9) | 達成度 | 事業の有効性 | 担当課 |",
    "|---|---|---|---|---|---|---|---|---|---|",
    "| (1) 移住の促進 | お試し住宅事業 | 移住者数 | 人 | 20 | 35 | 50 | ○ | A | 企画課 |",
    "| | | 空き家バンク成約件数 | 件 | 4 | 5 | 15 | △ | | 企画課 |",
    "| (2) 観光の振興 | 観光アプリ整備事業 | アプリ利用者数 | 人 | 0 | 900 | 3,000 | △ | B | 観光課 |",
    "",
    "達成度 ◎:目標値を達成 ○:順調(進捗率40%以上) △:遅れ(進捗率40%未満)",
    "事業の有効性 A:有効である B:一部有効である C:有効でない",
  ];
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`keeps the projects' names and each KPI's own rating; the 有効性 is an extra (${form})`, async () => {
      const s = await read(table, form);
      expect(s.kpis.map((k) => [k.initiatives, k.evaluation.label, k.evaluation.category])).toEqual([
        [["お試し住宅事業"], "○", "on_track"],
        [["お試し住宅事業"], "△", "delayed"],
        [["観光アプリ整備事業"], "△", "delayed"],
      ]);
      expect(s.kpis[0]!.extras).toContainEqual({ header: "事業の有効性", text: "A" });
      expect(s.scale?.bands.map((b) => b.label)).toEqual(["◎", "○", "△"]);
    });
});

describe("round 55: an ordinary 評価検証結果 with the unit and the baseline's year in the cells", () => {
  const table = [
    "総合戦略 評価検証結果(平成30年度)",
    "",
    "基本目標1 しごとをつくる",
    "",
    "| No. | 事業名 | 重要業績評価指標(KPI) | 基準値 | 目標値(H31) | 実績値(H30) | 達成率 | 評価 | 担当課 |",
    "|---|---|---|---|---|---|---|---|---|",
    "| 1 | 販路開拓事業 | 販売額 | 2,000千円(H27) | 12,000千円 | 9,000千円 | 70.0% | B | 商工課 |",
    "| 2 | 観光推進事業 | 観光入込客数 | 1,250千人(H26) | 1,400千人 | 1,240千人 | △6.7% | D | 観光課 |",
    "",
    "【評価】 A:目標を達成(達成率100%以上) B:概ね順調(達成率60%以上) C:遅れている(達成率60%未満) D:基準値を下回る",
  ];
  for (const form of ["kpi.md", "kpi.xlsx"])
    it(`reads each cell's unit and year, and 「△」 as a negative rate (${form})`, async () => {
      const s = await read(table, form);
      expect(s.fiscalYear).toBe(2018);
      const [a, b] = s.kpis;
      expect([a!.baseline, a!.finalTarget, a!.printedRate]).toMatchObject([
        { value: 2000000, unit: "円", period: { year: 2015 } },
        { value: 12000000, period: { year: 2019 } },
        0.7,
      ]);
      expect([b!.baseline, b!.printedRate, b!.evaluation.category]).toMatchObject([
        { value: 1250000, period: { year: 2014 } },
        -0.067,
        "delayed",
      ]);
    });
});

describe("round55Refusal", () => {
  const sheet = (initiatives: string[], measure = "移住の促進") =>
    ({
      format: "sheet/1",
      municipality: null,
      fiscalYear: 2024,
      source: null,
      kpis: [
        {
          indicator: "移住者数",
          initiatives,
          goal: { no: 1, title: "人の流れ" },
          measure: { no: 1, title: measure },
        },
      ],
    }) as unknown as Sheet;
  it("refuses a project named by one grade, naming the KPI and telling how to map the column", () => {
    expect(round55Refusal(sheet(["高"]), () => "指標「移住者数」")).toMatch(
      /事業名が評価の段階だけ\(「高」\).*extra/,
    );
    expect(round55Refusal(sheet(["B"]), () => "x")).toMatch(/「B」/);
  });
  it("refuses a 施策 titled by one grade", () => {
    expect(round55Refusal(sheet([], "中"), () => "x")).toMatch(/施策名が評価の段階だけ/);
  });
  it("lets real names pass (one character that is no grade too)", () => {
    expect(round55Refusal(sheet(["お試し住宅事業"]), () => "x")).toBeNull();
    expect(round55Refusal(sheet(["森"]), () => "x")).toBeNull();
  });
});
