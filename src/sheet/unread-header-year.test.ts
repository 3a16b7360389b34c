import { describe, expect, it } from "vitest";
import { recogniseHeader } from "./column-fields.ts";
import { checkHeaderYearsRead, unreadHeaderYear } from "./unread-header-year.ts";

describe("a value column's year the reader did not read", () => {
  it("is found when the header prints a year the period lacks", () => {
    // As 「2019実績値」 was read before the glued western year was known: an actual with no year.
    expect(unreadHeaderYear({ field: "actual", period: null, unit: null, header: "2019実績値" })).toBe(
      "2019",
    );
    expect(unreadHeaderYear({ field: "target", period: null, unit: null, header: "R5目標" })).toBe("R5");
    // (「実績値(24年度)」 in a sheet that names no era for it: round 22's gregorian variant of tokushima-shuyo.)
    expect(unreadHeaderYear({ field: "actual", period: null, unit: null, header: "実績値(24年度)" })).toBe(
      "(24年度)",
    );
  });

  it("is none when the year was read, the header prints none, or a figure holds the digits", () => {
    expect(unreadHeaderYear(recogniseHeader("2019実績値"))).toBeNull();
    expect(unreadHeaderYear(recogniseHeader("実績値"))).toBeNull();
    expect(
      unreadHeaderYear({ field: "target", period: null, unit: null, header: "目標値(12,019件)" }),
    ).toBeNull();
    expect(unreadHeaderYear({ field: "extra", period: null, unit: null, header: "2019備考" })).toBeNull();
  });

  it("refuses the table, naming the column", () => {
    const columns = [
      recogniseHeader("指標"),
      { field: "actual" as const, period: null, unit: null, header: "2019実績値" },
    ];
    expect(() => checkHeaderYearsRead([{ header: { columns } }])).toThrow(
      /2列目「2019実績値」.*年度「2019」/,
    );
  });
});
