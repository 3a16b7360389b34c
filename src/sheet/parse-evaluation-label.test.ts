import { describe, expect, it } from "vitest";
import { parseEvaluationLabel } from "./parse-evaluation-label.ts";

describe("parseEvaluationLabel", () => {
  it.each([
    ["順調に進捗", "on_track", false],
    ["概ね順調に進捗", "mostly_on_track", false],
    ["進捗の遅れ", "delayed", false],
    ["進捗の遅れ<br>(コロナ)", "delayed", true],
    ["進捗の遅れ（コロナ）", "delayed", true],
    ["評価不可", "not_evaluable", false],
    ["概ね順調", "mostly_on_track", false],
    ["進捗の遅れ※1", "delayed", false],
    ["評価不能", "not_evaluable", false],
  ])("%s", (text, category, covid) => {
    const r = parseEvaluationLabel(text);
    expect(r.known).toBe(true);
    expect(r.evaluation).toMatchObject({ category, covid });
  });

  it("keeps the printed label, wraps joined", () => {
    expect(parseEvaluationLabel("進捗の遅れ<br>(コロナ)").evaluation.label).toBe("進捗の遅れ(コロナ)");
  });

  it("keeps an unknown label as not_evaluable, marked unknown", () => {
    expect(parseEvaluationLabel("目標達成")).toEqual({
      known: false,
      evaluation: { category: "not_evaluable", covid: false, label: "目標達成" },
    });
  });
});
