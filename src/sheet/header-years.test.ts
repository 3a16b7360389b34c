import { describe, expect, it } from "vitest";
import { findYear, readHeaderYears } from "./header-years.ts";

describe("header years", () => {
  it("reads era and Gregorian years, 年度 and 年", () => {
    expect(findYear("令和5年度<br>目標値")).toEqual({ year: 2023, basis: "fiscal" });
    expect(findYear("目標値<br>(令和7<br>年度)")).toEqual({ year: 2025, basis: "fiscal" });
    expect(findYear("令和元年度実績値")).toEqual({ year: 2019, basis: "fiscal" });
    expect(findYear("平成32年度")).toEqual({ year: 2020, basis: "fiscal" });
    expect(findYear("R6年目標")).toEqual({ year: 2024, basis: "calendar" });
    expect(findYear("2026年度目標値")).toEqual({ year: 2026, basis: "fiscal" });
    expect(findYear("R4実績値")).toEqual({ year: 2022, basis: "fiscal" });
    expect(findYear("目標値(R6)")).toEqual({ year: 2024, basis: "fiscal" });
    expect(findYear("目標値")).toBeNull();
  });

  it("reads the year a baseline prints before its word (「H30基準値」, as 「基準値(H30)」)", () => {
    expect(findYear("H30基準値")).toEqual({ year: 2018, basis: "fiscal" });
    expect(findYear("H26現状値")).toEqual({ year: 2014, basis: "fiscal" });
    expect(findYear("R1策定時")).toEqual({ year: 2019, basis: "fiscal" });
  });

  it("reads a month's end as the fiscal year it closes (「令和2年3月末」 → FY2019)", () => {
    expect(findYear("達成度 令和2年3月末")).toEqual({ year: 2019, basis: "fiscal" });
    expect(findYear("平成31年3月末")).toEqual({ year: 2018, basis: "fiscal" });
    expect(findYear("令和元年9月末時点")).toEqual({ year: 2019, basis: "fiscal" });
    expect(findYear("達成度 2020年3月末")).toEqual({ year: 2019, basis: "fiscal" });
    // A month without 末 / 時点 (a date something is due or was issued) keeps the calendar year.
    expect(findYear("平成28年3月")).toEqual({ year: 2016, basis: "calendar" });
  });

  it("reads a western year glued before a value's word (「2019実績値」, 「2017近況値」) as that value's fiscal year", () => {
    expect(findYear("2019実績値")).toEqual({ year: 2019, basis: "fiscal" });
    expect(findYear("2017近況値")).toEqual({ year: 2017, basis: "fiscal" });
    expect(findYear("2023目標値")).toEqual({ year: 2023, basis: "fiscal" });
    expect(findYear("R1近況値")).toEqual({ year: 2019, basis: "fiscal" });
    // 「R1現在値」 (an office's short era over 令和元年度現在値): the year of the figure now.
    expect(findYear("R1現在値")).toEqual({ year: 2019, basis: "fiscal" });
    expect(findYear("2019現況値")).toEqual({ year: 2019, basis: "fiscal" });
    // Digits of a longer number are no year.
    expect(findYear("12019実績値")).toBeNull();
  });

  it("finds this year from 実績値 and the final year from the other 目標値, wherever the cells sit", () => {
    const y = readHeaderYears([
      "指標名",
      "目標値(令和9年度)",
      "",
      "令和6年度<br>目標値",
      "令和6年度<br>実績値",
    ]);
    expect(y).toMatchObject({ fiscalYear: 2024, finalPeriod: { year: 2027, basis: "fiscal" } });
    expect(readHeaderYears(["大基本目標", "指標名"])).toBeNull();
  });
});
