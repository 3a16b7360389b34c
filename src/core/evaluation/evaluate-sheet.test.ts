// evaluate.ts beyond one KPI's plain rate: formulas with a baseline, progress to the final target,
// a whole sheet, and KPIs whose values are words (the seed's cases and edge cases: evaluate.test.ts).
import { describe, expect, it } from "vitest";
import type { Sheet } from "../sheet.ts";
import { evaluateKpi, evaluateSheet } from "./evaluate.ts";
import { DEFAULT_RULES, parseRules } from "./rules.ts";
import { makeKpi, num, SEED_CASES, text } from "./test-kpis.ts";

const FY = 2022;
const ev = (k: Parameters<typeof makeKpi>[0], rules = DEFAULT_RULES) => evaluateKpi(makeKpi(k), rules, FY);

describe("evaluateKpi — formulas with a baseline", () => {
  const accidents = (rules: ReturnType<typeof parseRules>) =>
    evaluateKpi(SEED_CASES.trafficAccidents, rules, FY);

  it("progress_from_baseline: (actual − baseline) ÷ (target − baseline), both directions", () => {
    const rules = parseRules({
      formula: "progress_from_baseline",
      bands: [
        { min: 1, category: "on_track", label: "S" },
        { min: 0.5, category: "mostly_on_track", label: "A" },
        { min: 0, category: "delayed", label: "B" },
        { category: "delayed", label: "C" },
      ],
      baselines: { byIndicator: { 交通事故発生件数: { value: 1400, year: 2019 } } },
    });
    const e = accidents(rules);
    expect(e.achievementRate).toBeCloseTo((1143 - 1400) / (1220 - 1400), 10);
    expect(e.computedLabel).toBe("S");
    const noBaseline = evaluateKpi(SEED_CASES.healthCheckups, rules, FY);
    expect(noBaseline.notes).toContain("no_baseline");
    expect(noBaseline.computedLabel).toBe(rules.notEvaluable.label);
  });

  it("prorated: rate against the straight line from baseline to the final target", () => {
    const rules = parseRules({
      formula: "prorated",
      baselines: { byRow: { "1": { value: 1400, year: 2019 } } },
    });
    const e = accidents(rules);
    // expected for 2022 = 1400 + (1160 − 1400) × 3/5 = 1256; decrease: 1256 ÷ 1143
    expect(e.achievementRate).toBeCloseTo(1256 / 1143, 10);
    expect(e.computed).toBe("on_track");
    const noYear = accidents(parseRules({ formula: "prorated", baselines: { byRow: { "1": 1400 } } }));
    expect(noYear.notes).toContain("no_baseline");
  });

  it("progress_from_baseline: a target equal to its baseline gives no rate", () => {
    const rules = parseRules({ formula: "progress_from_baseline", baselines: { byRow: { "1": 1220 } } });
    expect(accidents(rules).notes).toContain("target_equals_baseline");
  });
});

describe("progressToFinal", () => {
  it("gives the rate against the final target and the yearly change needed", () => {
    const p = evaluateKpi(SEED_CASES.healthCheckups, DEFAULT_RULES, FY).progressToFinal;
    expect(p.rate).toBeCloseTo(43.2 / 60, 10);
    expect(p.finalYear).toBe(2024);
    expect(p.actualYear).toBe(2021);
    expect(p.neededYearlyChange).toBeCloseTo((60 - 43.2) / 3, 10);
    expect(p.neededYearlyRate).toBeCloseTo((60 / 43.2) ** (1 / 3) - 1, 10);
  });

  it("uses the direction for a decrease KPI and the worst segment for a segmented one", () => {
    const a = evaluateKpi(SEED_CASES.trafficAccidents, DEFAULT_RULES, FY).progressToFinal;
    expect(a.rate).toBeCloseTo(1160 / 1143, 10);
    expect(a.neededYearlyChange).toBeCloseTo((1160 - 1143) / 2, 10);
    const s = evaluateKpi(SEED_CASES.englishEnjoyment, DEFAULT_RULES, FY).progressToFinal;
    expect(s.segment).toBe("中学校");
    expect(s.rate).toBeCloseTo(76.6 / 85, 10);
  });

  it("says when the final year has passed", () => {
    const p = ev({
      indicator: "製造品出荷額等",
      target: num(12_025e8, "円", 2020, "calendar"),
      actual: num(10_060e8, "円", 2020, "calendar"),
      finalTarget: num(12_500e8, "円", 2020, "calendar"),
      stated: "delayed",
    }).progressToFinal;
    expect(p.notes).toContain("final_year_passed");
    expect(p.neededYearlyChange).toBeNull();
  });
});

describe("evaluateSheet", () => {
  const sheet: Sheet = {
    format: "sheet/1",
    fiscalYear: 2022,
    municipality: "伊勢崎市",
    kpis: Object.values(SEED_CASES),
  };

  it("evaluates every KPI with the default rules and counts the summary", () => {
    const e = evaluateSheet(sheet);
    expect(e.fiscalYear).toBe(2022);
    expect(e.rules).toEqual(DEFAULT_RULES);
    expect(e.kpis.map((k) => k.row)).toEqual([1, 2, 3, 4]);
    expect(e.summary.all).toMatchObject({ total: 4, agree: 1, disagree: 2, cannotCheck: 1 });
    expect(e.summary.all.stated).toEqual({ on_track: 2, mostly_on_track: 0, delayed: 2, not_evaluable: 0 });
    expect(e.summary.all.computed).toEqual({ on_track: 1, mostly_on_track: 2, delayed: 0, not_evaluable: 1 });
    expect(e.summary.byGoal.map((g) => [g.no, g.total])).toEqual([
      [2, 1],
      [3, 2],
      [4, 1],
    ]);
    const depts = Object.fromEntries(e.summary.byDepartment.map((d) => [d.department, d.total]));
    expect(depts).toMatchObject({ 道路維持課: 1, 交通政策課: 1, 学校教育課: 1 });
  });

  it("is plain JSON (round-trips)", () => {
    const e = evaluateSheet(sheet);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});

describe("text values", () => {
  it("notes different qualitative texts without qualitative_met", () => {
    const e = ev({
      indicator: "放課後子供教室の実施",
      target: text("全中学校区で実施"),
      actual: text("一部で実施"),
      stated: "mostly_on_track",
    });
    expect(e.notes).toEqual(["qualitative_target", "qualitative_actual"]);
    expect(e.agrees).toBeNull();
  });
});
