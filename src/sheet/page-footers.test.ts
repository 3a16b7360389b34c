// A page's footer (「- 1 -」) or running title an extractor kept inside the table, as a row of its
// own: dropped, never read as a KPI or joined to the row above; the headings printed before it
// still head the rows after the page break.
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";

const TITLE = "平成27年度 総合戦略の検証";
const sheet = (footer: string) =>
  [
    TITLE,
    "",
    "| 事業名 | 指標名 | 目標値 | 実績値 |",
    "| --- | --- | --- | --- |",
    "| ■施策① 農林業の振興 |  |  |  |",
    "| 就農支援事業 | 新規就農者数(人) | 5 | 4 |",
    "| ■施策② 水産業の振興 |  |  |  |",
    `| ${footer} |  |  |  |`,
    "",
    "| 事業名 | 指標名 | 目標値 | 実績値 |",
    "| --- | --- | --- | --- |",
    "| 漁業研修事業 | 新規漁業就業者数(人) | 5 | 3 |",
    "",
  ].join("\n");

describe("a page's footer kept in the table", () => {
  it.each(["- 1 -", "1", "P.1", "1/2", TITLE])(
    "「%s」 is dropped, the heading before it kept",
    async (footer) => {
      const r = await importSheet(new TextEncoder().encode(sheet(footer)), "sheet.md");
      if (!r.ok) throw new Error(r.error.message);
      expect(r.sheet.kpis.map((k) => [k.initiatives, k.measure.title])).toEqual([
        [["就農支援事業"], "農林業の振興"],
        [["漁業研修事業"], "水産業の振興"],
      ]);
      expect(r.report.cells.dropped.some((d) => d.reason.startsWith("ページ番号"))).toBe(true);
    },
  );
});
