import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { round47Refusal } from "./round47-guards.ts";
import { levelWordFirst, numberBeforeLevel } from "./round47-level-lines.ts";
import { attempt, read } from "./test-read-lines.ts";
import type { SourceTable } from "./types.ts";

const levels = (k: Kpi) => [
  k.goal.no,
  k.goal.title,
  k.subgoal.no,
  k.subgoal.title,
  k.measure.no,
  k.measure.title,
];

// Another town's plan (its own KPIs and parts: a 成果指標 grouping its 基本的方向性, headings 「N. 基本目標:…」).
const outcomeTable = [
  "○○町総合戦略 アクションプラン 進捗状況(令和元年度実績)",
  "",
  "1. 基本目標:地域の産業を育て、しごとをつくる",
  "",
  "| 成果指標 | 基本的方向性 | KPI | 単位 | 基準値(H30) | 実績値(R1) | 目標値(R6) | 評価 | 担当課 |",
  "|---|---|---|---|---|---|---|---|---|",
  "| (1) 農業の振興 | ア 担い手の育成 | 新規就農者数 | 人 | 2 | 4 | 10 | B | 農林課 |",
  "| | イ 販路の拡大 | 直売所の売上額 | 万円 | 3,200 | 3,500 | 4,000 | A | 農林課 |",
  "| (2) 商工業の振興 | ア 創業の支援 | 創業件数 | 件 | 1 | 0 | 5 | C | 商工課 |",
  "",
  "2. 基本目標:子育ての希望をかなえる",
  "",
  "| 成果指標 | 基本的方向性 | KPI | 単位 | 基準値(H30) | 実績値(R1) | 目標値(R6) | 評価 | 担当課 |",
  "|---|---|---|---|---|---|---|---|---|",
  "| (1) 子育て支援 | ア 保育の充実 | 保育所の定員数 | 人 | 300 | 320 | 360 | A | 子ども課 |",
  "| | イ 相談体制 | 子育て相談件数 | 件 | 120 | 140 | 200 | B | 子ども課 |",
  "",
  "評価 A:順調 B:概ね順調 C:遅れている",
];

describe("round 47: a numbered outcome column over the directions is a level, not a second indicator", () => {
  it.each(["kpi.md", "kpi.xlsx"])(
    "reads 成果指標 | 基本的方向性 | KPI under 「N. 基本目標:…」 (%s)",
    async (name) => {
      const s = await read(outcomeTable, name);
      expect(s.kpis.map((k) => k.indicator)).toEqual([
        "新規就農者数",
        "直売所の売上額",
        "創業件数",
        "保育所の定員数",
        "子育て相談件数",
      ]);
      expect(levels(s.kpis[1]!)).toEqual([
        1,
        "地域の産業を育て、しごとをつくる",
        1,
        "農業の振興",
        2,
        "販路の拡大",
      ]);
      expect(levels(s.kpis[2]!)).toEqual([
        1,
        "地域の産業を育て、しごとをつくる",
        2,
        "商工業の振興",
        1,
        "創業の支援",
      ]);
      expect(levels(s.kpis[4]!)).toEqual([2, "子育ての希望をかなえる", 1, "子育て支援", 2, "相談体制"]);
    },
  );

  it("still refuses two indicator columns when the first holds names, not numbered parts", async () => {
    const lines = outcomeTable.map((l) =>
      l
        .replace("| (1) 農業の振興 |", "| 新規就農者の数 |")
        .replace("| (2) 商工業の振興 |", "| 創業した件数 |"),
    );
    const r = await attempt(lines);
    expect(r.ok).toBe(false);
  });

  it("基本的方向性 is a level of the plan; 方向性 alone stays the KPI's direction", () => {
    expect(recogniseHeader("基本的方向性").field).toBe("subgoal");
    expect(recogniseHeader("基本的な方向性").field).toBe("subgoal");
    expect(recogniseHeader("方向性").field).toBe("direction");
  });
});

describe("round 47: 「N. 基本目標:…」 — the number before the level's word, the title after a colon", () => {
  it("reads the heading's number and title", () => {
    expect(numberBeforeLevel("1. 基本目標:安定した雇用を創出する")).toBe("基本目標1 安定した雇用を創出する");
    expect(levelWordFirst("2.基本目標:若い世代の希望をかなえる")).toBe("基本目標2:若い世代の希望をかなえる");
    expect(readOrdinal(numberBeforeLevel("3. 施策:観光の振興"))).toEqual({ no: 3, title: "観光の振興" });
  });
  it("needs the colon: a section line or a bare level word is no heading", () => {
    expect(numberBeforeLevel("1. 基本目標の達成状況")).toBe("1. 基本目標の達成状況");
    expect(numberBeforeLevel("2. 基本目標")).toBe("2. 基本目標");
  });
});

// A 総合計画's 成果指標 table of another city: statistics out later, rated on their latest figure (as a note says).
const lagging = (note: string) => [
  "△△市総合計画 成果指標の推移(令和3年度評価)",
  "",
  "| 指標名 | 方向 | 単位 | 基準値(R1) | R2 | R3 | 目標値(R6) | 評価 | 担当課 |",
  "|---|---|---|---|---|---|---|---|---|",
  "| 市民所得 | ↑ | 千円 | 2,650 | 2,710 | 未公表 | 2,900 | ○ | 企画課 |",
  "| 刑法犯認知件数 | ↓ | 件 | 820 | 760 | 700 | 600 | ○ | 市民安全課 |",
  "| 製造品出荷額等 | ↑ | 億円 | 4,100 | 未公表 | 未公表 | 4,500 | - | 産業振興課 |",
  "| 転入者数 | ↑ | 人 | 5,200 | 5,310 | 5,420 | 5,600 | ○ | 企画課 |",
  "| 待機児童数 | ↓ | 人 | 25 | 12 | 0 | 0 | ◎ | 子ども課 |",
  "",
  "方向 ↑:増加を目指す ↓:減少を目指す",
  "評価 ◎:目標値を達成 ○:目指す方向に推移 △:目指す方向と逆に推移 -:評価できない",
  note,
];

describe("round 47: a late statistic rated on its latest figure", () => {
  const note = "※市民所得は市町村民経済計算によるため、直近の値で評価した。";
  it.each(["kpi.md", "kpi.xlsx"])(
    "takes the latest figure as the actual when a note says so (%s)",
    async (name) => {
      const s = await read(lagging(note), name);
      expect(s.fiscalYear).toBe(2021);
      const income = s.kpis[0]!;
      expect(income.actual).toMatchObject({ kind: "number", value: 2710000, period: { year: 2020 } });
      expect(income.direction?.direction).toBe("increase");
      expect(s.kpis[1]!.direction?.direction).toBe("decrease");
      // Not rated (「-」): no figure taken, none needed.
      expect(s.kpis[2]!.actual.kind).toBe("missing");
    },
  );
  it("refuses the rated KPI with no figure for its year when no note says which figure was rated", async () => {
    const r = await attempt(lagging(""));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/市民所得.*評価「○」.*2020年度の値「2,710」/);
  });
});

describe("round 47 guards", () => {
  const kpi = (over: Partial<Kpi>): Kpi =>
    ({
      row: 3,
      goal: { no: 0, title: "" },
      subgoal: { no: 0, title: "" },
      measure: { no: 0, title: "" },
      indicator: "観光消費額",
      actual: { kind: "missing", raw: "未公表" },
      target: { kind: "missing" },
      evaluation: { category: "mostly_on_track", label: "○", covid: false },
      years: [
        {
          year: 2018,
          target: { kind: "missing" },
          actual: { kind: "number", value: 61540, period: { year: 2018, basis: "fiscal" }, raw: "61,540" },
        },
      ],
      ...over,
    }) as unknown as Kpi;
  const sheet = (kpis: Kpi[]): Sheet => ({
    format: "sheet/1",
    municipality: null,
    fiscalYear: 2019,
    source: null,
    kpis,
  });
  const table = (lines: string[]): SourceTable => ({
    rows: [],
    outside: lines.map((text, i) => ({ row: i + 1, text })),
  });
  const name = (k: Kpi) => `指標「${k.indicator}」`;

  it("refuses a rating over 「未公表」 with an earlier figure in the grid", () => {
    expect(round47Refusal(sheet([kpi({})]), table([]), name)).toMatch(/観光消費額.*2018年度の値「61,540」/);
  });
  it("lets a blank or a dash under a rating pass (the sheet's own no figure), and 評価できない", () => {
    expect(round47Refusal(sheet([kpi({ actual: { kind: "missing" } })]), table([]), name)).toBeNull();
    const notRated = kpi({ evaluation: { category: "not_evaluable", label: "-", covid: false } });
    expect(round47Refusal(sheet([notRated]), table([]), name)).toBeNull();
  });
  it("refuses a 「N. 基本目標:…」 line whose title no KPI carries", () => {
    const read = kpi({
      actual: { kind: "number", value: 1, unit: null, period: { year: 2019, basis: "fiscal" } },
    });
    expect(round47Refusal(sheet([read]), table(["1. 基本目標:しごとをつくる"]), name)).toMatch(/1行目/);
    const carried = { ...read, goal: { no: 1, title: "しごとをつくる" } } as Kpi;
    expect(round47Refusal(sheet([carried]), table(["1. 基本目標:しごとをつくる"]), name)).toBeNull();
  });
});
