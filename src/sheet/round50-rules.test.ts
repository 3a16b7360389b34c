import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { round50Refusal } from "./round50-guards.ts";
import { bareGoalLine, bracketNumberedLevel, goalRelationHeading } from "./round50-levels.ts";
import { read, refusal } from "./test-read-lines.ts";
import type { SourceTable } from "./types.ts";

// Another city's 施策の方向性 table (a 第2期 総合戦略 of 近畿, words as such sheets print them).
const DIRECTIONS = [
  "第2期総合戦略 KPIの進捗状況(令和3年度実績)",
  "",
  "| 基本目標 | 施策の方向性 | KPI | 単位 | 基準値(R元年度) | 目標値(R6年度) | 実績値(R3年度) | 評価 | 担当課 |",
  "|---|---|---|---|---|---|---|---|---|",
  "| 1 しごとをつくる | (1)創業の支援 | 創業件数 | 件 | 12 | 20 | 15 | B | 商工課 |",
  "| | (2)農業の担い手づくり | 新規就農者数 | 人 | 3 | 10 | 11 | A | 農政課 |",
  "| 2 ひとの流れをつくる | (1)移住の促進 | 移住者数 | 人 | 40 | 80 | 30 | C | 企画課 |",
  "",
  "評価 A:目標値を達成 B:基準値より改善 C:基準値を下回る",
];

// A prefecture's list in two parts (数値目標, KPI), the KPI part naming each goal by its number only.
const LIST = [
  "総合戦略 2016年度評価 数値目標・KPIの達成状況",
  "",
  "1 数値目標",
  "",
  "基本目標1関係(地域に仕事をつくる)",
  "",
  "| 数値目標 | 基準値 | 2016年度実績値 | 目標値(2019年度) |",
  "|---|---|---|---|",
  "| 県内の新規雇用者数(累計) | 0人(2014年度) | 3,200人 | 10,000人 |",
  "",
  "基本目標2関係(新しい人の流れをつくる)",
  "",
  "| 数値目標 | 基準値 | 2016年度実績値 | 目標値(2019年度) |",
  "|---|---|---|---|",
  "| 転入超過数 | 120人(2014年度) | 180人 | 500人 |",
  "",
  "2 KPI",
  "",
  "基本目標1関係",
  "",
  "(1)ものづくり産業",
  "",
  "| KPI | 基準値 | 2016年度目標値 | 2016年度実績値 | 達成状況 | 目標値(2019年度) |",
  "|---|---|---|---|---|---|",
  "| 試作支援の件数 | 10件(2014年度) | 30件 | 34件 | A | 60件 |",
  "",
  "基本目標2関係",
  "",
  "(1)移住の促進",
  "",
  "| KPI | 基準値 | 2016年度目標値 | 2016年度実績値 | 達成状況 | 目標値(2019年度) |",
  "|---|---|---|---|---|---|",
  "| 移住相談件数 | 200件(2014年度) | 260件 | 240件 | B | 400件 |",
  "",
  "達成状況 A:達成率100%以上 B:達成率80%以上100%未満 C:達成率80%未満",
];

describe("round 50 rules", () => {
  it("施策の方向性, the only level under the goal, is the measure (as Markdown and as a worksheet)", async () => {
    for (const name of ["kpi.md", "kpi.xlsx"]) {
      const s = await read(DIRECTIONS, name);
      expect(s.kpis.map((k) => [k.goal.no, k.measure.no, k.measure.title])).toEqual([
        [1, 1, "創業の支援"],
        [1, 2, "農業の担い手づくり"],
        [2, 1, "移住の促進"],
      ]);
      expect(s.kpis[0]!.initiatives).toEqual([]);
    }
  });

  it("beside a 施策 column, 施策の方向性 stays the work under it (豊中市's shape)", async () => {
    const s = await read([
      "| 施策 | 施策の方向性 | 指標 | 単位 | 基準値(2016年度) | 実績値(2019年度) | 目標値(2022年度) | 評価 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 子育て支援の充実 | (1) 切れ目ない支援 | 健診の受診率 | % | 95.1 | 96.4 | 98.0 | A |",
      "",
      "評価 A:目標を達成 B:概ね順調 C:遅れている",
    ]);
    expect(s.kpis[0]!.measure).toEqual({ no: 1, title: "子育て支援の充実" });
    expect(s.kpis[0]!.initiatives).toEqual(["(1) 切れ目ない支援"]);
  });

  it("施策の方向性 right of the levels printed from the goal down is the lowest level, the one before it the middle", async () => {
    const s = await read([
      "| 基本目標 | 具体的な施策 | 施策の方向性 | 指標 | 基準値(H26) | 実績値(H28) | 目標値(H31) | 評価 |",
      "|---|---|---|---|---|---|---|---|",
      "| 1 子育て日本一 | (1) 出産の支援 | ① 妊婦健診の充実 | 妊婦健診の受診率 | 90 | 94 | 98 | B |",
      "",
      "評価 A:目標を達成 B:概ね順調 C:遅れている",
    ]);
    expect([s.kpis[0]!.goal.no, s.kpis[0]!.subgoal.title, s.kpis[0]!.measure.title]).toEqual([
      1,
      "出産の支援",
      "妊婦健診の充実",
    ]);
  });

  it("「基本目標N関係(…)」: goal N and its name; 関係 is no part of either", () => {
    expect(goalRelationHeading("基本目標1関係(県内にしごとをつくり、安心して働けるようにする)")).toBe(
      "基本目標1 県内にしごとをつくり、安心して働けるようにする",
    );
    expect(goalRelationHeading("◆基本目標２関係（ひとの流れ）")).toBe("◆基本目標２ ひとの流れ");
    expect(goalRelationHeading("基本目標3関係")).toBe("基本目標3");
    // (Words about a goal are no heading of one.)
    expect(goalRelationHeading("基本目標1に関係する指標")).toBe("基本目標1に関係する指標");
    expect(bareGoalLine("基本目標3")).toBe("goal");
    expect(bareGoalLine("基本目標3 しごと")).toBeNull();
  });

  it("「(1)…」 alone on a line is the measure only under a goal, and only when it is no sentence", () => {
    expect(bracketNumberedLevel("(1)未病産業", true)).toBe("measure");
    expect(bracketNumberedLevel("（２）ロボット産業", true)).toBe("measure");
    expect(bracketNumberedLevel("(1)未病産業", false)).toBeNull();
    expect(bracketNumberedLevel("(1)基準値は、計画策定時の値です。", true)).toBeNull();
    expect(bracketNumberedLevel("(2) 2019年度", true)).toBeNull();
  });

  it("a list of 数値目標 and KPIs told apart by its parts' headings, the KPI part's goals named by number", async () => {
    for (const name of ["kpi.md", "kpi.xlsx"]) {
      const s = await read(LIST, name);
      expect(s.fiscalYear).toBe(2016);
      expect((s.numericGoals ?? []).map((g) => [g.goal.no, g.goal.title, g.indicator])).toEqual([
        [1, "地域に仕事をつくる", "県内の新規雇用者数(累計)"],
        [2, "新しい人の流れをつくる", "転入超過数"],
      ]);
      expect(
        s.kpis.map((k) => [k.goal.no, k.goal.title, k.measure.no, k.measure.title, k.indicator]),
      ).toEqual([
        [1, "地域に仕事をつくる", 1, "ものづくり産業", "試作支援の件数"],
        [2, "新しい人の流れをつくる", 1, "移住の促進", "移住相談件数"],
      ]);
    }
  });
});

const kpi = (over: Partial<Kpi>): Kpi =>
  ({
    row: 5,
    goal: { no: 1, title: "しごと" },
    subgoal: { no: 0, title: "" },
    measure: { no: 0, title: "" },
    initiatives: [],
    indicator: "創業件数",
    ...over,
  }) as Kpi;
const sheet = (kpis: Kpi[], numericGoals: Kpi[] = []): Sheet =>
  ({ format: "sheet/1", municipality: null, fiscalYear: 2021, source: null, kpis, numericGoals }) as Sheet;
const table = (lines: { row: number; text: string }[], cells: string[][] = []): SourceTable => ({
  rows: cells.map((c, i) => ({ row: i + 1, cells: c })),
  outside: lines,
});

describe("round 50 guards", () => {
  it("a goal titled 「関係(…)」 is refused", () => {
    const s = sheet([kpi({ goal: { no: 1, title: "関係(しごとをつくる)" } })]);
    expect(round50Refusal(s, table([]))).toMatch(/「関係」は名前ではありません/);
  });
  it("a nameless goal N beside the same sheet's named goal N is refused", () => {
    const s = sheet(
      [kpi({ goal: { no: 1, title: "" } })],
      [kpi({ goal: { no: 1, title: "しごとをつくる" } })],
    );
    expect(round50Refusal(s, table([]))).toMatch(/基本目標1に名前がありません/);
  });
  it("施策の方向性's numbered titles read as projects, no measure anywhere, are refused", () => {
    const s = sheet([kpi({ initiatives: ["(1)創業の支援"] })]);
    expect(round50Refusal(s, table([], [["施策の方向性", "KPI"]]))).toMatch(/列「施策の方向性」/);
    // (With the measure read, nothing to refuse.)
    const ok = sheet([kpi({ measure: { no: 1, title: "創業の支援" } })]);
    expect(round50Refusal(ok, table([], [["施策の方向性", "KPI"]]))).toBeNull();
  });
  it("a 「(1)…」 line no KPI carries, no measure read, is refused; a bare goal line over another goal's KPIs too", () => {
    expect(
      round50Refusal(
        sheet([kpi({})]),
        table([
          { row: 2, text: "基本目標1 しごと" },
          { row: 3, text: "(1)ものづくり産業" },
        ]),
      ),
    ).toMatch(/3行目「\(1\)ものづくり産業」/);
    expect(
      round50Refusal(
        sheet([kpi({ row: 9, goal: { no: 2, title: "人の流れ" } })]),
        table([{ row: 7, text: "基本目標1関係" }]),
      ),
    ).toMatch(/基本目標2として読みました/);
  });
  it("a 「(2)…」 section title above every goal is no level (加古川市's report), so not refused", () => {
    const t = table([{ row: 1, text: "(2)数値目標の達成状況と今後の方向性" }]);
    expect(round50Refusal(sheet([kpi({})]), t)).toBeNull();
  });
  it("「2 KPI」 read as an indicator is refused", () => {
    expect(round50Refusal(sheet([kpi({})], [kpi({ indicator: "2 KPI" })]), table([]))).toMatch(/一覧の区分/);
  });
  it("the built tables above, their rules in, pass the guards (read, not refused)", async () => {
    expect(await refusal(LIST)).toBeNull();
    expect(await refusal(DIRECTIONS)).toBeNull();
  });
});
