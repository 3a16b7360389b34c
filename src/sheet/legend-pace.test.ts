import { describe, expect, it } from "vitest";
import { paceOf, scaledByPace } from "./legend-pace.ts";

const LINE = "評価区分 5か年の計画のうち1年が経過したため、100%×1/5=20%をA評価として、以下5%刻みで5段階評価";

describe("a legend naming the share due by now as its best band", () => {
  it("reads the pace and the label it earns", () => {
    expect(paceOf(["A:進捗率20%以上 B:進捗率15%以上20%未満", LINE])).toEqual({ label: "A", share: 0.2 });
    expect(paceOf(["２０％をＡ評価とする"])).toEqual({ label: "A", share: 0.2 });
  });

  it("finds none in an ordinary legend, nor a share of the whole", () => {
    expect(paceOf(["A:目標値の80%以上 B:50%以上80%未満 C:50%未満"])).toBeNull();
    expect(paceOf(["100%をA評価とする"])).toBeNull();
  });

  it("measures each threshold against the pace, only when the pace is the highest band's", () => {
    const bands = [
      { label: "A", min: 0.2 },
      { label: "B", min: 0.15 },
      { label: "C", min: 0.1 },
      { label: "E", min: null },
    ];
    const pace = { label: "A", share: 0.2 };
    expect(scaledByPace(bands, pace).map((m) => (m === null ? null : Number(m.toFixed(3))))).toEqual([
      1,
      0.75,
      0.5,
      null,
    ]);
    // The pace names a band whose threshold is another: the bands stay as printed.
    expect(scaledByPace(bands, { label: "B", share: 0.2 })).toEqual([0.2, 0.15, 0.1, null]);
    expect(scaledByPace(bands, null)).toEqual([0.2, 0.15, 0.1, null]);
  });
});
