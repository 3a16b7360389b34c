import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateKpi } from "./evaluate.ts";
import { DEFAULT_RULES, parseRules } from "./rules.ts";
import { makeKpi, num, SEED_CASES, seg } from "./test-kpis.ts";

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

  it("gives no rate for a zero target (zero_target); a decrease KPI above zero is delayed by rule (issue 14)", () => {
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
    expect(down.notes).toEqual(["zero_target", "zero_target_decrease_missed"]);
    expect(down.computed).toBe("delayed");
    expect(down.computedBasis).toBe("rule");
    expect(down.agrees).toBe(true);
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
