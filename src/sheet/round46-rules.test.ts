import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { indicatorTableHeader, isIndicatorTableRow } from "./card-indicator-table.ts";
import { levelNameKey } from "./heading-levels.ts";
import { spacedLabelRun } from "./legend-blocks.ts";
import { categoryOf } from "./legend-categories.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { round46Refusal } from "./round46-guards.ts";
import { read } from "./test-read-lines.ts";
import type { SourceTable } from "./types.ts";
import { behindBandReadAhead } from "./unread-level-guards.ts";

const LEGEND = [
  "<プロジェクト> 進捗度 計画内容に応じた進捗状況 重要業績評価指標",
  "A 概ね計画内容どおり進捗している 当初見込み以上",
  "B 一部に進捗の遅れがみられる 当初見込みの7割前後",
  "C 全体的に進捗の遅れが明らかである 当初見込みの5割以下",
];
const HEADER =
  "| プロジェクト | 重要業績評価指標 | 基準値(H26) | 実績値(H27) | 目標値(H31) | 進捗度 | 担当課 |";
const perGoal = [
  "まち・ひと・しごと創生総合戦略 基本目標検証シート(平成28年度)",
  "",
  "基本目標名 1 しごとをつくり、安心して働けるようにする",
  "",
  HEADER,
  "|---|---|---|---|---|---|---|",
  "| 1 水産業の担い手確保 | 新規漁業就業者数(人) | 4 | 3 | 20 | B | 水産課 |",
  "| 2 創業の支援 | 創業件数(件) | 0 | 6 | 25 | A | 商工課 |",
  "",
  "基本目標名 2 新しい人の流れをつくる",
  "",
  HEADER,
  "|---|---|---|---|---|---|---|",
  "| 3 移住・定住の促進 | 移住相談件数(件) | 18 | 42 | 40 | A | 企画課 |",
  "| 4 観光交流の推進 | 観光客入込数(人) | 1,003 | 872 | 1,200 | C | 観光課 |",
  "",
  ...LEGEND,
];

describe("round 46 rules", () => {
  it("「基本目標名 1 …」: the level's word with 名 is a key before the level's number and title", () => {
    expect(levelNameKey("基本目標名 1 しごとをつくる")).toBe("基本目標1 しごとをつくる");
    expect(levelNameKey("基本目標名:2 人の流れをつくる")).toBe("基本目標2 人の流れをつくる");
    expect(levelNameKey("◆施策名 ③ 観光の振興")).toBe("◆施策③ 観光の振興");
    expect(readOrdinal("基本目標名 2 新しい人の流れをつくる")).toEqual({
      no: 2,
      title: "新しい人の流れをつくる",
    });
    // No number after it: a list's caption or a key alone, no heading.
    expect(levelNameKey("施策名 観光の振興")).toBe("施策名 観光の振興");
    expect(levelNameKey("基本目標名")).toBe("基本目標名");
    expect(levelNameKey("施策名一覧")).toBe("施策名一覧");
  });

  it("a table per goal under 「基本目標名 N …」: the goal from the line, the プロジェクト column the measure", async () => {
    for (const name of ["kpi.md", "kpi.xlsx"]) {
      const sheet = await read(perGoal, name);
      expect(sheet.fiscalYear).toBe(2015);
      expect(sheet.kpis.map((k) => [k.goal.no, k.goal.title, k.measure.no, k.measure.title])).toEqual([
        [1, "しごとをつくり、安心して働けるようにする", 1, "水産業の担い手確保"],
        [1, "しごとをつくり、安心して働けるようにする", 2, "創業の支援"],
        [2, "新しい人の流れをつくる", 3, "移住・定住の促進"],
        [2, "新しい人の流れをつくる", 4, "観光交流の推進"],
      ]);
      expect(sheet.kpis.map((k) => k.evaluation.category)).toEqual([
        "mostly_on_track",
        "on_track",
        "on_track",
        "delayed",
      ]);
    }
  });

  it("a legend judged on two criteria: the KPI at or above what was expected is on track, whatever the hedge", () => {
    expect(categoryOf("A", "概ね計画内容どおり進捗している 当初見込み以上")).toBe("on_track");
    expect(categoryOf("A", "おおむね計画どおり 実績が見込みを上回る")).toBe("on_track");
    expect(categoryOf("A", "計画時の見込値以上")).toBe("on_track");
    // 達成見込み is the step under reached; a hedge alone stays mostly on track.
    expect(categoryOf("B", "目標達成見込み")).toBe("mostly_on_track");
    expect(categoryOf("A", "概ね順調に進んでいる")).toBe("mostly_on_track");
  });

  it("a delay in part (一部に遅れ) is the step under on track; a general or clear delay is delayed", () => {
    expect(categoryOf("B", "一部に進捗の遅れがみられる 当初見込みの7割前後")).toBe("mostly_on_track");
    expect(categoryOf("B", "一部で遅れがある")).toBe("mostly_on_track");
    expect(categoryOf("B", "事業の一部に遅れが生じている")).toBe("mostly_on_track");
    expect(categoryOf("C", "全体的に進捗の遅れが明らかである")).toBe("delayed");
    expect(categoryOf("C", "遅れている")).toBe("delayed");
  });

  it("a behind band read mostly on track is suspect only beside a hedged band no better than it", () => {
    const scale = (bands: [string, string, Kpi["evaluation"]["category"]][]) =>
      ({
        kpis: [],
        scale: {
          bands: bands.map(([label, meaning, category]) => ({ label, meaning, category, min: null })),
        },
      }) as unknown as Sheet;
    expect(
      behindBandReadAhead(
        scale([
          ["A", "概ね計画内容どおり進捗している 当初見込み以上", "on_track"],
          ["B", "一部に進捗の遅れがみられる", "mostly_on_track"],
          ["C", "全体的に進捗の遅れが明らかである", "delayed"],
        ]),
      ),
    ).toBeNull();
    expect(
      behindBandReadAhead(
        scale([
          ["A", "順調", "on_track"],
          ["B", "概ね順調", "mostly_on_track"],
          ["C", "一部に遅れ", "mostly_on_track"],
        ]),
      ),
    ).toBe("C");
  });

  it("a worksheet's legend one label a row: a line 「A 概ね…」 beside another label's line", () => {
    const rows = (texts: string[]) => texts.map((t) => ({ cells: [t, "", ""] }));
    const legend = rows(["A 概ね計画内容どおり進捗している", "B 一部に進捗の遅れがみられる"]);
    expect(spacedLabelRun(legend, 0)).toBe(true);
    expect(spacedLabelRun(legend, 1)).toBe(true);
    // Alone, the same label twice, a figure after the mark, a row of several cells: no legend line.
    expect(spacedLabelRun(rows(["A 概ね計画内容どおり進捗している"]), 0)).toBe(false);
    expect(spacedLabelRun(rows(["A 概ね順調である", "A 順調である"]), 0)).toBe(false);
    expect(spacedLabelRun(rows(["A 1,234件", "B 567件"]), 0)).toBe(false);
    expect(spacedLabelRun([{ cells: ["A 順調である", "3", ""] }, ...rows(["B 遅れている"])], 1)).toBe(false);
  });

  it("a card's KPI table under its section key 「重要業績評価指標(KPI)」, its year a month (平成28年3月 → FY2015)", () => {
    const t = indicatorTableHeader(
      ["重要業績評価指標(KPI)", "指標", "目標値(平成28年3月)", "実績値(平成28年3月)", "単位"],
      "",
    );
    expect(t).toMatchObject({ nameAt: 1, unitAt: 4 });
    expect(t!.values.map((v) => [v.field, v.year])).toEqual([
      ["target", 2015],
      ["actual", 2015],
    ]);
    expect(isIndicatorTableRow(["", "創業者数", "30", "34", "人"], t!)).toBe(true);
    // A key row under the table (its first cell filled) is no indicator.
    expect(isIndicatorTableRow(["事業効果", "地方創生に効果があった", "", "", ""], t!)).toBe(false);
    // A table with its names in the first column keeps them there; a month after March is that year's.
    expect(indicatorTableHeader(["重要業績評価指標(KPI)", "指標", "基準値", "R4実績"], "")).toBeNull();
    expect(
      indicatorTableHeader(["指標名", "単位", "目標値(令和4年10月)", "実績値(令和4年10月)"], ""),
    ).toMatchObject({ nameAt: 0, values: [{ year: 2022 }, { year: 2022 }] });
  });

  const card = (no: number, project: string, placed: string[], kpis: string[][], effect: string) => [
    "| 基本目標:1.だれもがこの地で元気に働けるふるさとを創る | | | | |",
    "|---|---|---|---|---|",
    `| 交付対象事業名 | ${no}.${project} | | | |`,
    `| 総合戦略における位置づけ | ${placed[0]} | | | |`,
    ...placed.slice(1).map((p) => `| | ${p} | | | |`),
    "| 事業の目的 | 創業を支援する。 | | | |",
    "| 重要業績評価指標(KPI) | 指標 | 目標値(平成28年3月) | 実績値(平成28年3月) | 単位 |",
    ...kpis.map((k) => `| | ${k.join(" | ")} |`),
    `| 事業効果 | ${effect} | | | |`,
    "| 外部有識者の意見 | 継続して支援されたい。 | | | |",
  ];
  const cards = [
    "<!--cards-->",
    "地域活性化・地域住民生活等緊急支援交付金(地方創生先行型) 事業実施結果 個票",
    "",
    ...card(
      1,
      "起業創業支援事業",
      ["具体的施策:(イ)地域の企業が成長するまちづくり", "取組:②地域産業の競争力強化"],
      [
        ["創業者数", "30", "34", "人"],
        ["創業相談件数", "120", "96", "件"],
      ],
      "地方創生に相当程度効果があった",
    ),
    "",
    ...card(
      2,
      "6次産業化推進事業",
      ["施策:(ア)農林水産業", "取組:①付加価値の向上"],
      [["新商品開発数", "5", "7", "件"]],
      "地方創生に非常に効果的であった",
    ),
  ];

  it("a card's place in the plan as labelled lines under one key; the goal a lone labelled row; projects 1., 2.", async () => {
    for (const name of ["kpi.md", "kpi.xlsx"]) {
      const sheet = await read(cards, name);
      expect(sheet.fiscalYear).toBe(2015);
      expect(
        sheet.kpis.map((k) => [
          k.goal.no,
          k.subgoal.no,
          k.subgoal.title,
          k.measure.no,
          k.measure.title,
          k.initiatives,
        ]),
      ).toEqual([
        [1, 2, "地域の企業が成長するまちづくり", 2, "地域産業の競争力強化", ["起業創業支援事業"]],
        [1, 2, "地域の企業が成長するまちづくり", 2, "地域産業の競争力強化", ["起業創業支援事業"]],
        [1, 1, "農林水産業", 1, "付加価値の向上", ["6次産業化推進事業"]],
      ]);
      expect(sheet.kpis.map((k) => [k.evaluation.category, k.comments])).toEqual([
        ["mostly_on_track", "継続して支援されたい。"],
        ["mostly_on_track", "継続して支援されたい。"],
        ["on_track", "継続して支援されたい。"],
      ]);
      expect(sheet.kpis[0]!.target).toMatchObject({ value: 30, period: { year: 2015 } });
    }
  });

  it("guards: a 「基本目標名 N …」 line no KPI carries; a band at or above expectation below on track; graded delays read as one", () => {
    const kpi = (goal: string) => ({
      goal: { no: 1, title: goal },
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "" },
    });
    const table = (lines: string[]): SourceTable => ({
      rows: [],
      outside: lines.map((text, i) => ({ row: i + 1, text })),
    });
    const sheet = (goals: string[], bands: [string, string, string][] = []) =>
      ({
        kpis: goals.map(kpi),
        scale: {
          bands: bands.map(([label, meaning, category]) => ({ label, meaning, category, min: null })),
        },
      }) as unknown as Sheet;
    const line = ["基本目標名 1 しごとをつくる"];
    expect(round46Refusal(sheet(["水産業の担い手確保"]), table(line))).toMatch(
      /どの指標の階層にもなっていません/,
    );
    expect(round46Refusal(sheet(["しごとをつくる"]), table(line))).toBeNull();
    expect(round46Refusal(sheet(["x"]), table(["施策名 観光の振興", "基本目標1 しごとをつくる"]))).toBeNull();
    const bands: [string, string, string][] = [
      ["A", "概ね計画内容どおり進捗している 当初見込み以上", "mostly_on_track"],
      ["B", "一部に進捗の遅れがみられる", "delayed"],
      ["C", "全体的に進捗の遅れが明らかである", "delayed"],
    ];
    expect(round46Refusal(sheet(["x"], bands), table([]))).toMatch(/「A」は実績が見込み以上/);
    bands[0]![2] = "on_track";
    expect(round46Refusal(sheet(["x"], bands), table([]))).toMatch(/「B」\(一部の遅れ\)と「C」/);
    bands[1]![2] = "mostly_on_track";
    expect(round46Refusal(sheet(["x"], bands), table([]))).toBeNull();
  });
});

describe("round 46: a dash under the rate of a row with no actual", () => {
  const table = (last: string) => [
    "令和3年度 KPI進捗状況",
    "",
    "| 施策 | 指標 | 基準値(R1) | R3実績値 | 目標値(R6) | 達成率 | 評価 | 担当課 |",
    "|---|---|---|---|---|---|---|---|",
    "| 1 移住の促進 | 移住相談件数(件) | 18 | 42 | 40 | 105.0% | A | 企画課 |",
    last,
    "| 2 観光の推進 | 観光客数(人) | 1,003 | 872 | 1,200 | 72.7% | C | 観光課 |",
    "",
    "評価 A:目標を達成 B:基準値より改善 C:基準値より悪化",
  ];
  it("stays the rate's when the row left its empty rating and department out (the group's grade carried)", async () => {
    const sheet = await read(table("| | 空き家バンク成約件数(件) | 2 | - | 15 | - |"));
    const k = sheet.kpis[1]!;
    expect([k.actual.kind, k.printedRate ?? null, k.evaluation.category, k.evaluation.label]).toEqual([
      "missing",
      null,
      "on_track",
      "A",
    ]);
  });
  it("a dash beside an actual is still read where the row's fit puts it (a rating's dash)", async () => {
    const sheet = await read(table("| | 空き家バンク成約件数(件) | 2 | 5 | 15 | 33.3% | - | 企画課 |"));
    expect(sheet.kpis[1]!.evaluation.category).toBe("not_evaluable");
  });
});

describe("round 46 guards of a card's lines", () => {
  const kpi = (initiative: string, measure: string, year: number) => ({
    goal: { no: 1, title: "しごとを創る" },
    subgoal: { no: 0, title: "" },
    measure: { no: 2, title: measure },
    initiatives: [initiative],
    actual: { kind: "number", value: 1, unit: "人", period: { year, basis: "fiscal" } },
  });
  const sheet = (kpis: ReturnType<typeof kpi>[]) => ({ kpis, scale: { bands: [] } }) as unknown as Sheet;
  const table = (cells: string[][]): SourceTable => ({
    rows: cells.map((c, i) => ({ row: i + 1, cells: c })),
    outside: [],
  });
  const rows = [
    ["総合戦略における位置づけ", "取組:②地域産業の<br>競争力強化"],
    ["指標", "目標値(平成28年3月)"],
  ];

  it("a labelled level line no KPI carries; a Jan–Mar month read as its calendar year; list numbers kept", () => {
    expect(
      round46Refusal(sheet([kpi("起業支援事業", "地域産業の競争力強化", 2015)]), table(rows)),
    ).toBeNull();
    expect(round46Refusal(sheet([kpi("起業支援事業", "地域の企業", 2015)]), table(rows))).toMatch(
      /「取組:.地域産業の競争力強化」は計画の階層/,
    );
    expect(round46Refusal(sheet([kpi("起業支援事業", "地域産業の競争力強化", 2016)]), table(rows))).toMatch(
      /平成28年3月は2015年度の末/,
    );
    expect(
      round46Refusal(
        sheet([
          kpi("1.起業支援事業", "地域産業の競争力強化", 2015),
          kpi("2.6次産業化推進事業", "地域産業の競争力強化", 2015),
        ]),
        table(rows),
      ),
    ).toMatch(/一覧の番号/);
    // One project numbered 1. alone, or numbers out of order: names as printed.
    expect(
      round46Refusal(sheet([kpi("1.起業支援事業", "地域産業の競争力強化", 2015)]), table(rows)),
    ).toBeNull();
    expect(
      round46Refusal(
        sheet([
          kpi("2.起業支援事業", "地域産業の競争力強化", 2015),
          kpi("5.観光事業", "地域産業の競争力強化", 2015),
        ]),
        table(rows),
      ),
    ).toBeNull();
  });
});
