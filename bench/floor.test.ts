import { describe, expect, it } from "vitest";
import { splitCells, splitRow } from "./floor.ts";
import { generateSheet, renderMarkdownSheet } from "./generate.ts";

describe("splitRow", () => {
  it("splits a table line into trimmed cells and keeps an escaped bar in its cell", () => {
    expect(splitRow("| 1 しごと | a\\|b |  | 12<br>件 |")).toEqual(["1 しごと", "a|b", "", "12<br>件"]);
  });
  it("is null for a line outside the table", () => {
    expect(splitRow("本文の行")).toBeNull();
  });
});

describe("splitCells", () => {
  it("reads every table line of a generated sheet, each cell split at <br>", () => {
    const sheet = generateSheet(7, {
      municipality: "架空市",
      fiscalYear: 2022,
      finalYear: 2024,
      kpiCount: 12,
    });
    const text = renderMarkdownSheet(sheet, 7, 2024);
    const { rows, cells } = splitCells(new TextEncoder().encode(`前置き\n${text}`));
    const tableLines = text.split("\n").filter((l) => l.startsWith("|")).length;
    expect(rows).toHaveLength(tableLines);
    expect(cells).toBe(rows.reduce((s, r) => s + r.length, 0));
    expect(rows.flat(2).some((p) => p.includes("<br>"))).toBe(false);
  });
});
