import { describe, expect, it } from "vitest";
import { formatYear } from "./format.ts";

describe("formatYear", () => {
  it("writes fiscal years as 令和N年度 with the Gregorian year beside it", () => {
    expect(formatYear(2022, "ja")).toBe("令和4年度（2022年度）");
    expect(formatYear(2019, "ja")).toBe("令和元年度（2019年度）");
    expect(formatYear(2022, "en")).toBe("FY2022");
  });
});
