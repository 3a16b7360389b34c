// Legends whose labels are set off by an ideographic space (「A　目標値を達成」), as many offices print them: each was
// refused when the line also held a colon pair, started after a sentence or under a heading not naming a legend.
import { describe, expect, it } from "vitest";
import { readLegend } from "./read-legend.ts";

const bands = (line: string, used: string[]) =>
  readLegend([line], new Set(used))?.bands.map((b) => `${b.label} ${b.category}`) ?? null;

describe("spaced legends", () => {
  it("a colon pair among spaced ones (「-:実績値未確定」) does not hide the spaced ones", () => {
    expect(
      bands(
        "評価 A　目標値を達成(達成率100%以上) B　概ね順調(達成率80%以上100%未満) C　努力を要する(達成率80%未満) -:実績値未確定",
        ["A", "B", "C", "-"],
      ),
    ).toEqual(["A on_track", "B mostly_on_track", "C delayed", "- not_evaluable"]);
  });

  it("after a sentence ending, and under a heading naming the column (達成度), the labels are read", () => {
    expect(
      bands(
        "達成状況=(実績-策定時)÷(目標値-策定時)。評価 A　ほぼ達成済(90%以上) B　50%以上90%未満 C　50%未満",
        ["A", "B", "C"],
      ),
    ).toEqual(["A on_track", "B mostly_on_track", "C delayed"]);
    expect(bands("達成度 A　100%以上 B　80%以上100%未満 C　80%未満", ["A", "B", "C"])).toEqual([
      "A on_track",
      "B mostly_on_track",
      "C delayed",
    ]);
  });

  it("the long-vowel mark set off as the dash of no rating (「ー:未公表」) is a label, not the end of △'s meaning", () => {
    expect(
      bands(
        "進捗状況 ◎　中間目標を達成 ○　基準値を上回るが中間目標に届かない △　基準値を下回る ー:実績が未公表のため判定できない",
        ["◎", "○", "△", "ー"],
      ),
    ).toEqual(["◎ on_track", "○ mostly_on_track", "△ delayed", "ー not_evaluable"]);
  });
});
