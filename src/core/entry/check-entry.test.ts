import { describe, expect, it } from "vitest";
import type { Value } from "../sheet.ts";
import { entryProblems, entryWarnings } from "./check-entry.ts";

const n = (value: number, unit: string | null = "人"): Value => ({
  kind: "number",
  value,
  unit,
  period: { year: 2023, basis: "fiscal" },
});
const missing: Value = { kind: "missing" };

describe("entryProblems", () => {
  it("refuses an empty KPI: an actual, or 評価不可 with a reason from the list", () => {
    expect(
      entryProblems({ actual: missing, category: "on_track", target: n(175) }).map((p) => p.code),
    ).toEqual(["actual_required"]);
    expect(entryProblems({ actual: missing, category: "not_evaluable", target: n(175) })[0]?.field).toBe(
      "notEvaluableReason",
    );
    expect(
      entryProblems({
        actual: missing,
        category: "not_evaluable",
        notEvaluableReason: "other",
        target: n(1),
      })[0]?.code,
    ).toBe("not_evaluable_text_required");
    expect(
      entryProblems({
        actual: missing,
        category: "not_evaluable",
        notEvaluableReason: "statistics_pending",
        target: n(1),
      }),
    ).toEqual([]);
  });
  it("needs a reason when the evaluation is 遅れ", () => {
    expect(entryProblems({ actual: n(100), category: "delayed", target: n(175) })[0]?.code).toBe(
      "delay_reason_required",
    );
    expect(
      entryProblems({ actual: n(100), category: "delayed", reason: "会場の縮小", target: n(175) }),
    ).toEqual([]);
  });
});

describe("entryWarnings", () => {
  it("flags 18,225人 against a target of 175 (10,414%)", () => {
    const w = entryWarnings({ actual: n(18225), category: "on_track", target: n(175) });
    expect(w.map((x) => x.code)).toEqual(["far_from_target"]);
    expect(w[0]!.message).toContain("18,225人");
  });
  it("flags a unit other than the KPI's, a value far from last year, and a sign change", () => {
    expect(
      entryWarnings({ actual: n(8, "件"), category: "on_track", target: n(10), unit: "人" })[0]?.code,
    ).toBe("unit_differs");
    expect(
      entryWarnings({ actual: n(30), category: "on_track", target: n(40), lastActual: n(8) }).map(
        (x) => x.code,
      ),
    ).toEqual(["far_from_last_year"]);
    expect(
      entryWarnings({
        actual: n(-5, "%"),
        category: "on_track",
        target: n(-4, "%"),
        lastActual: n(3, "%"),
      }).map((x) => x.code),
    ).toEqual(["sign_change"]);
  });
  it("says nothing for a plausible value or a text value", () => {
    expect(
      entryWarnings({ actual: n(180), category: "on_track", target: n(175), lastActual: n(160) }),
    ).toEqual([]);
    expect(
      entryWarnings({ actual: { kind: "text", text: "待機児童なし" }, category: "on_track", target: n(0) }),
    ).toEqual([]);
  });
});
