import { describe, expect, it } from "vitest";
import { add, decimalFromString, readNumber, shift, toNumber } from "./number.ts";

const read = (s: string) => {
  const r = readNumber(s, 0);
  return r.ok ? { value: toNumber(r.value), end: r.end, thousand: r.thousand } : r.problem;
};

describe("decimal arithmetic", () => {
  it("shifts and adds exactly", () => {
    expect(toNumber(shift(decimalFromString("395.8"), 4))).toBe(3958000);
    expect(toNumber(shift(decimalFromString("0.001"), 2))).toBe(0.1);
    expect(toNumber(add(decimalFromString("0.1"), decimalFromString("0.2")))).toBe(0.3);
  });
});

describe("readNumber", () => {
  it("stops before the unit", () => {
    expect(read("1,234人")).toEqual({ value: 1234, end: 5, thousand: false });
    expect(read("12.5%")).toMatchObject({ value: 12.5, end: 4 });
  });

  it("reads 万/億/兆 groups and a 千 prefix", () => {
    expect(read("1万8225人")).toMatchObject({ value: 18225, end: 6 });
    expect(read("12,025億円")).toMatchObject({ value: 1202500000000, end: 7 });
    expect(read("20,000千円")).toMatchObject({ value: 20000000, end: 7, thousand: true });
    expect(read("2,584 千人")).toMatchObject({ value: 2584000, end: 7 });
    expect(read("3億 5000万")).toMatchObject({ value: 350000000 });
  });

  it("leaves a trailing comma or dot to the text after the number", () => {
    expect(read("10,")).toMatchObject({ value: 10, end: 2 });
    expect(read("10.")).toMatchObject({ value: 10, end: 2 });
  });

  it("refuses bad grouping and malformed numerals with their position", () => {
    expect(read("12,3456")).toMatchObject({ code: "bad_digit_grouping", at: 3, end: 7 });
    expect(read("1,23")).toMatchObject({ code: "bad_digit_grouping", at: 2 });
    expect(read("1,,234")).toMatchObject({ code: "bad_digit_grouping", at: 2 });
    expect(read("1.2.3")).toMatchObject({ code: "bad_number", at: 3 });
    expect(read("1.2,345")).toMatchObject({ code: "bad_digit_grouping" });
    expect(read("1万12345")).toMatchObject({ code: "bad_digit_grouping", at: 2 });
    expect(read("1万2億")).toMatchObject({ code: "bad_number", at: 3 });
    expect(read("1万20千")).toMatchObject({ code: "bad_number" });
  });
});
