// Evaluation with what other cities' sheets print (issue 14): no printed evaluation, the printed
// 方向性, the printed 基準値, and the scale of the sheet's legend.
import { describe, expect, it } from "vitest";
import type { Kpi, Sheet } from "../sheet.ts";
import { evaluateSheet } from "./evaluate.ts";
import { rulesFromScale } from "./rules.ts";

const period = { year: 2022, basis: "fiscal" as const };
const n = (value: number, unit: string | null = "人") => ({ kind: "number" as const, value, unit, period });
const kpi = (over: Partial<Kpi>): Kpi => ({
  row: 1,
  goal: { no: 1, title: "" },
  subgoal: { no: 0, title: "" },
  measure: { no: 0, title: "" },
  initiatives: [],
  status: null,
  indicator: "参加者数",
  target: n(100),
  actual: n(90),
  finalTarget: { kind: "missing" },
  evaluation: { category: "mostly_on_track", covid: false, label: "概ね順調" },
  reason: null,
  challenge: null,
  nextSteps: null,
  departments: [],
  ...over,
});
const sheet = (kpis: Kpi[], extra: Partial<Sheet> = {}): Sheet => ({
  format: "sheet/1",
  fiscalYear: 2022,
  kpis,
  ...extra,
});

describe("evaluation of the new sheet fields", () => {
  it("a sheet that prints no evaluation states none: nothing to agree with, not 評価不可", () => {
    const e = evaluateSheet(
      sheet([kpi({ evaluation: { category: "not_evaluable", covid: false, printed: false } })]),
    );
    expect(e.kpis[0]!.agrees).toBeNull();
    expect(e.kpis[0]!.statedLabel).toBeNull();
    expect(e.kpis[0]!.notes).toContain("not_printed");
    expect(e.kpis[0]!.computed).toBe("mostly_on_track");
  });

  it("the printed 方向性 decides the direction", () => {
    const e = evaluateSheet(
      sheet([
        kpi({
          indicator: "参加者数",
          target: n(100),
          actual: n(80),
          direction: { direction: "decrease", label: "減少" },
        }),
      ]),
    );
    expect(e.kpis[0]!.direction).toBe("decrease");
    expect(e.kpis[0]!.directionSource).toBe("sheet");
    expect(e.kpis[0]!.achievementRate).toBeCloseTo(1.25);
  });

  it("a baseline-based rule uses the printed 基準値", () => {
    const rules = rulesFromScale({
      basis: "progress_from_baseline",
      source: "",
      bands: [
        { label: "S", category: "on_track", min: 1, meaning: "目標値を超えている" },
        { label: "A", category: "mostly_on_track", min: 0.5, meaning: "" },
        { label: "B", category: "delayed", min: null, meaning: "" },
      ],
    })!;
    const e = evaluateSheet(sheet([kpi({ baseline: n(50), target: n(100), actual: n(80) })]), rules);
    expect(e.kpis[0]!.achievementRate).toBeCloseTo(0.6);
    expect(e.kpis[0]!.computedLabel).toBe("A");
  });

  it("the legend's thresholds are the audit's rules when none are given", () => {
    const scale = {
      basis: "ratio" as const,
      source: "A:既達成(100%以上) B:概ね順調(80%以上100%未満) C:遅れ(80%未満)",
      bands: [
        { label: "A", category: "on_track" as const, min: 1, meaning: "既達成(100%以上)" },
        { label: "B", category: "mostly_on_track" as const, min: 0.8, meaning: "" },
        { label: "C", category: "delayed" as const, min: null, meaning: "" },
      ],
    };
    const e = evaluateSheet(
      sheet(
        [
          kpi({
            target: n(100),
            actual: n(85),
            evaluation: { category: "mostly_on_track", covid: false, label: "B" },
          }),
        ],
        { scale },
      ),
    );
    expect(e.kpis[0]!.computedLabel).toBe("B");
    expect(e.kpis[0]!.agrees).toBe(true);
    // A scale without thresholds to order its bands gives no rules (the default ones are used).
    expect(
      rulesFromScale({ ...scale, bands: scale.bands.map((b) => ({ ...b, min: null, meaning: "" })) }),
    ).toBeNull();
  });
});
