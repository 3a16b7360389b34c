import { describe, expect, it } from "vitest";
import { atHeadingColumn } from "./heading-levels.ts";

const col = (field: string, header: string) => ({ field, header });
const numbered = [
  col("no", "No."),
  col("unknown", ""),
  col("measure", "基本目標・施策"),
  col("indicator", "指標"),
];

describe("atHeadingColumn: where a heading row puts its text", () => {
  it("in the table's first column", () => {
    expect(atHeadingColumn(["基本目標2 結婚・出産", "", ""], undefined)).toBe(true);
  });

  it("after a No. column and a nameless margin column the heading row leaves empty", () => {
    expect(atHeadingColumn(["", "基本目標2 …", "", ""], numbered)).toBe(true);
    expect(atHeadingColumn(["", "", "基本目標2 …", ""], numbered)).toBe(true);
  });

  it("not after a named column that holds data: there a level's words are a cell of a row", () => {
    const named = [col("measure", "施策"), col("indicator", "指標"), col("unit", "単位")];
    expect(atHeadingColumn(["", "基本目標2 …", ""], named)).toBe(false);
    expect(atHeadingColumn(["", "", "", "基本目標2 …"], numbered)).toBe(false);
  });

  it("not past the first column when no header is known yet", () => {
    expect(atHeadingColumn(["", "基本目標2 …"], undefined)).toBe(false);
    expect(atHeadingColumn(["", ""], numbered)).toBe(false);
  });
});
