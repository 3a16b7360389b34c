// Legends as cities print them (fixtures/layouts/VOCABULARY.md: the sweep's sources): each entry's
// words decide its category; a legend without colons is read when each label is a letter or mark.
import { describe, expect, it } from "vitest";
import { categoryOf } from "./legend-categories.ts";
import { readLegend } from "./read-legend.ts";

describe("a legend entry's words", () => {
  it.each([
    ["F", "事業完了", "on_track"],
    ["S", "目標値以上", "on_track"],
    ["A", "目標値どおり", "on_track"],
    ["B", "要改善", "delayed"],
    ["X", "未着手", "delayed"],
    ["Y", "中止", "delayed"],
    ["Z", "評価困難", "not_evaluable"],
    ["a", "目標値に向けて順調に進んでいる。", "on_track"],
    [
      "b",
      "目標値の達成に向けたペースは下回っているが、指標は改善している、または現状維持。",
      "mostly_on_track",
    ],
    ["c", "初期値よりも指標が悪化している。", "delayed"],
    ["③", "目標値の達成に向けて、改善や工夫が必要と思われる。", "delayed"],
    ["−", "事業終了につき、評価せず", "not_evaluable"],
    // 沖縄県's 達成状況 (round 22): better than the baseline without the target is the step under on track;
    // a figure the statistics do not give cannot be judged.
    ["前進", "基準値から改善している", "mostly_on_track"],
    ["達成", "前進し、R6目標値を達成", "on_track"],
    ["後退", "基準値より状況が悪化している", "delayed"],
    ["その他", "統計の不備等により判定できない", "not_evaluable"],
  ])("%s: 「%s」 → %s", (label, meaning, category) => {
    expect(categoryOf(label, meaning)).toBe(category);
  });
});

describe("thresholds", () => {
  it("reads a band of tenths (「目標値を相当程度(7割~8割)達成した」)", () => {
    const scale = readLegend(
      ["1:目標値を上回った 2:目標値を相当程度(7割~8割)達成した 3:事業開始前よりも悪化した"],
      new Set(["1", "2", "3"]),
    );
    expect(scale?.bands.map((b) => b.min)).toEqual([null, 0.7, null]);
  });
});

describe("legends without colons", () => {
  it("reads lower-case letters set off by spaces (福岡市)", () => {
    const scale = readLegend(
      [
        "成果指標の評価基準 a 目標値に向けて順調に進んでいる。 b 目標値の達成に向けたペースは下回っているが、指標は改善している。 c 初期値よりも指標が悪化している。",
      ],
      new Set(["a", "b", "c"]),
    );
    expect(scale?.bands.map((b) => `${b.label} ${b.category}`)).toEqual([
      "a on_track",
      "b mostly_on_track",
      "c delayed",
    ]);
  });

  it("reads 「A 順調 B 概ね順調 C やや遅れている D 遅れている」", () => {
    const scale = readLegend(["A 順調 B 概ね順調 C やや遅れている D 遅れている"], new Set(["A", "B", "C"]));
    expect(scale?.bands.map((b) => b.category)).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
      "delayed",
    ]);
  });

  it("reads no scale from a sentence whose words are not labels", () => {
    expect(readLegend(["出典 総務省 統計 年報による"], new Set(["A", "B"]))).toBeNull();
  });
});

describe("two legends in one line, the last label carried off by the line's end", () => {
  it("takes the legend of the column's labels (達成度: A, B), not the one sharing only 「-」", () => {
    // A PDF printed the line's closing 「-」 on the next line: the ○△× legend was taken (A, B → 評価不可).
    const scale = readLegend(
      ["改善・悪化：改善○，維持△，悪化×，未実施- 達成度：順調A，要改善B，未実施"],
      new Set(["A", "B", "-"]),
    );
    expect(scale?.bands.map((b) => [b.label, b.category])).toEqual([
      ["A", "on_track"],
      ["B", "delayed"],
    ]);
  });
});
