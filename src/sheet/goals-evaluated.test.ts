import { describe, expect, it } from "vitest";
import { goalsEvaluated } from "./goals-evaluated.ts";

describe("goalsEvaluated", () => {
  it("knows a heading that reports the 数値目標's progress", () => {
    expect(goalsEvaluated(["広報くるめ 市地方創生総合戦略 3年目を検証", "数値目標の達成状況"])).toBe(true);
    expect(goalsEvaluated(["(1) 基本目標の数値目標の進捗状況"])).toBe(true);
  });
  it("not a bare heading or one about KPIs", () => {
    expect(goalsEvaluated(["数値目標"])).toBe(false);
    expect(goalsEvaluated(["重要業績評価指標(KPI)の達成状況"])).toBe(false);
    expect(goalsEvaluated([])).toBe(false);
  });
});
