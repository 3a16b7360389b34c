import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { categoryOf } from "./legend-categories.ts";
import { round48Refusal } from "./round48-guards.ts";
import { read } from "./test-read-lines.ts";

describe("round 48: an advance from the baseline under its other names (現状値, 現況値, 従前値)", () => {
  it.each([
    ["B", "目標値は未達成だが、現状値から前進した"],
    ["B", "目標には届かないが、現況値より改善している"],
    ["○", "従前値から向上した"],
    ["B", "現状値(H26)から改善"],
    ["イ", "基準年度の値より前進している"],
  ])("%s 「%s」 is the step under on track", (label, meaning) => {
    expect(categoryOf(label, meaning)).toBe("mostly_on_track");
  });

  it("keeps the bands around it: reached, worse than the baseline, not known", () => {
    expect(categoryOf("A", "目標値を達成した")).toBe("on_track");
    expect(categoryOf("C", "現状値を下回った")).toBe("delayed");
    // The advance denied is the band under it.
    expect(categoryOf("C", "現状値から改善していない")).toBe("delayed");
    expect(categoryOf("C", "現況値より向上しなかった")).not.toBe("mostly_on_track");
    expect(categoryOf("-", "実績値が把握できない")).toBe("not_evaluable");
    // 「事業開始前よりも改善した」 is not a baseline's name: the national 4-grade legend's third band stays delayed.
    expect(
      categoryOf("地方創生に効果があった", "目標値を上回ることはなかったものの事業開始前よりも改善した"),
    ).toBe("delayed");
  });

  const sheet = (legend: string) => [
    "総合戦略 検証結果(令和4年度実績)",
    "",
    "| 施策 | 指標 | 現況値(R1) | 目標値(R6) | R4実績 | 評価 | 担当課 |",
    "|---|---|---|---|---|---|---|",
    "| 1 移住の促進 | 移住者数 | 10人 | 50人 | 30人 | ② | 企画課 |",
    "| 2 創業の支援 | 創業件数 | 3件 | 20件 | 21件 | ① | 商工課 |",
    "| 3 観光の振興 | 観光客数 | 9,000人 | 12,000人 | 8,500人 | ③ | 観光課 |",
    "",
    legend,
  ];
  it.each(["kpi.md", "kpi.xlsx"])(
    "reads a sheet whose legend says so in another city's words (%s)",
    async (file) => {
      const s = await read(
        sheet("評価 ①:目標値を達成した ②:目標値に届かないが、現況値より改善した ③:現況値より悪化した"),
        file,
      );
      expect(s.kpis.map((k) => `${k.evaluation.category} ${k.evaluation.label}`)).toEqual([
        "mostly_on_track ②",
        "on_track ①",
        "delayed ③",
      ]);
    },
  );
});

describe("round 48 guard: a band that concedes the target and says the figure advanced, read delayed", () => {
  const withScale = (bands: [string, Sheet["kpis"][number]["evaluation"]["category"], string][]): Sheet => ({
    format: "sheet/1",
    municipality: null,
    fiscalYear: 2016,
    source: null,
    kpis: [],
    scale: {
      bands: bands.map(([label, category, meaning]) => ({ label, category, min: null, meaning })),
      basis: "ratio",
      source: "",
    },
  });

  it("refuses it when no band was read as the step under on track", () => {
    const s = withScale([
      ["A", "on_track", "目標値を達成した"],
      ["B", "delayed", "目標値は未達成だが、現状値から前進した"],
      ["C", "delayed", "現状値を下回った"],
    ]);
    expect(round48Refusal(s)).toMatch(/凡例「B」は目標に届かないものの前進した/);
  });

  it("lets a national 4-grade legend's third band stay delayed beside its 相当程度 step", () => {
    const s = withScale([
      ["非常に効果があった", "on_track", "目標値を上回った"],
      ["相当程度効果があった", "mostly_on_track", "目標値を相当程度達成した"],
      ["効果があった", "delayed", "目標値を上回ることはなかったものの事業開始前よりも改善した"],
      ["効果がなかった", "delayed", "実績値が悪化した"],
    ]);
    expect(round48Refusal(s)).toBeNull();
  });

  it("asks nothing of a delayed band that does not say the figure advanced", () => {
    const s = withScale([
      ["A", "on_track", "目標を達成した"],
      ["B", "delayed", "目標は未達成だが、取組は継続している"],
    ]);
    expect(round48Refusal(s)).toBeNull();
  });
});
