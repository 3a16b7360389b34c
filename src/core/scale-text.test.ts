import { describe, expect, it } from "vitest";
import { bandThreshold, scaleBandText } from "./scale-text.ts";

describe("a band of a city's scale in words", () => {
  it("prints the legend's own words, else the category and the threshold", () => {
    expect(scaleBandText({ label: "A", category: "on_track", min: 1, meaning: "目標達成" })).toBe(
      "A：目標達成",
    );
    expect(scaleBandText({ label: "B", category: "mostly_on_track", min: 0.8, meaning: "" })).toBe(
      "B：概ね順調に進捗（80%以上）",
    );
    expect(scaleBandText({ label: "C", category: "delayed", min: null, meaning: "" })).toBe("C：進捗の遅れ");
  });

  it("rounds the threshold to one decimal and prints none for a band without one", () => {
    expect(bandThreshold({ label: "B", category: "mostly_on_track", min: 0.8333, meaning: "" })).toBe(
      "（83.3%以上）",
    );
    expect(bandThreshold({ label: "N", category: "not_evaluable", min: null, meaning: "" })).toBe("");
  });
});
