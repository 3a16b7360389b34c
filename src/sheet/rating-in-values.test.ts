// rating-in-values.ts: a rating run into a value (an unruled print) or left in a column with no name.
import { describe, expect, it } from "vitest";
import type { Kpi, Value } from "../core/sheet.ts";
import { isRatingWords, isStandardRating, ratingInValue } from "./rating-in-values.ts";

const num = (value: number, unit: string | null): Value => ({
  kind: "number",
  value,
  unit,
  period: { year: 2018, basis: "fiscal" },
});
const kpi = (actual: Value): Kpi =>
  ({ actual, target: { kind: "missing" }, finalTarget: { kind: "missing" } }) as Kpi;
const NO_SCALE = { scale: null };

describe("rating-in-values", () => {
  it("ratings the reader knows with no legend: the four labels, the national form's, words that say it", () => {
    expect(isRatingWords("進ちょくに遅れ", NO_SCALE)).toBe(true);
    expect(isRatingWords("地方創生に効果があった", NO_SCALE)).toBe(true);
    expect(isRatingWords("概ね順調", NO_SCALE)).toBe(true);
    // a direction or a qualitative target is a value's word, not a rating
    expect(isRatingWords("増加", NO_SCALE)).toBe(false);
    expect(isRatingWords("干し柿の販売金額", NO_SCALE)).toBe(false);
  });

  it("a scale's own label counts (「A」 of the printed legend)", () => {
    const scale = {
      bands: [{ label: "A", category: "on_track" as const, min: null, meaning: "目標を達成" }],
      basis: "ratio" as const,
      source: "",
    };
    expect(isRatingWords("A", { scale })).toBe(true);
    expect(isRatingWords("A", NO_SCALE)).toBe(false);
  });

  it("a value with a rating after its figure, or a header word as its unit, is found; plain values are not", () => {
    expect(
      ratingInValue(kpi({ kind: "text", text: "4 進ちょくに遅れ", raw: "4 進ちょくに遅れ" }), NO_SCALE)?.text,
    ).toBe("4 進ちょくに遅れ");
    expect(ratingInValue(kpi(num(2, "目標")), NO_SCALE)?.text).toBe("2 目標");
    expect(ratingInValue(kpi(num(412, "人")), NO_SCALE)).toBeNull();
    expect(ratingInValue(kpi({ kind: "text", text: "5 増加", raw: "5 増加" }), NO_SCALE)).toBeNull();
    expect(
      ratingInValue(kpi({ kind: "text", text: "基準値を上回る", raw: "基準値を上回る" }), NO_SCALE),
    ).toBeNull();
  });
});

describe("isStandardRating", () => {
  it("the four labels and the national form's are ratings in any column; words that only say a category are not", () => {
    expect(isStandardRating("地方創生に非常に効果的であった")).toBe(true);
    expect(isStandardRating("概ね順調")).toBe(true);
    expect(isStandardRating("事業終了")).toBe(false);
    expect(isStandardRating("")).toBe(false);
  });
});
