import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charCount, isBlank, splitLines } from "./text-lines.ts";

// Pieces that exercise the line-break syntax: tags (complete and not), whitespace of several kinds.
const piece = fc.constantFrom(
  " ",
  "\u3000",
  "\u00a0",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "<br>",
  "<BR/>",
  "<br />",
  "<br",
  ">",
  "/",
  "順調",
  "a",
  "𠮷",
);
const cellText = fc.array(piece, { maxLength: 12 }).map((a) => a.join(""));

describe("splitLines", () => {
  it("splits at <br> variants and newlines, trims, drops empty lines", () => {
    expect(splitLines(" 一行目<br>二行目<BR/> <br />\r\n三行目\n")).toEqual(["一行目", "二行目", "三行目"]);
    expect(splitLines("  ")).toEqual([]);
  });

  it("gives the same lines for the same text however often it is asked (cached)", () => {
    const text = "課<br>室";
    expect(splitLines(text)).toEqual(["課", "室"]);
    expect(splitLines(text)).toEqual(["課", "室"]);
    expect(Object.isFrozen(splitLines(text))).toBe(true);
  });
});

describe("isBlank", () => {
  it("says a cell is blank exactly when it has no lines", () => {
    fc.assert(
      fc.property(cellText, (t) => isBlank(t) === (splitLines(t).length === 0)),
      { numRuns: 300 },
    );
    expect(isBlank("<br> \u3000<br/>")).toBe(true);
    expect(isBlank("<br")).toBe(false);
  });
});

describe("charCount", () => {
  it("counts code points", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (s) => charCount(s) === Array.from(s).length),
      { numRuns: 300 },
    );
    expect(charCount("𠮷野家")).toBe(3);
  });
});
