import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "./normalize.ts";

/** fold as first written (no cache, no ASCII shortcut): the reference the faster one must match. */
function referenceFold(original: string): { text: string; origin: number[] } {
  const minus: Record<string, string> = { "\u2212": "-", "\u2010": "-", "\u2011": "-", "\uFE63": "-" };
  let text = "";
  const origin: number[] = [];
  const chars = Array.from(original);
  let offset = 0;
  let i = 0;
  while (i < chars.length) {
    let cluster = chars[i]!;
    let j = i + 1;
    while (j < chars.length && /^[\p{M}\uFF9E\uFF9F]$/u.test(chars[j]!)) cluster += chars[j++]!;
    for (const unit of (minus[cluster] ?? cluster.normalize("NFKC")).split("")) {
      text += unit;
      origin.push(offset);
    }
    offset += cluster.length;
    i = j;
  }
  origin.push(offset);
  return { text, origin };
}

const piece = fc.oneof(
  fc.constantFrom(
    "１２３",
    "％",
    "\u2212",
    "ｶﾞ",
    "ﾊﾟ",
    "が",
    "か\u3099",
    "e\u0301",
    "㍻",
    "①",
    "Ⅻ",
    "ｱ",
    "㎡",
    "𠮷",
    "\uFE63",
  ),
  fc.string({ unit: "binary", maxLength: 6 }),
);

describe("fold", () => {
  it("folds exactly as the per-character NFKC it caches", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const s = pieces.join("");
        expect(fold(s)).toEqual(referenceFold(s));
      }),
      { numRuns: 300 },
    );
  });
});
