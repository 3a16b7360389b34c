import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charCount, clearLinesCache, hardBreaks, isBlank, joinWrap, splitLines } from "./text-lines.ts";

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

  it("splits each distinct text once: the same frozen array until the cache is cleared", () => {
    const text = "課<br>室";
    const first = splitLines(text);
    expect(first).toEqual(["課", "室"]);
    expect(Object.isFrozen(first)).toBe(true);
    // The very same array, not an equal one: only a cache gives that.
    expect(splitLines(`課<br>${"室"}`)).toBe(first);
    clearLinesCache();
    const again = splitLines(text);
    expect(again).toEqual(["課", "室"]);
    expect(again).not.toBe(first);
  });
});

describe("isBlank", () => {
  it("says a cell is blank exactly when it has no lines", () => {
    fc.assert(
      fc.property(cellText, (t) => {
        expect(isBlank(t), JSON.stringify(t)).toBe(splitLines(t).length === 0);
      }),
      { numRuns: 300 },
    );
    expect(isBlank("<br> \u3000<br/>")).toBe(true);
    expect(isBlank("<br")).toBe(false);
  });
});

describe("charCount", () => {
  it("counts code points", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (s) => {
        expect(charCount(s)).toBe(Array.from(s).length);
      }),
      { numRuns: 300 },
    );
    expect(charCount("𠮷野家")).toBe(3);
  });
});

describe("hardBreaks and joinWrap", () => {
  it("tells which breaks the PDF reader measured as certain", () => {
    expect(hardBreaks("a\nb\u2028c<br>d")).toEqual([false, true, false]);
    expect(hardBreaks("a\n\n\u2028b\nc")).toEqual([true, false]);
    expect(hardBreaks("abc")).toEqual([]);
    expect(splitLines("a\u2028b")).toEqual(["a", "b"]);
  });

  it("keeps the space around a Latin word set off by spaces across a wrap", () => {
    expect(joinWrap("就職面接会", "in スマーク伊勢崎")).toBe("就職面接会 in スマーク伊勢崎");
    expect(joinWrap("会場は in", "スマーク")).toBe("会場は in スマーク");
    expect(joinWrap("立地支援策の", "PR事業")).toBe("立地支援策のPR事業");
    expect(joinWrap("観光イベントの充", "実")).toBe("観光イベントの充実");
  });
});
