import { describe, expect, it } from "vitest";
import { readOrdinal } from "./read-ordinal.ts";

describe("numberings other offices print before a level's title", () => {
  it.each([
    ["一　産業振興による仕事づくり", 1],
    ["十二、移住の促進", 12],
    ["(三) 子育て支援の充実", 3],
    ["（二十）地域交通", 20],
    ["ア 観光の振興", 1],
    ["ウ．移住の促進", 3],
    ["第2 みどりと共生するまち", 2],
    ["[4] 防災対策の推進", 4],
    ["<1> 企業誘致の推進", 1],
    ["〈3〉 創業支援", 3],
    ["イ ◆住環境の整備対策", 2],
  ])("「%s」 is numbered %i", (text, no) => {
    const o = readOrdinal(text);
    expect(o.no).toBe(no);
    expect(o.title).not.toMatch(/^[一二三四五六七八九十(（)）アイウ第[<〈\]>〉◆、．\s]/);
  });

  it("a title that merely begins with a numeral or a katakana word keeps it", () => {
    expect(readOrdinal("一人ひとりが輝くまち")).toEqual({ no: 0, title: "一人ひとりが輝くまち" });
    expect(readOrdinal("アートによるまちづくり")).toEqual({ no: 0, title: "アートによるまちづくり" });
    expect(readOrdinal("第2期総合戦略の推進")).toEqual({ no: 0, title: "第2期総合戦略の推進" });
  });
});
