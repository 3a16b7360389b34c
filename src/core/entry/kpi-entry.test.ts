import { describe, expect, it } from "vitest";
import type { Kpi, Value } from "../sheet.ts";
import { checkKpiEntry, kpiUnit, withKpiUnit } from "./kpi-entry.ts";

const n = (value: number, unit: string | null = "人", year = 2023): Value => ({
  kind: "number",
  value,
  unit,
  period: { year, basis: "fiscal" },
});
const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  row: 1,
  goal: { no: 1, title: "g" },
  subgoal: { no: 1, title: "s" },
  measure: { no: 1, title: "m" },
  initiatives: [],
  status: null,
  indicator: "転入者数",
  target: n(175),
  actual: { kind: "missing" },
  finalTarget: n(200, "人", 2024),
  evaluation: { category: "not_evaluable", covid: false },
  reason: null,
  challenge: null,
  nextSteps: null,
  departments: ["企画課"],
  ...over,
});

describe("checkKpiEntry", () => {
  it("refuses an empty KPI (no actual, no reason for 評価不可)", () => {
    expect(checkKpiEntry(kpi(), null).problems.map((p) => p.code)).toEqual(["not_evaluable_reason_required"]);
    expect(
      checkKpiEntry(kpi({ evaluation: { category: "on_track", covid: false } }), null).problems[0]?.code,
    ).toBe("actual_required");
  });
  it("accepts 評価不可 with a reason from the list", () => {
    const k = kpi({
      evaluation: { category: "not_evaluable", covid: false, notEvaluableReason: "statistics_pending" },
    });
    expect(checkKpiEntry(k, null).problems).toEqual([]);
  });
  it("flags 18,225人 against a target of 175 and needs no confirmation for 180人", () => {
    const far = kpi({ actual: n(18225), evaluation: { category: "on_track", covid: false } });
    expect(checkKpiEntry(far, null).warnings.map((w) => w.code)).toEqual(["far_from_target"]);
    const near = kpi({ actual: n(180), evaluation: { category: "on_track", covid: false } });
    expect(checkKpiEntry(near, n(170, "人", 2022)).warnings).toEqual([]);
  });
});

describe("a year without a target of its own", () => {
  it("compares with the final target and says so", () => {
    const k = kpi({ target: { kind: "missing" }, actual: n(683, "%"), finalTarget: n(75.5, "%", 2024) });
    const w = checkKpiEntry({ ...k, evaluation: { category: "on_track", covid: false } }, null).warnings;
    expect(w[0]?.message).toContain("最終目標値75.5%");
  });
});

describe("withKpiUnit", () => {
  it("gives a bare number the KPI's unit, keeps another unit as typed", () => {
    const k = kpi({ target: n(40, "件") });
    expect(kpiUnit(k)).toBe("件");
    expect(withKpiUnit(n(30, null), k)).toMatchObject({ value: 30, unit: "件" });
    expect(withKpiUnit(n(30, "人"), k)).toMatchObject({ unit: "人" });
    expect(withKpiUnit({ kind: "text", text: "なし" }, k)).toEqual({ kind: "text", text: "なし" });
  });
});
