import { describe, expect, it } from "vitest";
import type { Category, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { groupRatingsAsExtra } from "./group-ratings.ts";
import { headingLevel, namedLevel } from "./heading-levels.ts";
import { courseStepBelowReached } from "./legend-course-step.ts";
import { courseReadAsReached, lostLevelColumn } from "./round41-guards.ts";
import { read } from "./test-read-lines.ts";
import type { ImportIssue, SourceTable } from "./types.ts";

describe("round 41 rules", () => {
  it("a bare circled number names no level by word: its column's header decides", () => {
    expect(namedLevel("① 嬉野市に住みたい・行きたい“ひと”の流れをつくる")).toBeNull();
    expect(headingLevel("① 企業誘致の推進")).toBe("measure");
    expect(namedLevel("基本目標1 安定した雇用を創出する")).toBe("goal");
  });

  it("「① …」 under 基本目標 is the goal, not a measure lost under the 施策 column", async () => {
    const sheet = await read([
      "第2期 総合戦略 令和3年度 KPIの進捗状況",
      "",
      "| 基本目標 | 具体的な施策 | 重要業績評価指標(KPI) | 基準値 | 目標値(R6) | R3実績値 | 進捗状況 |",
      "|---|---|---|---|---|---|---|",
      "| ① 人の流れをつくる | (1) 観光の振興 | 観光客入込数 | 2,250人(R1) | 2,400人 | 1,582人 | △ |",
      "| | (2) 移住の促進 | 移住相談件数 | 84件(R1) | 120件 | 131件 | ◎ |",
      "| ② しごとをつくる | (1) 茶業の振興 | 新規就農者数 | 3人(R1) | 15人 | 8人 | ○ |",
      "",
      "進捗状況 ◎:目標値を達成 ○:基準値より改善 △:基準値から横ばい又は悪化",
    ]);
    expect(sheet.kpis.map((k) => [k.goal.no, k.goal.title, k.measure.title])).toEqual([
      [1, "人の流れをつくる", "観光の振興"],
      [1, "人の流れをつくる", "移住の促進"],
      [2, "しごとをつくる", "茶業の振興"],
    ]);
  });

  it("「プログラム名」 is a level of the plan; the column after it, the plan's top word too, the measure", async () => {
    expect(recogniseHeader("プログラム名").field).toBe("goal");
    const sheet = await read([
      "令和5年度 政策評価 評価結果一覧",
      "",
      "| プログラム名 | 重点項目 | 指標 | 基準値(R3) | R5実績値 | 目標値(R7) | 重点項目の評価 | 外部評価 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 人口対策プログラム | (1) 子育て支援 | 出生数 | 800人 | 820人 | 900人 | b | B |",
      "| | (2) 移住の促進 | 移住世帯数 | 86世帯 | 152世帯 | 200世帯 | a | |",
      "| 2 産業プログラム | (1) 輸出拡大 | 輸出額 | 79億円 | 121億円 | 120億円 | a | A |",
      "| | (2) 企業立地 | 立地件数 | 48件 | 71件 | 100件 | c | |",
      "",
      "重点項目の評価 a:目標を達成している b:目標の達成に向けて順調に推移している c:やや遅れている d:遅れている",
      "外部評価 A:順調に進んでいる B:概ね順調に進んでいる C:課題がある",
    ]);
    expect(sheet.kpis.map((k) => [k.goal.title, k.measure.title, k.evaluation?.label])).toEqual([
      ["人口対策プログラム", "子育て支援", "b"],
      ["人口対策プログラム", "移住の促進", "a"],
      ["産業プログラム", "輸出拡大", "a"],
      ["産業プログラム", "企業立地", "c"],
    ]);
    expect(sheet.kpis[0]!.extras).toEqual([{ header: "外部評価", text: "B" }]);
    expect(sheet.kpis[1]!.extras ?? []).toEqual([]);
  });

  it("a rating on a group's first row only, beside one on every row, is the group's (kept as an extra)", () => {
    const columns = ["goal", "indicator", "evaluation", "evaluation"].map((field, i) => ({
      field,
      header: ["プログラム名", "指標", "重点項目の評価", "外部評価"][i]!,
      period: null,
      unit: null,
    }));
    const header = { columns } as never;
    const row = (n: number, cells: string[]) => ({ row: n, cells });
    const rows = [
      row(3, ["1 人口", "出生数", "b", "B"]),
      row(4, ["", "移住", "a", ""]),
      row(5, ["2 産業", "輸出額", "a", "A"]),
      row(6, ["", "立地", "c", ""]),
    ];
    const issues: ImportIssue[] = [];
    groupRatingsAsExtra(header, rows, issues);
    expect(columns.map((c) => c.field)).toEqual(["goal", "indicator", "evaluation", "extra"]);
    expect(issues).toHaveLength(1);
    // Off the groups' first rows (row 4): no group's rating — left to the other rules.
    const cols2 = columns.map((c, i) => ({ ...c, field: i >= 2 ? "evaluation" : c.field }));
    groupRatingsAsExtra(
      { columns: cols2 } as never,
      [...rows.slice(0, 3), row(6, ["", "立地", "c", "B"])],
      [],
    );
    expect(cols2.map((c) => c.field)).toEqual(["goal", "indicator", "evaluation", "evaluation"]);
  });

  it("順調に推移 under a band of 達成 is the step under it when no band says 概ね or has a threshold", () => {
    const entries = [
      { label: "a", meaning: "指標の目標を達成している" },
      { label: "b", meaning: "指標の目標の達成に向けて順調に推移している" },
      { label: "c", meaning: "指標の目標の達成に向けてやや遅れている" },
      { label: "d", meaning: "指標の目標の達成に向けて遅れている" },
    ];
    const words: (Category | null)[] = ["on_track", "on_track", "mostly_on_track", "delayed"];
    courseStepBelowReached(entries, words);
    expect(words).toEqual(["on_track", "mostly_on_track", "delayed", "delayed"]);
    // 4 順調に推移 above 3 概ね順調に推移: on track stays.
    const withMostly = [...entries.slice(0, 2), { label: "3", meaning: "概ね順調に推移している" }];
    const w2: (Category | null)[] = ["on_track", "on_track", "mostly_on_track"];
    courseStepBelowReached(withMostly, w2);
    expect(w2).toEqual(["on_track", "on_track", "mostly_on_track"]);
    // ○ 順調(進捗率40%以上): a threshold reads it.
    const w3: (Category | null)[] = ["on_track", "on_track"];
    courseStepBelowReached(
      [
        { label: "◎", meaning: "目標値を達成" },
        { label: "○", meaning: "順調(進捗率40%以上)" },
      ],
      w3,
    );
    expect(w3).toEqual(["on_track", "on_track"]);
  });
});

describe("round 41 guards", () => {
  const none = { no: 0, title: "" };
  const table = (rows: string[][]): SourceTable => ({
    rows: rows.map((cells, i) => ({ row: i + 3, cells })),
    outside: [],
  });
  const profile = {
    layout: "table" as const,
    headerRows: [3],
    columns: [
      { col: 1, header: "基本目標", field: "goal" as const },
      { col: 2, header: "具体的な施策", field: "measure" as const },
      { col: 3, header: "KPI", field: "indicator" as const },
    ],
  };
  const t = table([
    ["基本目標", "具体的な施策", "KPI"],
    ["① 人の流れをつくる", "(1) 観光の振興", "観光客入込数"],
    ["② しごとをつくる", "(1) 茶業の振興", "新規就農者数"],
  ]);
  const sheetOf = (goals: string[]): Sheet =>
    ({
      kpis: goals.map((g, i) => ({
        row: i + 4,
        goal: { no: g ? i + 1 : 0, title: g },
        subgoal: none,
        measure: { no: 1, title: ["観光の振興", "茶業の振興"][i]! },
        indicator: "x",
      })),
    }) as unknown as Sheet;

  it("refuses a level column none of whose titles any KPI sits under, naming the cell", () => {
    expect(lostLevelColumn(sheetOf(["", ""]), t, profile)).toMatch(
      /4行目 1列目「基本目標」の「① 人の流れをつくる」/,
    );
    expect(lostLevelColumn(sheetOf(["人の流れをつくる", "しごとをつくる"]), t, profile)).toBeNull();
  });

  it("a code column beside the names (「1-1」) and a legend row below the table are no lost level", () => {
    const codes = table([
      ["基本目標", "具体的な施策", "KPI"],
      ["1-1", "(1) 観光の振興", "観光客入込数"],
      ["1-2", "(1) 茶業の振興", "新規就農者数"],
      ["評価 A:達成 B:概ね達成 C:未達成", "", ""],
    ]);
    expect(lostLevelColumn(sheetOf(["", ""]), codes, profile)).toBeNull();
  });

  it("refuses a band of reaching and the on-course band under it both read on track (no threshold, no 概ね)", () => {
    const scaleOf = (bands: [string, Category, string, number | null][]): Sheet =>
      ({
        kpis: [],
        scale: { bands: bands.map(([label, category, meaning, min]) => ({ label, category, meaning, min })) },
      }) as unknown as Sheet;
    const read: [string, Category, string, number | null][] = [
      ["a", "on_track", "指標の目標を達成している", null],
      ["b", "on_track", "指標の目標の達成に向けて順調に推移している", null],
      ["c", "mostly_on_track", "やや遅れている", null],
    ];
    expect(courseReadAsReached(scaleOf(read))).toMatch(/「a」.*「b」/);
    const right = read.map((b, i) => (i === 1 ? ([b[0], "mostly_on_track", b[2], b[3]] as typeof b) : b));
    expect(courseReadAsReached(scaleOf(right))).toBeNull();
    // 沼田市's ○ 順調(進捗率40%以上): a threshold reads it on track.
    const paced = read.map((b, i) => (i === 1 ? ([b[0], b[1], "順調(進捗率40%以上)", 0.4] as typeof b) : b));
    expect(courseReadAsReached(scaleOf(paced))).toBeNull();
  });
});
