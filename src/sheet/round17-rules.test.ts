// Round 17's general rules (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { readLegend } from "./read-legend.ts";
import { checkReading } from "./reading-plausibility.ts";
import { noActualLabel } from "./realign-general-row.ts";
import { headingsIn } from "./section-headings.ts";
import { tableKeyRow } from "./table-keys.ts";
import { fiscal, kpi, missing } from "./test-plausibility.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("round 17", () => {
  it("「成果目標」 alone names the indicator; 目標値 beside it is still the target", () => {
    expect(recogniseHeader("成果目標").field).toBe("indicator");
    expect(recogniseHeader("施策の成果目標").field).toBe("indicator");
    expect(recogniseHeader("成果目標(数値目標)").field).toBe("indicator");
    expect(recogniseHeader("目標値(R3年度)").field).toBe("target");
    expect(recogniseHeader("成果目標値").field).toBe("target");
  });

  it("a line 「第1章住みつづけたい…」 (with or without a space) heads the tables below as their goal, 「第2節 …」 as their measure", () => {
    expect(headingsIn([{ text: "第1章住みつづけたい快適なまち" }, { text: "第2節 防災" }], {})).toEqual({
      goal: { no: 1, title: "住みつづけたい快適なまち" },
      measure: { no: 2, title: "防災" },
    });
    // A sentence that starts with a chapter's number is no heading.
    expect(headingsIn([{ text: "第1章では、計画の考え方を示します。" }], {})).toEqual({});
  });

  it("a formula beside the legend (「達成状況=(…)÷(…)」) is no band of the scale", () => {
    const scale = readLegend(
      [
        "達成状況=(R1年度実績-計画策定時)÷(目標値-計画策定時)。評価 A:ほぼ達成済(達成状況90%以上) B:達成状況50%以上90%未満 C:達成状況50%未満",
      ],
      new Set(["A", "B", "C"]),
    );
    expect(scale?.bands.map((b) => b.label)).toEqual(["A", "B", "C"]);
  });

  it("a spaced legend whose spaces a PDF lost (「評価基準F事業完了:…ものS目標値以上:…」) keeps its letters as labels", () => {
    const scale = readLegend(
      [
        "評価基準F事業完了:事業が完了しているS目標値以上:目標値以上の成果を得られる見込みであるものX未着手:事業に着手していない",
      ],
      new Set(["F", "S", "X"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "F on_track",
      "S on_track",
      "X delayed",
    ]);
  });

  it("「目標値を達成することができず」 says the target is not reached: not on track", () => {
    expect(
      categoryOf(
        "B",
        "このまま業務を進めることにより目標値を達成することができず(半分程度)、手法等の改善が必要であるもの",
      ),
    ).toBe("delayed");
    expect(categoryOf("S", "このまま業務を進めることにより目標値以上の成果を得られる見込みであるもの")).toBe(
      "on_track",
    );
  });

  it("a row that lost a cell, rated with the legend's label for no actual, lost the evaluated year's actual", async () => {
    expect(noActualLabel("-", "A:目標を達成 -:実績値が把握できないもの")).toBe(true);
    expect(noActualLabel("A", "A:目標を達成 -:実績値が把握できないもの")).toBe(false);
    const lines = (legend: string) => [
      "成果目標の達成状況(令和元年度実績)",
      "",
      "| 成果目標 | 計画策定時(H21年度) | H30年度実績 | R1年度実績 | 目標値(R2年度) | 評価 |",
      "|---|---|---|---|---|---|",
      "| 自主防災訓練の参加者数 | 1,850人 | 2,510人 | 2,630人 | 2,700人 | A |",
      "| 家庭用防災備蓄の実施率 | 42.0% | 58.1% | 70.0% | - |",
      "| ごみ排出量 | 812g | 759g | 751g | 700g | B |",
      "",
      legend,
    ];
    const r = await importSheet(
      bytes(lines("評価 A:目標を達成 B:概ね順調 -:実績値が把握できないもの")),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = r.sheet.kpis[1]!;
    expect(k.actual).toMatchObject({ kind: "missing" });
    expect(k.finalTarget).toMatchObject({ kind: "number", value: 70 });
    // A legend that says nothing of a missing actual leaves the lost cell undecided: refused, not guessed.
    const refused = await importSheet(bytes(lines("評価 A:目標を達成 B:概ね順調 -:評価しない")), "t.md");
    expect(refused.ok).toBe(false);
  });

  it("a card's key rows are keys: levels and department above the grid, status and next steps below it", async () => {
    expect(tableKeyRow(["所管課", "健康課", "", ""])).toEqual({ field: "departments", value: "健康課" });
    expect(tableKeyRow(["翌年度の取組", "勧奨を増やす。", "", ""])).toMatchObject({ field: "nextSteps" });
    // A row of values, or a name with a figure, is no key.
    expect(tableKeyRow(["担当課の数", "3", "", ""])).toBeNull();
    expect(tableKeyRow(["特定健康診査の受診率", "%", "48.2", "60.0"])).toBeNull();
    const card = (area: string, measure: string, dept: string, rows: string[], status: string) => [
      `| 分野 | ${area} | | | | |`,
      "|---|---|---|---|---|---|",
      `| 施策 | ${measure} | | | | |`,
      `| 所管課 | ${dept} | | | | |`,
      "| 成果目標 | 単位 | 現状値(H27年度) | 目標値(R3年度) | 実績値(H30年度) | 自己評価 |",
      ...rows,
      `| 取組における進捗状況 | ${status} | | | | |`,
      "| 翌年度の取組 | 勧奨を続ける。 | | | | |",
      "",
    ];
    const r = await importSheet(
      bytes([
        "総合計画 進捗管理シート(平成30年度実績)",
        "",
        ...card(
          "2 健康・福祉",
          "2-1 健康づくりの推進",
          "健康課",
          [
            "| 特定健康診査の受診率 | % | 48.2 | 60.0 | 51.0 | B |",
            "| 胃がん検診の受診率 | % | 8.5 | 15.0 | 15.2 | A |",
          ],
          "受診率は上昇した。",
        ),
        ...card(
          "3 教育・文化",
          "3-2 生涯学習の推進",
          "生涯学習課",
          ["| 市民講座の参加者数 | 人 | 3,420 | 4,000 | 3,980 | A |"],
          "参加者が増えた。",
        ),
        "評価基準 A:目標値どおり B:要改善",
      ]),
      "t.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.goal.no, k.measure.no, k.departments, k.status, k.nextSteps])).toEqual([
      [2, 1, ["健康課"], "受診率は上昇した。", "勧奨を続ける。"],
      [2, 1, ["健康課"], "受診率は上昇した。", "勧奨を続ける。"],
      [3, 2, ["生涯学習課"], "参加者が増えた。", "勧奨を続ける。"],
    ]);
  });

  it("guard: a rating that is a scale's label with a figure glued to it (「0 X」) is refused — the row's values sit a column off", () => {
    const rated = (row: number, label: string): Kpi =>
      kpi(row, `指標${"あいう"[row % 3]}`, {
        target: missing,
        actual: { kind: "number", value: 3, unit: "箇所", period: fiscal(2018) },
        finalTarget: { kind: "number", value: 0, unit: "箇所", period: fiscal(2021) },
        evaluation: { category: "not_evaluable", covid: false, label },
      });
    const sheet = (label: string): Sheet => ({
      format: "sheet/1",
      fiscalYear: 2018,
      kpis: [rated(2, "A"), rated(3, label)],
      scale: {
        bands: [
          { label: "A", category: "on_track", min: null, meaning: "目標値どおり" },
          { label: "X", category: "delayed", min: null, meaning: "未着手" },
        ],
        basis: "ratio",
        source: "",
      },
    });
    const table = { rows: [{ row: 1, cells: ["成果目標", "目標値", "実績値", "自己評価"] }], outside: [] };
    const profile = { layout: "table" as const, headerRows: [1], columns: [] };
    expect(() => checkReading(sheet("0X"), table, profile)).toThrow(/数値が付いています/);
    expect(() => checkReading(sheet("X"), table, profile)).not.toThrow();
    // A number circled before a label (「①…」, 「③地方創生に効果があった」) is the label's own.
    expect(() => checkReading(sheet("①X"), table, profile)).not.toThrow();
  });
});
