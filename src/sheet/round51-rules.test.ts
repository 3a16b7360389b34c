import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { cleanValueText } from "./general-values.ts";
import { isChoiceList, isColumnChoiceLine } from "./round51-choice-lines.ts";
import { round51Refusal } from "./round51-guards.ts";
import { siblingLabelHits } from "./round51-legend-siblings.ts";
import { bracketedYearMonth, leadingYearColon } from "./round51-year-colon.ts";
import { read } from "./test-read-lines.ts";
import type { SourceTable } from "./types.ts";

// An ordinary 総合戦略 table in another town's words: the point reached 「R3到達点」, each baseline 「R1:…」.
const reached = [
  "第2期 総合戦略 KPIの進捗状況(令和3年度)",
  "",
  "基本目標1 しごとをつくる",
  "",
  "| 施策 | 具体的な施策 | KPI | 基準値 | 目標(R6) | R3到達点 | 進捗 | 担当課 |",
  "|---|---|---|---|---|---|---|---|",
  "| 1)農林業の振興 | ①担い手の確保 | 新規就農者数 | R1:4人 | 20人 | 9人 | A | 農政課 |",
  "| | ②特産品の開発 | 特産品の開発数 | 令和元年度:2品 | 10品 | 3品 | B | 農政課 |",
  "",
  "A:順調 B:一層の取組が必要 C:基準値を下回る",
];

// A 交付金 効果検証 in another city's words: 目標値(H29.3) / 実績値(H29.3), three of the national labels used.
const grant = [
  "平成28年度 地方創生加速化交付金 効果検証",
  "",
  "| 事業名 | 事業費(千円) | KPI | 目標値(H29.3) | 実績値(H29.3) | 事業の効果 | 今後の方向性 |",
  "|---|---|---|---|---|---|---|",
  "| 観光振興事業 | 30,000 | 観光客数(人) | 5,000 | 5,400 | 地方創生に非常に効果的であった | 継続 |",
  "| 移住促進事業 | 12,000 | 移住者数(人) | 20 | 16 | 地方創生に相当程度効果があった | 継続 |",
  "| 企業誘致事業 | 8,000 | 誘致件数(件) | 2 | 0 | 地方創生に対して効果がなかった | 改善 |",
  "",
  "事業の効果 地方創生に非常に効果的であった:全てのKPIが目標を達成 地方創生に相当程度効果があった:一部のKPIが未達成だが概ね成果が得られた 地方創生に効果があった:事業開始前より改善 地方創生に対して効果がなかった:事業開始前より悪化",
  "今後の方向性 拡充/継続/改善/終了",
];

describe("round 51 rules", () => {
  it("「H27到達点」, 「R3到達点」: the point reached that year is its actual", () => {
    expect(recogniseHeader("H27到達点")).toMatchObject({ field: "actual", period: { year: 2015 } });
    expect(recogniseHeader("R3到達点")).toMatchObject({ field: "actual", period: { year: 2021 } });
    expect(recogniseHeader("到達値")).toMatchObject({ field: "actual" });
    // 最終到達目標値 stays the final target.
    expect(recogniseHeader("最終到達目標値").field).toBe("finalTarget");
  });

  it("「H26:0.9ha」: a value opening with its year and a colon", () => {
    expect(leadingYearColon("H26:0.9ha")).toEqual({ period: { year: 2014, basis: "fiscal" }, rest: "0.9ha" });
    expect(leadingYearColon("平成26年度：3,200人")?.period.year).toBe(2014);
    expect(leadingYearColon("2019年度: 45人")?.period.year).toBe(2019);
    expect(cleanValueText("R1:4人")).toMatchObject({ text: "4人", period: { year: 2019 } });
    // No year before the colon, or no figure after it: not this.
    expect(leadingYearColon("目標:10件")).toBeNull();
    expect(leadingYearColon("H26:なし")).toBeNull();
  });

  it("「目標値(R2.3)」, 「(令和2年3月)」: a date closing a fiscal year dates the column to that year", () => {
    expect(bracketedYearMonth("目標値(R2.3)")).toEqual({ year: 2019, basis: "fiscal" });
    expect(bracketedYearMonth("実績値(H28.9)")).toEqual({ year: 2016, basis: "fiscal" });
    expect(bracketedYearMonth("目標値(R2.13)")).toBeNull();
    expect(recogniseHeader("目標値(R2.3)")).toMatchObject({ field: "target", period: { year: 2019 } });
    expect(recogniseHeader("実績値(令和2年3月)")).toMatchObject({ field: "actual", period: { year: 2019 } });
    expect(recogniseHeader("実績値(2020年3月)")).toMatchObject({ field: "actual", period: { year: 2019 } });
  });

  it("reads the town's table: levels 1) / ①, baselines with their year, the point reached", async () => {
    for (const name of ["kpi.md", "kpi.xlsx"]) {
      const sheet = await read(reached, name);
      expect(sheet.fiscalYear).toBe(2021);
      expect(
        sheet.kpis.map((k) =>
          [k.subgoal.no, k.measure.no, k.baseline, k.actual].map((v) => JSON.stringify(v)),
        ),
      ).toHaveLength(2);
      const [a, b] = sheet.kpis;
      expect(a!.baseline).toMatchObject({ kind: "number", value: 4, unit: "人", period: { year: 2019 } });
      expect(b!.baseline).toMatchObject({ kind: "number", value: 2, unit: "品", period: { year: 2019 } });
      expect(a!.actual).toMatchObject({ kind: "number", value: 9, period: { year: 2021 } });
      expect(a!.finalTarget).toMatchObject({ kind: "number", value: 20, period: { year: 2024 } });
      expect([a!.subgoal.no, a!.subgoal.title, b!.measure.no, b!.measure.title]).toEqual([
        1,
        "農林業の振興",
        2,
        "特産品の開発",
      ]);
    }
  });

  it("reads a 交付金 table: the year's target by its date, a band no row uses, the choices line a note", async () => {
    for (const name of ["kpi.md", "kpi.xlsx"]) {
      const sheet = await read(grant, name);
      expect(sheet.fiscalYear).toBe(2016);
      expect(sheet.kpis.map((k) => [k.target.kind, k.finalTarget.kind])).toEqual([
        ["number", "missing"],
        ["number", "missing"],
        ["number", "missing"],
      ]);
      expect(sheet.kpis[0]!.target).toMatchObject({ value: 5000, period: { year: 2016 } });
      expect(sheet.scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
        "地方創生に非常に効果的であった on_track",
        "地方創生に相当程度効果があった mostly_on_track",
        "地方創生に効果があった delayed",
        "地方創生に対して効果がなかった delayed",
      ]);
      expect(sheet.kpis[2]!.initiatives).toEqual(["企業誘致事業"]);
    }
  });

  it("a Markdown row that kept half its cells: one empty cell lost inside, the rest trimmed at its end", async () => {
    const sheet = await read([
      "令和3年度 交付金事業 効果検証",
      "",
      "| 事業名 | 事業費(千円) | KPI | 目標値(R4.3) | 実績値(R4.3) | 事業の効果 | 今後の方針 | 意見 |",
      "|---|---|---|---|---|---|---|---|",
      "| 観光振興事業 | 30,000 | 観光客数(人) | 5,000 | 5,400 | 地方創生に非常に効果的であった | 継続 | 好評。 |",
      "|  | 宿泊者数(人) | 1,200 | 1,350 |",
      "| 移住促進事業 | 12,000 | 移住者数(人) | 20 | 16 | 地方創生に相当程度効果があった | 継続 | 周知を。 |",
      "",
      "事業の効果 地方創生に非常に効果的であった:全てのKPIが目標を達成 地方創生に相当程度効果があった:一部のKPIが目標に達しなかったが概ね成果が得られた",
    ]);
    expect(sheet.kpis.map((k) => [k.indicator, k.target.kind === "number" ? k.target.value : null])).toEqual([
      ["観光客数(人)", 5000],
      ["宿泊者数(人)", 1200],
      ["移住者数(人)", 20],
    ]);
  });

  it("a band's label found by the used labels' opening words, set off by a space, before a colon", () => {
    const text = "地方創生に非常に効果的であった:a 地方創生に相当程度効果があった:b 地方創生に効果があった:c";
    const hits = [
      { label: "地方創生に非常に効果的であった", at: 0, end: 16 },
      { label: "地方創生に相当程度効果があった", at: 19, end: 35 },
    ];
    expect(siblingLabelHits(text, hits).map((h) => h.label)).toEqual(["地方創生に効果があった"]);
    // Labels with no opening words in common (A, B): nothing added.
    expect(
      siblingLabelHits("A:達成 B:未達成 C:悪化", [
        { label: "A", at: 0, end: 2 },
        { label: "B", at: 6, end: 8 },
      ]),
    ).toEqual([]);
  });

  it("a column's name before its choices is a note; a sentence after it is not", () => {
    const cols = [{ header: "今後の方向性" }, { header: "事業の効果" }];
    expect(isColumnChoiceLine("今後の方向性 拡充/継続/縮小/廃止", cols)).toBe(true);
    expect(isColumnChoiceLine("今後の方向性:拡充・継続・縮小", cols)).toBe(true);
    expect(isColumnChoiceLine("今後の方向性 利用者の声を聞き、事業を見直す。", cols)).toBe(false);
    expect(isColumnChoiceLine("拡充/継続/縮小", cols)).toBe(false);
    expect(isChoiceList("<今後の方針> ①事業の継続 ②事業の発展", [])).toBe(true);
  });

  it("guards: a dated target read as final, a band swallowed, a choices line joined, a year-colon value as text", () => {
    const table = (cells: string[][]): SourceTable => ({
      rows: cells.map((c, i) => ({ row: i + 1, cells: c })),
      outside: [],
    });
    const kpi = (over: Record<string, unknown>) => ({
      goal: { no: 0, title: "" },
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "" },
      indicator: "観光客数(人)",
      target: { kind: "missing" },
      actual: { kind: "number", value: 5, unit: "人", period: { year: 2019, basis: "fiscal" } },
      finalTarget: { kind: "number", value: 6, unit: "人", period: { year: 2019, basis: "fiscal" } },
      evaluation: { category: "on_track", covid: false },
      ...over,
    });
    const sheet = (kpis: unknown[], scale?: unknown) =>
      ({ fiscalYear: 2019, kpis, scale }) as unknown as Sheet;
    const name = () => "指標「観光客数(人)」";
    const head = ["事業名", "KPI", "目標値(R2.3)", "実績値(R2.3)", "今後の方針"];
    expect(round51Refusal(sheet([kpi({})]), table([head]), name)).toMatch(/2019年度末.*最終目標/);
    const bands = [
      { label: "地方創生に非常に効果的であった", category: "on_track", min: null, meaning: "達成" },
      {
        label: "地方創生に相当程度効果があった",
        category: "mostly_on_track",
        min: null,
        meaning: "一部未達成 地方創生に効果があった:改善",
      },
    ];
    const rated = kpi({ target: { kind: "number", value: 6, unit: "人", period: { year: 2019 } } });
    expect(round51Refusal(sheet([rated], { bands }), table([head]), name)).toMatch(
      /別の段階「地方創生に効果があった:」/,
    );
    const joined = kpi({
      target: rated.target,
      initiatives: ["観光振興事業\n今後の方針 継続/改善/終了"],
    });
    expect(
      round51Refusal(sheet([joined]), table([head, ["今後の方針 継続/改善/終了", "", "", "", ""]]), name),
    ).toMatch(/選択肢の一覧/);
    const text = kpi({ target: rated.target, baseline: { kind: "text", text: "H26:0.9ha" } });
    expect(round51Refusal(sheet([text]), table([head]), name)).toMatch(/基準値「H26:0.9ha」/);
    expect(round51Refusal(sheet([rated]), table([head]), name)).toBeNull();
    // A rating the lines outside the table explain, missing from the scale read.
    const three = [bands[0], { ...bands[1], meaning: "一部未達成" }];
    const unread = kpi({
      target: rated.target,
      evaluation: { category: "delayed", covid: false, label: "地方創生に効果がなかった" },
    });
    const outside = { ...table([head]), outside: [{ row: 9, text: "地方創生に効果がなかった:悪化した" }] };
    expect(round51Refusal(sheet([unread], { bands: three }), outside, name)).toMatch(/9行目に説明/);
    // An indicator that is a bare figure: the row's cells placed a column off.
    const figure = kpi({ target: rated.target, indicator: "120" });
    expect(round51Refusal(sheet([figure]), table([head]), name)).toMatch(/数値だけ/);
  });
});
