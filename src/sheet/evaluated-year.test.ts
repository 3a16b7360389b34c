// The evaluated year of a sheet whose 実績 column names no year: the title nearest the table, not the
// cover line above it (a 効果検証 made in 令和元年度 reports 平成30年度's results).
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";

const sheet = (...titles: string[]) =>
  [
    ...titles,
    "",
    "| 指標名 | 目標値 | 実績値 | 担当課 |",
    "|---|---|---|---|",
    "| 移住相談件数 | 50件 | 52件 | 企画課 |",
    "| 創業支援件数 | 12件 | 9件 | 商工課 |",
    "",
  ].join("\n");
const read = async (text: string) => {
  const r = await importSheet(new TextEncoder().encode(text), "sheet.md");
  return r.ok ? r.sheet.fiscalYear : r.error.message;
};

describe("the evaluated year from the titles", () => {
  it("is the year of the title nearest the table", async () => {
    expect(
      await read(sheet("令和元年度 まち・ひと・しごと創生総合戦略 効果検証", "平成30年度 KPIの実績")),
    ).toBe(2018);
  });

  it("is the one title's year when there is one", async () => {
    expect(await read(sheet("令和4年度 KPI評価シート"))).toBe(2022);
  });
});
