// Heading lines printed between tables (■施策② …) head the rows below them — also where the table
// goes on after a page break without its column names (an extractor then starts a new Markdown
// table whose first line is a data row).
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";

const sheet = (continued: string[]) =>
  [
    "平成27年度 総合戦略の検証",
    "■施策① 農林業の振興",
    "",
    "| 指標名 | 現状値 (H26) | 実績値 (H27) | 目標値 (H31) |",
    "| --- | --- | --- | --- |",
    "| 新規就農者数(人) | 2 | 4 | 5 |",
    "",
    "■施策② 水産業の振興",
    "",
    ...continued,
    "",
  ].join("\n");

describe("headings between tables", () => {
  it.each([
    [
      "a repeated header",
      [
        "| 指標名 | 現状値 (H26) | 実績値 (H27) | 目標値 (H31) |",
        "| --- | --- | --- | --- |",
        "| 新規漁業就業者数(人) | 1 | 3 | 5 |",
      ],
    ],
    ["no header (a data row first)", ["| 新規漁業就業者数(人) | 1 | 3 | 5 |", "| --- | --- | --- | --- |"]],
  ])("head the rows below %s", async (_, continued) => {
    const r = await importSheet(new TextEncoder().encode(sheet(continued)), "sheet.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.sheet.kpis.map((k) => [k.indicator, k.measure.title])).toEqual([
      ["新規就農者数(人)", "農林業の振興"],
      ["新規漁業就業者数(人)", "水産業の振興"],
    ]);
  });
});
