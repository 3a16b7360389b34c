import { describe, expect, it } from "vitest";
import type { Kpi } from "../core/sheet.ts";
import { recogniseHeader } from "./column-fields.ts";
import { explainsDigit } from "./digit-legend.ts";
import { runningTotal } from "./general-rows.ts";
import { rangePairsOf } from "./legend-ranges.ts";
import { bracketUnit, withoutNoteLines } from "./name-bracket-unit.ts";
import { baselineAgainstNote, notedYear } from "./noted-baseline-year.ts";
import { readDirection } from "./read-direction.ts";
import { readLegend } from "./read-legend.ts";
import { readOrdinal } from "./read-ordinal.ts";
import { joinedTwoFigures } from "./two-figure-cells.ts";

describe("round 34: 盛岡市's 指標の性格 and 当初値 note", () => {
  it("reads 「指標の性格」 as the direction, ⇗ / ⇘ / ⇒ as arrows", () => {
    expect(recogniseHeader("指標の性格").field).toBe("direction");
    expect(readDirection("↗")?.direction).toBe("increase");
    expect(readDirection("⇗")?.direction).toBe("increase");
    expect(readDirection("⇘")?.direction).toBe("decrease");
    expect(readDirection("⇒")?.direction).toBe("maintain");
  });
  it("takes a yearless baseline's year from a note that names its word", () => {
    const note = "※当初値は計画策定時(平成26年度)の値。達成度は H28 の実績値 ÷ H31目標値。";
    expect(notedYear("当初値", [note])).toBe(2014);
    expect(notedYear("基準値", [note])).toBeNull();
    // (a year before the word is not the word's)
    expect(notedYear("当初値", ["平成29年度の評価。当初値は計画策定時の値"])).toBeNull();
  });
  it("refuses a baseline dated against the note (the first reading's 2016)", () => {
    const cols = [{ header: "当初値", field: "baseline", year: null }];
    const texts = ["※当初値は計画策定時(平成26年度)の値。"];
    expect(baselineAgainstNote(cols, [{ year: 2016, raw: "18" }], texts)).toMatch(
      /当初値.*2014 年度.*2016 年度/,
    );
    expect(baselineAgainstNote(cols, [{ year: 2014, raw: "18" }], texts)).toBeNull();
    // (a value printing its own year is dated by it; a header with a year is not the note's)
    expect(baselineAgainstNote(cols, [{ year: 2008, raw: "3,437(平成20年)" }], texts)).toBeNull();
    expect(baselineAgainstNote([{ ...cols[0]!, year: 2010 }], [{ year: 2016, raw: "18" }], texts)).toBeNull();
  });
});

describe("round 34: 倉吉市's points, units in 【】, two-figure cells", () => {
  const legend =
    "点数 5:進捗率100%以上 4:80%以上100%未満 3:50%以上80%未満 2:20%以上50%未満 1:0%以上20%未満 -1〜-5:基準値を下回った(後退の度合いに応じて) ‐:進捗率を算出できない";
  it("expands a range of points into labels, taken out of the text", () => {
    const r = rangePairsOf(legend);
    expect(r.pairs.map((p) => p.label)).toEqual(["-1", "-2", "-3", "-4", "-5"]);
    expect(r.rest).not.toMatch(/-5:/);
    // (no range across signs, none too long)
    expect(rangePairsOf("1〜-5:x").pairs).toEqual([]);
    expect(rangePairsOf("1〜30:x").pairs).toEqual([]);
  });
  it("reads the legend's points, negative ones delayed, ‐ not evaluable", () => {
    const scale = readLegend([legend], new Set(["5", "4", "1", "2", "-1", "-5", "‐"]))!;
    const cat = (l: string) => scale.bands.find((b) => b.label === l)?.category;
    expect([cat("5"), cat("4"), cat("3"), cat("-1"), cat("-5"), cat("‐")]).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
      "delayed",
      "delayed",
      "not_evaluable",
    ]);
    expect(explainsDigit(legend, "-3")).toBe(true);
    expect(explainsDigit("5:100%以上 4:80%以上", "-3")).toBe(false);
  });
  it("reads 「点数」 as the rating, 「政策の点数(前年度)」 not", () => {
    expect(recogniseHeader("点数").field).toBe("evaluation");
    expect(recogniseHeader("政策の点数(前年度)").field).not.toBe("evaluation");
  });
  it("takes the unit in 【】 off the name when the header says the bracket holds it", () => {
    expect(bracketUnit("農業生産法人数【組織】", "成果を測定するための指標【単位】")).toEqual({
      name: "農業生産法人数",
      unit: "組織",
    });
    expect(bracketUnit("農業生産法人数【組織】", "指標名")).toBeNull();
    expect(bracketUnit("観光客数【商工課】", "指標【単位】")).toBeNull();
  });
  it("drops a ※ note line under a figure; takes a running total for an indicator named 累計", () => {
    expect(withoutNoteLines("3品<br>※単年実績")).toEqual({ text: "3品", notes: ["※単年実績"] });
    expect(withoutNoteLines("3品").notes).toEqual([]);
    expect(withoutNoteLines("3品※単年実績")).toEqual({ text: "3品", notes: ["※単年実績"] });
    expect(withoutNoteLines("68.2%※1").notes).toEqual([]);
    expect(runningTotal("現状値(平成24年度)", "4\n(21)", "六次産品の累計数")).toBe("21");
    expect(runningTotal("現状値(平成24年度)", "4\n(21)", "六次産品の数")).toBe("4\n(21)");
    // (a bracketed year is the figure's year, no total)
    expect(runningTotal("現状値", "3,322百万円\n(平成24年)", "出荷額の累計")).toBe("3,322百万円\n(平成24年)");
  });
  it("numbers a bare code by its last part", () => {
    expect(readOrdinal("1-2")).toEqual({ no: 2, title: "" });
    expect(readOrdinal("1-2 【産業】より多くの所得を")).toEqual({ no: 2, title: "【産業】より多くの所得を" });
  });
  it("finds two figures of one cell read as one number neither of them is", () => {
    const kpi = (raw: string, value: number) =>
      ({
        actual: { kind: "number", value, unit: null, period: { year: 2012, basis: "fiscal" }, raw },
      }) as unknown as Kpi;
    expect(joinedTwoFigures(kpi("4\n(21)", 421))).toMatchObject({ field: "実績値", read: 421 });
    expect(joinedTwoFigures(kpi("4(21)", 421))).not.toBeNull();
    expect(joinedTwoFigures(kpi("4\n(21)", 21))).toBeNull();
    expect(joinedTwoFigures(kpi("69.4兆円(2014年度)", 69.4e12))).toBeNull();
  });
});

describe("round 34: variants of the two layouts", () => {
  it("refuses a 当初値 a note dates only as 計画策定時 (the title-without-year variant)", () => {
    const cols = [{ header: "当初値", field: "baseline", year: null }];
    expect(baselineAgainstNote(cols, [{ year: 2016, raw: "18" }], ["※当初値は計画策定時の値。"])).toMatch(
      /年度を言いません/,
    );
    expect(baselineAgainstNote(cols, [{ year: 2016, raw: "18" }], ["評価 A:目標値を達成"])).toBeNull();
  });
});
