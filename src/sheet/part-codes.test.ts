// 沖縄県's 施策展開 codes (round 22: okinawa-pdca): numbers, bracketed numbers and katakana.
import { describe, expect, it } from "vitest";
import { readPartCode } from "./part-codes.ts";
import { readOrdinal } from "./read-ordinal.ts";

describe("a code of parts with brackets or katakana", () => {
  it.each([
    ["3-(7)-ア 情報通信関連産業の高度化", 1, "情報通信関連産業の高度化"],
    ["1-(5)-イ 赤土等流出防止対策の推進", 2, "赤土等流出防止対策の推進"],
    ["2-(3) 離島における定住条件の整備", 3, "離島における定住条件の整備"],
  ])("「%s」 is numbered by its last part", (text, no, title) => {
    expect(readOrdinal(text)).toEqual({ no, title });
  });

  it("leaves codes of plain numbers to the rules that read them", () => {
    expect(readPartCode("01-02 豊岡で働く魅力")).toBeNull();
    expect(readOrdinal("01-02 豊岡で働く魅力")).toEqual({ no: 2, title: "豊岡で働く魅力" });
  });
});
