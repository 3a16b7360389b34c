import { describe, expect, it } from "vitest";
import { fold, splitLines } from "./normalize.ts";

describe("fold", () => {
  it("folds full-width digits, punctuation and ％, keeping original offsets", () => {
    const f = fold("１２，３４５％");
    expect(f.text).toBe("12,345%");
    expect(f.origin).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("maps characters that expand (㍻ → 平成) and surrogate pairs back to where they began", () => {
    const f = fold("㍻3年😀5");
    expect(f.text).toBe("平成3年😀5");
    expect(f.origin[0]).toBe(0);
    expect(f.origin[1]).toBe(0);
    expect(f.origin[2]).toBe(1);
    expect(f.origin[f.text.indexOf("5")]).toBe(5);
    expect(f.origin.at(-1)).toBe(6);
  });

  it("turns MINUS SIGN into '-' and composes half-width voiced kana", () => {
    expect(fold("−3").text).toBe("-3");
    expect(fold("ｶﾞｲﾄﾞ").text).toBe("ガイド");
  });
});

describe("splitLines", () => {
  it("splits at <br> in its spellings and at newlines", () => {
    expect(splitLines("a<br>b<BR/>c<br />d\ne\r\nf").map((l) => l.text)).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
      "f",
    ]);
    expect(splitLines("ab<br>c").map((l) => l.start)).toEqual([0, 6]);
  });
});
