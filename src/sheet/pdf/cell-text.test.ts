import { describe, expect, it } from "vitest";
import { groupLines } from "./cell-text.ts";
import type { TextRun } from "./page-content.ts";

/** Runs of one 9 pt line from a word processor's PDF: [text, x, width]. */
const runs = (...r: [string, number, number][]): TextRun[] =>
  r.map(([text, x, width]) => ({ text, x, y: 100, width, size: 9, autospaced: true }));

describe("groupLines: spaces between runs", () => {
  it.each([
    // Writer and Word set Japanese and Latin apart by a fifth of an em, as a space run or a gap.
    [
      "「ごみの」 space(0.2 em) 「1」",
      runs(["ごみの", 102.6, 27], [" ", 129.6, 1.8], ["1", 131.4, 5]),
      "ごみの1",
    ],
    ["「第」 gap(0.2 em) 「3」 gap 「子」", runs(["第", 50, 9], ["3", 60.8, 5], ["子", 67.6, 9]), "第3子"],
    [
      "「1」 space(0.22 em) 「しごと」",
      runs(["1", 44.9, 5], [" ", 49.9, 2], ["しごと", 51.9, 27]),
      "1しごと",
    ],
  ])("no space where Japanese meets Latin closely: %s", (_, r, text) => {
    expect(groupLines(r).map((l) => l.text)).toEqual([text]);
  });

  it.each([
    ["Japanese words", runs(["観光文化局", 10, 45], [" ", 55, 2], ["観光課", 57, 27]), "観光文化局 観光課"],
    ["Latin words", runs(["Society", 10, 30], [" ", 40, 2], ["5.0", 42, 12]), "Society 5.0"],
    ["a wide gap (columns apart)", runs(["新規就農者数", 10, 54], ["4", 80, 5]), "新規就農者数 4"],
    [
      "a legend's entries",
      runs(["達成した", 10, 36], [" ", 46, 1.8], ["4:目標", 47.8, 23]),
      "達成した 4:目標",
    ],
  ])("a space between %s", (_, r, text) => {
    expect(groupLines(r).map((l) => l.text)).toEqual([text]);
  });

  it("keeps a narrow space between Japanese and Latin in a PDF not made by a word processor", () => {
    // Chromium's print of the seed: 「就職面接会 in スマーク伊勢崎」 is typed so.
    const typed = runs(
      ["面接会", 10, 27],
      [" ", 37, 1.8],
      ["in", 38.8, 8],
      [" ", 46.8, 1.8],
      ["スマーク", 48.6, 36],
    );
    expect(groupLines(typed.map((r) => ({ ...r, autospaced: false }))).map((l) => l.text)).toEqual([
      "面接会 in スマーク",
    ]);
  });
});
