import { describe, expect, it } from "vitest";
import { readMarkdownTable } from "./read-markdown-table.ts";

const cellsOf = (md: string) => readMarkdownTable(md).rows.map((r) => r.cells.join(" | "));

describe("readMarkdownTable: a column no row fills", () => {
  it("is left out (an extractor's artefact), its neighbours keeping their places", () => {
    const md = [
      "| 指標名 |  | 目標値 | 実績値 |",
      "| --- | --- | --- | --- |",
      "| 観光客数 |  | 100 | 96 |",
      "| 移住者数 |  | 50 | 61 |",
    ].join("\n");
    expect(cellsOf(md)).toEqual([
      "指標名 | 目標値 | 実績値",
      "--- | --- | ---",
      "観光客数 | 100 | 96",
      "移住者数 | 50 | 61",
    ]);
  });

  it("is kept when another page of the table (a Markdown table of its width) fills it", () => {
    const md = [
      "| 基本目標 | 指標名 | 実績値 |",
      "| --- | --- | --- |",
      "| 1 しごと | 観光客数 | 96 |",
      "",
      "| 基本目標 | 指標名 | 実績値 |",
      "| --- | --- | --- |",
      "|  | 移住者数 | 61 |",
    ].join("\n");
    expect(readMarkdownTable(md).rows.every((r) => r.cells.length === 3)).toBe(true);
  });

  it("is kept when only a page without the column names is empty there", () => {
    const md = [
      "| 基本目標 | 指標名 | 実績値 |",
      "| --- | --- | --- |",
      "|  | 移住者数 | 61 |",
      "|  | 創業件数 | 7 |",
    ].join("\n");
    expect(cellsOf(md)[2]).toBe(" | 移住者数 | 61");
  });
});

describe("readMarkdownTable: other Markdown writers", () => {
  it("reads a table without outer pipes (GFM), a leading `|` being an empty first cell", () => {
    const md = [
      "指標名 | 目標値 | 実績値",
      "--- | --- | ---",
      "観光客数 | 100 | 96",
      "| 50 | 61",
      "",
      "注記",
    ].join("\n");
    const t = readMarkdownTable(md);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["指標名", "目標値", "実績値"],
      ["---", "---", "---"],
      ["観光客数", "100", "96"],
      ["", "50", "61"],
    ]);
    expect(t.outside.map((o) => o.text)).toEqual(["注記"]);
  });

  it("takes off bold, a heading's # and a quote's >, and decodes the entities writers escape", () => {
    const md = [
      "# **KPI評価シート**",
      "> 令和4年度 &amp; 5年度",
      "",
      "| **指標名** | __実績値__ |",
      "|---|---|",
      "| R&amp;D拠点数 | 3&nbsp;件 |",
    ].join("\n");
    const t = readMarkdownTable(md);
    expect(t.outside.map((o) => o.text)).toEqual(["KPI評価シート", "令和4年度 & 5年度"]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["指標名", "実績値"],
      ["---", "---"],
      ["R&D拠点数", "3 件"],
    ]);
  });
});
