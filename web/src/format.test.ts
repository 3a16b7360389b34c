import { describe, expect, it } from "vitest";
import {
  formatNumberJa,
  formatValueJa,
  formatValueWithPeriod,
  formatYear,
  valueInColumnParts,
} from "./format.ts";

describe("numbers the Japanese way", () => {
  it.each([
    [18225, "18,225"],
    [1250000, "125万"],
    [1234567, "1,234,567"],
    [1202500000000, "12,025億"],
    [305000000000, "3,050億"],
    [3050000000, "30億5,000万"],
    [1.45, "1.45"],
    [0, "0"],
    [-2500, "-2,500"],
  ])("%d → %s", (n, text) => {
    expect(formatNumberJa(n)).toBe(text);
  });

  it("writes values with their unit and period", () => {
    const v = { kind: "number", value: 18225, unit: "人", period: { year: 2022, basis: "fiscal" } } as const;
    expect(formatValueJa(v)).toBe("18,225人");
    expect(formatValueWithPeriod(v)).toBe("18,225人（令和4年度（2022年度））");
    expect(formatValueJa({ kind: "missing" })).toBe("—");
  });

  it("writes fiscal years as 令和N年度 with the Gregorian year beside it", () => {
    expect(formatYear(2022, "ja")).toBe("令和4年度（2022年度）");
    expect(formatYear(2019, "ja")).toBe("令和元年度（2019年度）");
    expect(formatYear(2022, "en")).toBe("FY2022");
  });
});

describe("valueInColumnParts", () => {
  const fy2022 = { year: 2022, basis: "fiscal" } as const;
  const v = (year: number, basis: "fiscal" | "calendar") =>
    ({ kind: "number", value: 1202500000000, unit: "円", period: { year, basis } }) as const;
  it("adds the period only where it differs from the column's", () => {
    expect(valueInColumnParts(v(2022, "fiscal"), fy2022)).toEqual({
      value: formatValueJa(v(2022, "fiscal")),
      period: null,
    });
    expect(valueInColumnParts(v(2020, "calendar"), fy2022)).toEqual({
      value: formatValueJa(v(2020, "calendar")),
      period: "令和2年",
    });
    expect(valueInColumnParts(v(2024, "fiscal"), null).period).toBe("令和6年度");
    expect(valueInColumnParts({ kind: "text", text: "待機児童なし" }, fy2022)).toEqual({
      value: "待機児童なし",
      period: null,
    });
  });
});
