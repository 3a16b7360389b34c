// Round 35's general rules and guard (fixtures/layouts/README.md), each on a small table of its own.
import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { courseReadAsRating, isCourseMeaning, meaningsOf } from "./course-verdicts.ts";
import { importSheet } from "./index.ts";
import { categoryOf } from "./legend-categories.ts";
import { foldStackedPairs, stackedTargetRow } from "./stacked-pairs.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

/** A committee's table: its 総合評価 marks explained by a legend line headed by the column's name. */
const committee = (legend: string) =>
  bytes([
    "総合戦略 効果検証報告書(令和5年度実績)",
    "",
    legend,
    "",
    "| 具体的な施策 | KPI | 基準値 | 目標値(R6) | 実績値(R5) | 担当課 | 総合評価 | 委員の意見 |",
    "|---|---|---|---|---|---|---|---|",
    "| 1 創業支援 | 創業者数 | 10件(R1) | 30件 | 34件 | 商工課 | ◎ | 支援を広げてほしい。 |",
    "| 2 移住促進 | 移住者数 | 12人(R1) | 60人 | 20人 | 企画課 | △ | 発信を強めてほしい。 |",
    "| 3 観光振興 | 観光客数 | 1,200人(R1) | 3,000人 | 3,400人 | 商工課 | × | 目的は果たされた。 |",
  ]);

/** Each KPI on two unlabelled rows (targets over actuals), a note saying so. */
const stacked = (note: string, lostCell = false) =>
  bytes([
    "総合戦略 KPIの実績",
    "",
    note,
    "",
    "| 具体的な施策 | KPI | 単位 | R1 | R2 | R3 | R6 | 達成状況 | 担当課 |",
    "|---|---|---|---|---|---|---|---|---|",
    "| (1) 産業の振興 | 創業者数 | 件 | | 5 | 5 | 8 | 達成 | 商工課 |",
    "| | | | 3 | 6 | 7 | | | |",
    lostCell
      ? "| | 新規学卒者採用数 | 人 | 110 | 115 | 130 | 未達成 | 商工課 |"
      : "| | 新規学卒者採用数 | 人 | | 110 | 115 | 130 | 未達成 | 商工課 |",
    "| | | | 98 | 105 | 109 | | | |",
    "| (2) 観光の振興 | 観光客数 | 人 | | 1,350 | 1,380 | 1,500 | 未把握 | 観光課 |",
    "| | | | 1,236 | 1,421 | ― | | | |",
  ]);

describe("round 35: a committee's verdict on the course is no rating", () => {
  it("reads course words apart from progress words", () => {
    expect(isCourseMeaning("取組内容の深化、発展")).toBe(true);
    expect(isCourseMeaning("取組の中止・終了")).toBe(true);
    expect(isCourseMeaning("拡充・発展")).toBe(true);
    // (a progress legend that asks for a review is still a progress legend)
    expect(isCourseMeaning("目標を達成")).toBe(false);
    expect(isCourseMeaning("遅れており見直しが必要")).toBe(false);
    expect(isCourseMeaning("順調")).toBe(false);
  });

  it("finds each mark's meaning in a legend line", () => {
    const m = meaningsOf(
      "総合評価 ◎:取組内容の深化、発展 〇:取組内容の継続 △:取組内容の見直し ×:取組の中止・終了",
      ["◎", "〇", "△", "×"],
    );
    expect(m?.get("〇")).toBe("取組内容の継続");
    expect(m?.get("×")).toBe("取組の中止・終了");
    expect(meaningsOf("総合評価 ◎:深化", ["◎", "△"])).toBeNull();
  });

  it("keeps the marks as an extra when their own legend speaks of the course only", async () => {
    const read = await importSheet(
      committee("総合評価 ◎:取組内容の深化、発展 〇:取組内容の継続 △:取組内容の見直し ×:取組の中止・終了"),
      "h.md",
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.kpis.map((k) => k.evaluation.printed)).toEqual([false, false, false]);
    expect(read.sheet.kpis[2]!.extras).toEqual([{ header: "総合評価", text: "×" }]);
    expect(read.report.issues.some((i) => i.kind === "course_verdicts_kept")).toBe(true);
  });

  it("still reads the same marks as the rating when the legend speaks of progress", async () => {
    const read = await importSheet(
      committee("総合評価 ◎:目標を達成 〇:概ね順調 △:遅れ ×:大幅な遅れ"),
      "h.md",
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.kpis.map((k) => k.evaluation.category)).toEqual(["on_track", "delayed", "delayed"]);
  });

  it("guard: a scale of course words read as the KPIs' ratings is refused, naming the KPI and its row", () => {
    const sheet = {
      format: "sheet/1",
      fiscalYear: 2023,
      kpis: [
        { indicator: "創業者数", row: 7, evaluation: { category: "on_track", covid: false, label: "◎" } },
      ],
      scale: {
        basis: "ratio",
        source: "",
        bands: [
          { label: "◎", category: "on_track", min: null, meaning: "取組内容の深化、発展" },
          { label: "〇", category: "mostly_on_track", min: null, meaning: "取組内容の継続" },
          { label: "×", category: "delayed", min: null, meaning: "取組の中止・終了" },
        ],
      },
    } as unknown as Sheet;
    expect(courseReadAsRating(sheet)).toMatch(/指標「創業者数」\(7行目\)の評価「◎」.*取組の今後の方向/);
    const progress = structuredClone(sheet);
    progress.scale!.bands[0]!.meaning = "目標を達成";
    expect(courseReadAsRating(progress)).toBeNull();
  });
});

describe("round 35: targets over actuals on two unlabelled rows", () => {
  it("reads which row a note names the targets", () => {
    expect(stackedTargetRow(["※数値目標、KPIは、上段が目標値、下段が実績値"])).toBe("upper");
    expect(stackedTargetRow(["上段:実績値 下段:目標値"])).toBe("lower");
    expect(stackedTargetRow(["上段に新たな目標値を記載"])).toBeNull();
    expect(stackedTargetRow([])).toBeNull();
  });

  it("folds each pair into one row with a target and an actual per year", async () => {
    const read = await importSheet(stacked("※KPIは、上段が目標値、下段が実績値"), "u.md");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.kpis.map((k) => k.indicator)).toEqual(["創業者数", "新規学卒者採用数", "観光客数"]);
    const [a, , c] = read.sheet.kpis;
    expect(read.sheet.fiscalYear).toBe(2021);
    expect(a!.target).toMatchObject({ kind: "number", value: 5 });
    expect(a!.actual).toMatchObject({ kind: "number", value: 7 });
    expect(a!.finalTarget).toMatchObject({ kind: "number", value: 8 });
    expect(c!.actual.kind).toBe("missing");
    expect(c!.evaluation.category).toBe("not_evaluable");
    expect(read.report.issues.some((i) => i.kind === "stacked_pairs_folded")).toBe(true);
  });

  it("puts back an empty cell an upper row lost when the other upper rows leave one place", async () => {
    const read = await importSheet(stacked("※KPIは、上段が目標値、下段が実績値", true), "u.md");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.kpis[1]!.target).toMatchObject({ kind: "number", value: 115 });
    expect(read.sheet.kpis[1]!.actual).toMatchObject({ kind: "number", value: 109 });
  });

  it("folds nothing without the note (the lower rows then refuse the reading)", async () => {
    const read = await importSheet(stacked("※単位は表のとおり"), "u.md");
    expect(read.ok).toBe(false);
    expect(
      foldStackedPairs({
        rows: [{ row: 1, cells: ["KPI", "R1", "R2"] }],
        outside: [{ row: 0, text: "上段が目標値、下段が実績値" }],
      }),
    ).toBeNull();
  });

  it("reads 「達成」 as on track and 「未把握」 as not evaluable", () => {
    expect(categoryOf("達成", "達成")).toBe("on_track");
    expect(categoryOf("未達成", "未達成")).toBe("delayed");
    expect(categoryOf("未把握", "未把握")).toBe("not_evaluable");
  });
});
