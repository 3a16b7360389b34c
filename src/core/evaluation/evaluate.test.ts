import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../sheet.ts";
import { evaluateKpi, evaluateSheet } from "./evaluate.ts";
import { DEFAULT_RULES, parseRules } from "./rules.ts";
import { makeKpi, num, SEED_CASES, seg, text } from "./test-kpis.ts";

const FY = 2022;
const ev = (k: Parameters<typeof makeKpi>[0], rules = DEFAULT_RULES) => evaluateKpi(makeKpi(k), rules, FY);

describe("evaluateKpi — the seed's cases (FY2022, literal KPIs)", () => {
  it("交通事故発生件数 decreases (inferred) and is on track at 1,220 ÷ 1,143", () => {
    const e = evaluateKpi(SEED_CASES.trafficAccidents, DEFAULT_RULES, FY);
    expect(e.direction).toBe("decrease");
    expect(e.directionInferred).toBe(true);
    expect(e.directionKeyword).toBe("事故");
    expect(e.achievementRate).toBeCloseTo(1220 / 1143, 10);
    expect(e.computed).toBe("on_track");
    expect(e.agrees).toBe(true);
    expect(e.explanation).toBeNull();
    expect(e.notes).toEqual([]);
  });

  it("英語の学習が楽しい… takes its worst segment (中学校 76.6 ÷ 85.0)", () => {
    const e = evaluateKpi(SEED_CASES.englishEnjoyment, DEFAULT_RULES, FY);
    expect(e.direction).toBe("increase");
    expect(e.worstSegment).toBe("中学校");
    expect(e.achievementRate).toBeCloseTo(76.6 / 85.0, 10);
    expect(e.segments?.map((s) => s.label)).toEqual(["小学校", "中学校"]);
    expect(e.segments?.[0]?.rate).toBeCloseTo(86.1 / 93.5, 10);
    expect(e.computed).toBe("mostly_on_track");
    expect(e.agrees).toBe(false);
    expect(e.explanation?.ja).toBe(
      "最も低い区分（中学校）の達成率90.1%で基準上は概ね順調に進捗だが、進捗の遅れと記載",
    );
    expect(e.explanation?.en).toContain("90.1%");
  });

  it("特定健康診査実施率 is rated but carries period_mismatch (actual is FY2021)", () => {
    const e = evaluateKpi(SEED_CASES.healthCheckups, DEFAULT_RULES, FY);
    expect(e.achievementRate).toBeCloseTo(43.2 / 53.0, 10);
    expect(e.notes).toContain("period_mismatch");
    expect(e.computed).toBe("mostly_on_track");
    expect(e.explanation?.ja).toContain("達成率81.5%");
    expect(e.explanation?.ja).toContain("異なる時点");
  });

  it("保育施設待機児童数 待機児童なし: no rate, not called delayed, cannot be checked", () => {
    const e = evaluateKpi(SEED_CASES.waitingChildren, DEFAULT_RULES, FY);
    expect(e.achievementRate).toBeNull();
    expect(e.computed).toBe("not_evaluable");
    expect(e.computed).not.toBe("delayed");
    expect(e.agrees).toBeNull();
    expect(e.notes).toContain("qualitative_met");
    expect(e.explanation?.ja).toContain("照合不可");
    expect(e.explanation?.ja).not.toContain("進捗の遅れ");
  });
});

describe("evaluateKpi — edge cases", () => {
  it("gives no rate for a negative target (negative_value)", () => {
    const e = ev({
      indicator: "社会増減数",
      target: num(-200, "人"),
      actual: num(-150, "人"),
      stated: "on_track",
    });
    expect(e.achievementRate).toBeNull();
    expect(e.notes).toEqual(["negative_value"]);
    expect(e.computed).toBe("not_evaluable");
    expect(e.agrees).toBeNull();
    expect(e.explanation?.ja).toContain("負の値");
  });

  it("gives no rate for a zero target (zero_target), in either direction", () => {
    const up = ev({
      indicator: "新規出店数",
      target: num(0, "件"),
      actual: num(3, "件"),
      stated: "on_track",
    });
    expect(up.achievementRate).toBeNull();
    expect(up.notes).toEqual(["zero_target"]);
    const down = ev({
      indicator: "火災発生件数",
      target: num(0, "件"),
      actual: num(4, "件"),
      stated: "delayed",
    });
    expect(down.direction).toBe("decrease");
    expect(down.achievementRate).toBeNull();
    expect(down.notes).toEqual(["zero_target"]);
    expect(down.computed).toBe("not_evaluable");
  });

  it("rates an increase KPI with zero actual at 0% (delayed)", () => {
    const e = ev({
      indicator: "創業相談件数",
      target: num(12, "件"),
      actual: num(0, "件"),
      stated: "delayed",
    });
    expect(e.achievementRate).toBe(0);
    expect(e.computed).toBe("delayed");
    expect(e.agrees).toBe(true);
  });

  it("treats a decrease KPI with zero actual as achieved by rule (no rate, top band)", () => {
    const e = ev({
      indicator: "交通事故死者数",
      target: num(5, "人"),
      actual: num(0, "人"),
      stated: "delayed",
    });
    expect(e.direction).toBe("decrease");
    expect(e.achievementRate).toBeNull();
    expect(e.notes).toEqual(["zero_actual_decrease_achieved"]);
    expect(e.computed).toBe("on_track");
    expect(e.computedBasis).toBe("rule");
    expect(e.agrees).toBe(false);
    expect(e.explanation?.ja).toBe("減少を目指す指標で実績が0のため基準上は順調に進捗だが、進捗の遅れと記載");
  });

  it("caps a maintain KPI at 100% and rates a shortfall as actual ÷ target", () => {
    const rules = parseRules({ directions: { byRow: { "7": "maintain" } } });
    const above = ev(
      {
        row: 7,
        indicator: "放課後児童クラブ数",
        target: num(92, "カ所"),
        actual: num(95, "カ所"),
        stated: "on_track",
      },
      rules,
    );
    expect(above.direction).toBe("maintain");
    expect(above.directionInferred).toBe(false);
    expect(above.directionSource).toBe("rules_row");
    expect(above.achievementRate).toBe(1);
    expect(above.computed).toBe("on_track");
    const below = ev(
      {
        row: 7,
        indicator: "放課後児童クラブ数",
        target: num(92, "カ所"),
        actual: num(73.6, "カ所"),
        stated: "delayed",
      },
      rules,
    );
    expect(below.achievementRate).toBeCloseTo(0.8, 12);
    expect(below.computed).toBe("mostly_on_track");
  });

  it("gives no rate when the units differ after folding (unit_mismatch)", () => {
    const e = ev({
      indicator: "観光入込客数",
      target: num(87200, "人"),
      actual: num(3, "件"),
      stated: "delayed",
    });
    expect(e.achievementRate).toBeNull();
    expect(e.notes).toEqual(["unit_mismatch"]);
    expect(e.explanation?.en).toContain("different units");
  });

  it("compares units after NFKC (ｋｍ = km)", () => {
    const e = ev({
      indicator: "自転車道延長",
      target: num(10, "ｋｍ"),
      actual: num(9, "km"),
      stated: "mostly_on_track",
    });
    expect(e.notes).toEqual([]);
    expect(e.achievementRate).toBeCloseTo(0.9, 12);
  });

  it("rates folded values of the same unit (万人 vs 人)", () => {
    const e = ev({
      indicator: "遊園地年間利用者数",
      target: num(1_920_000, "人"),
      actual: num(1_590_000, "人"),
      stated: "delayed",
    });
    expect(e.achievementRate).toBeCloseTo(159 / 192, 10);
    expect(e.computed).toBe("mostly_on_track");
  });

  it("gives no rate for a missing actual, and agrees with a stated 評価不可", () => {
    const e = ev({
      indicator: "製造業の事業所数",
      target: num(188, "事業所", 2021, "calendar"),
      actual: { kind: "missing", raw: "-" },
      stated: "not_evaluable",
    });
    expect(e.notes).toEqual(["missing_actual"]);
    expect(e.computed).toBe("not_evaluable");
    expect(e.agrees).toBe(true);
    expect(e.explanation).toBeNull();
  });

  it("calls a stated 評価不可 a disagreement where a rate exists", () => {
    const e = ev({
      indicator: "新規就農者数",
      target: num(51, "人"),
      actual: num(127, "人"),
      stated: "not_evaluable",
    });
    expect(e.computed).toBe("on_track");
    expect(e.agrees).toBe(false);
    expect(e.explanation?.ja).toBe("達成率249.0%で基準上は順調に進捗だが、評価不可と記載");
  });

  it("notes segments that do not match, and a segmented vs plain number", () => {
    const partial = ev({
      indicator: "健康寿命",
      target: seg(
        [
          ["男性", 78.46],
          ["女性", 80.66],
        ],
        "歳",
      ),
      actual: seg(
        [
          ["男性", 78.5],
          ["全体", 79.0],
        ],
        "歳",
      ),
      stated: "on_track",
    });
    expect(partial.notes).toContain("segment_unmatched");
    expect(partial.worstSegment).toBe("男性");
    const shape = ev({
      indicator: "健康寿命",
      target: seg([["男性", 78.46]], "歳"),
      actual: num(78.5, "歳"),
      stated: "on_track",
    });
    expect(shape.notes).toContain("shape_mismatch");
    expect(shape.achievementRate).toBeNull();
  });

  it("lands exactly on a band's edge despite floating point (80.0%)", () => {
    const e = ev({
      indicator: "参加者数",
      target: num(0.3, "人"),
      actual: num(0.24, "人"),
      stated: "mostly_on_track",
    });
    expect(e.computed).toBe("mostly_on_track");
  });

  it("never gives a worse category to a better actual (increase, property)", () => {
    const order = { on_track: 3, mostly_on_track: 2, delayed: 1, not_evaluable: 0 };
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (t, a, extra) => {
          const lo = ev({
            indicator: "参加者数",
            target: num(t, "人"),
            actual: num(a, "人"),
            stated: "on_track",
          });
          const hi = ev({
            indicator: "参加者数",
            target: num(t, "人"),
            actual: num(a + extra, "人"),
            stated: "on_track",
          });
          expect(
            order[hi.computed],
            `${t}: ${a} → ${lo.computed}, ${a + extra} → ${hi.computed}`,
          ).toBeGreaterThanOrEqual(order[lo.computed]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

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
