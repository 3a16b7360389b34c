import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { isOtherColumnsLegend } from "./legend-blocks.ts";
import { labelBracketPairsOf } from "./legend-pair-forms.ts";
import { readLegend } from "./read-legend.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { round43Refusal } from "./round43-guards.ts";
import { read, refusal } from "./test-read-lines.ts";

describe("round 43 rules", () => {
  it("Roman numerals in Latin capitals with a full stop number a level; other Latin words stay titles", () => {
    expect(readOrdinal("I. 「訪れたい」「住みたい」を全力で応援するまちづくり")).toEqual({
      no: 1,
      title: "「訪れたい」「住みたい」を全力で応援するまちづくり",
    });
    expect(readOrdinal("IV. 「人、地域、未来」を全力でつなぐまちづくり").no).toBe(4);
    expect(readOrdinal("基本目標III.安心して子育てできるまち")).toEqual({
      no: 3,
      title: "安心して子育てできるまち",
    });
    expect(readOrdinal("ＩＩ． 働く場をつくる").no).toBe(2);
    // No full stop, or Latin words after it: no numbering.
    expect(readOrdinal("IT産業の振興").no).toBe(0);
    expect(readOrdinal("I.T.の活用").no).toBe(0);
    expect(readOrdinal("IoT 推進").no).toBe(0);
  });

  it("a goal column numbered 「I.」 … 「IV.」 gives each KPI its goal's number and title", async () => {
    const sheet = await read([
      "総合戦略 平成29年度 KPIの達成状況",
      "",
      "| 基本目標 | 具体的な施策 | KPI | 基準値 | 目標値(H31) | H29実績 | 評価 |",
      "|---|---|---|---|---|---|---|",
      "| I. 「訪れたい」を応援するまちづくり | (1) 移住の促進 | 移住者数 | 98人(H26) | 150人 | 163人 | A |",
      "| II. 「働きたい」をかなえるまちづくり | (1) 企業誘致 | 新規雇用者数 | 0人(H26) | 100人 | 74人 | B |",
      "| III. 子育てを支援するまちづくり | (1) 子育て支援 | 拠点の利用者数 | 8,400人(H26) | 10,000人 | 6,000人 | C |",
      "",
      "評価 A:目標値を達成 B:達成率70%以上100%未満 C:達成率70%未満",
    ]);
    expect(sheet.kpis.map((k) => [k.goal.no, k.goal.title])).toEqual([
      [1, "「訪れたい」を応援するまちづくり"],
      [2, "「働きたい」をかなえるまちづくり"],
      [3, "子育てを支援するまちづくり"],
    ]);
  });

  it("guard: a level left unnumbered whose title begins with Latin capitals and a full stop is refused", () => {
    const kpi = (title: string) =>
      ({ indicator: "移住者数", row: 5, goal: { no: 0, title }, measure: { no: 1, title: "移住" } }) as never;
    const sheet = (title: string) => ({ kpis: [kpi(title)] }) as unknown as Sheet;
    const name = () => "指標「移住者数」(5行目)";
    expect(round43Refusal(sheet("I. 「訪れたい」を応援するまちづくり"), name)).toMatch(/番号を読み取れず/);
    expect(round43Refusal(sheet("IT産業の振興"), name)).toBeNull();
    expect(round43Refusal(sheet("安心して暮らせるまち"), name)).toBeNull();
  });

  it("「数値目標評価」 names the indicator's rating, as 「指標評価」 does; 「数値目標」 stays the indicator", () => {
    expect(recogniseHeader("数値目標評価").field).toBe("evaluation");
    expect(recogniseHeader("数値目標判定").field).toBe("evaluation");
    expect(recogniseHeader("数値目標").field).toBe("indicator");
  });

  it("a legend of 「label(meaning)」 pairs joined by 「・」, a meaning holding a bracket of its own", () => {
    const line =
      "数値目標評価 S(現在値が、目標値を超えている)・A(現在値が、基準値を超えている)・B(現在値が、基準値と同水準である(△10%以内))・C(現在値が、基準値より下落している)・−(把握できない等の理由により評価できない)";
    expect(labelBracketPairsOf(line).map((p) => p.label)).toEqual(["S", "A", "B", "C", "−"]);
    expect(labelBracketPairsOf(line)[2]!.meaning).toBe("現在値が、基準値と同水準である(△10%以内)");
    // Words in brackets after a word are no pairs.
    expect(labelBracketPairsOf("出典・注記(令和元年度)・参考(速報値)")).toEqual([]);
  });

  it("the first pair glued to its heading (a word processor's PDF loses the space) is a pair", () => {
    const glued = "数値目標評価S(目標値を超えている)・A(基準値を超えている)・B(基準値と同水準)";
    expect(labelBracketPairsOf(glued).map((p) => p.label)).toEqual(["S", "A", "B"]);
    // A Latin word after the heading is no label.
    expect(labelBracketPairsOf("参考資料PDF(別添)・注記(速報)")).toEqual([]);
  });

  it("guard: a legend cut inside the bracket of a label the column uses, missing from the scale, is refused", async () => {
    const cut = [
      "数値目標評価 S(現在値が、目標値を超えている)・A(現在値が、基準値を超えている)・B(現在値が、基準値と同水準である(△10%以内))・C(現在値が、基準値より下落している)・−(現在値が、把握でき",
    ];
    const withDash = [
      ...rows.slice(0, 3),
      "| (3)産業 | 3-1 農業の振興 | C | 新規就農者数 | 人 | 4 | | 12 | − |",
    ];
    expect(await refusal(twoAxes(withDash, [legends[0]!, ...cut]))).toMatch(/括弧の途中で切れています/);
    // Cut after the used labels' pairs (no label of the column left unexplained): read.
    const sheet = await read(twoAxes(rows, [legends[0]!, `${legends[1]}・D(現在値が、把握`]));
    expect(sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "B", "S", "C"]);
  });

  it("a legend in that form headed by another column's name is that column's scale", () => {
    const other = "施策評価 A(計画通り)・B(概ね計画通り)・C(やや遅れている)・D(遅れている)";
    expect(isOtherColumnsLegend(other, ["施策評価", "所管課"], ["数値目標評価"])).toBe(true);
    expect(isOtherColumnsLegend("数値目標評価 S(…)・A(…)", ["施策評価"], ["数値目標評価"])).toBe(false);
    expect(isOtherColumnsLegend("施策評価の考え方について", ["施策評価"], ["数値目標評価"])).toBe(false);
  });

  it("guard: a second legend line giving a used label another meaning and adding labels is reported", () => {
    const conflicts: { label: string; meanings: [string, string] }[] = [];
    readLegend(
      [
        "S:目標値を超えている A:基準値を超えている B:基準値と同水準 C:基準値より下落",
        "A:計画通り B:概ね計画通り C:やや遅れている D:遅れている",
      ],
      new Set(["S", "A", "B", "C"]),
      conflicts,
    );
    expect(conflicts.map((c) => c.label)).toEqual(["A", "B", "C"]);
    // The same legend printed twice (each page) is no conflict.
    const none: typeof conflicts = [];
    readLegend(["A:達成 B:概ね達成 C:未達成", "A:達成 B:概ね達成 C:未達成"], new Set(["A", "B"]), none);
    expect(none).toEqual([]);
  });

  const twoAxes = (rows: string[], legends: string[]) => [
    "令和元年度施策評価(平成30年度実績)",
    "",
    "| 政策目標 | 施策 | 施策評価 | 数値目標 | 単位 | 基準値(H26) | 平成30年度現在値 | 目標値(R2) | 数値目標評価 |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...legends,
  ];
  const rows = [
    "| (2)教育と文化 | 2-1 学校教育の充実 | B | 平均正答率 | % | 97.0 | 99.2 | 100.0 | A |",
    "| | | | 英語検定3級以上の割合 | % | 35.2 | 33.8 | 50.0 | B |",
    "| | 2-2 生涯学習の推進 | A | 図書館の貸出冊数 | 冊 | 298,000 | 312,400 | 310,000 | S |",
    "| (3)産業 | 3-1 農業の振興 | C | 新規就農者数 | 人 | 4 | 3 | 12 | C |",
  ];
  const legends = [
    "施策評価 A(計画通り)・B(概ね計画通り)・C(やや遅れている)・D(遅れている)",
    "数値目標評価 S(現在値が、目標値を超えている)・A(現在値が、基準値を超えている)・B(現在値が、基準値と同水準である(△10%以内))・C(現在値が、基準値より下落している)",
  ];

  it("a 施策's own rating (「施策評価」, once per 施策) beside the 数値目標's is kept apart; the KPI's scale is its legend", async () => {
    const sheet = await read(twoAxes(rows, legends));
    expect(sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "B", "S", "C"]);
    expect(sheet.kpis.map((k) => k.evaluation?.category)).toEqual([
      "mostly_on_track",
      "delayed",
      "on_track",
      "delayed",
    ]);
    expect(sheet.scale?.bands.map((b) => b.label)).toEqual(["S", "A", "B", "C"]);
  });

  it("the same merged down over the 施策's rows (each row holding its 施策's letter) is kept apart too", async () => {
    const merged = rows.map((r, i) =>
      i === 1
        ? "| (2)教育と文化 | 2-1 学校教育の充実 | B | 英語検定3級以上の割合 | % | 35.2 | 33.8 | 50.0 | B |"
        : r,
    );
    const sheet = await read(twoAxes(merged, legends));
    expect(sheet.kpis.map((k) => k.evaluation?.label)).toEqual(["A", "B", "S", "C"]);
  });

  it("negative: a second rating column not named after a level, filled on most rows, is still refused", async () => {
    const other = twoAxes(rows, legends).map((l) =>
      l.replace("| 施策評価 |", "| 外部評価 |").replace("施策評価 A(", "外部評価 A("),
    );
    // (Since round 63 the legend's 「外部評価 A(…)」 form explains both columns' letters, so the two ratings are refused
    // as such, naming both columns, before the rows are read.)
    expect(await refusal(other)).toMatch(/評価が異なります|(どちら|どれ)がこの表の評価か/);
  });
});
