import { describe, expect, it } from "vitest";
import { isUnit, strayDigitIndex } from "./unit.ts";

describe("isUnit", () => {
  it("accepts short unit words", () => {
    for (const u of [
      "人",
      "%",
      "ha",
      "カ所",
      "か所",
      "ヶ所",
      "事業所",
      "ポイント",
      "人/年",
      "円/人",
      "m2",
      "t-CO2",
      "つ",
      "%/年",
      "%pt",
    ])
      expect(isUnit(u), u).toBe(true);
  });

  it("refuses sentences, particles, long text and stray digits", () => {
    for (const u of [
      "校以上の小学校で実施",
      "なし",
      "で実施",
      "人34",
      "ヵ所を整備",
      "人 年",
      "/年",
      "(人)",
      "一二三四五六七",
      "平成%",
      "%度",
      "人万",
      "約円",
      "末",
      "年度",
      "%%",
      "百人",
    ])
      expect(isUnit(u), u).toBe(false);
  });
});

describe("strayDigitIndex", () => {
  it("finds the first digit that cannot be part of a unit", () => {
    expect(strayDigitIndex("人34")).toBe(1);
    expect(strayDigitIndex("34")).toBe(0);
    expect(strayDigitIndex("m2")).toBe(-1);
    expect(strayDigitIndex("t-CO2")).toBe(-1);
    expect(strayDigitIndex("件R3")).toBe(2);
    expect(strayDigitIndex("人")).toBe(-1);
  });
});
