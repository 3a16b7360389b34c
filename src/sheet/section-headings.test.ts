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

// 徳島県's 主要事業等評価シート (round 22: tokushima-shuyo): the goal's title in brackets, a 「1-1 …」 line under
// goal 1, and the 主要施策 printed as a row of its own in the 番号 column («1 空港の利用促進»).
describe("levels printed as a code line and as a numbered row", () => {
  const lines = (subCode: string, row: string) =>
    [
      "主要事業等評価シート(平成25年度)",
      "",
      "基本目標1「にぎわい・感動とくしま」",
      "",
      subCode,
      "",
      "| 番号 | 数値目標 | 実績値(25年度) | 目標値 | 評価 |",
      "| --- | --- | --- | --- | --- |",
      row,
      "| 1 | 企業立地件数(件) | 2 | 3 | A |",
      "",
      "評価 A:順調 B:おおむね順調 C:要見直し",
    ].join("\n");

  it("reads the goal without its brackets, 「1-1 …」 as its subgoal, the numbered row as the measure", async () => {
    const r = await importSheet(
      new TextEncoder().encode(lines("1-1 ひろがる交流とくしまづくり", "| 1 空港の利用促進 | | | | |")),
      "sheet.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = r.sheet.kpis[0]!;
    expect([k.goal, k.subgoal, k.measure, r.sheet.kpis.length]).toEqual([
      { no: 1, title: "にぎわい・感動とくしま" },
      { no: 1, title: "ひろがる交流とくしまづくり" },
      { no: 1, title: "空港の利用促進" },
      1,
    ]);
  });

  it("reads them with the space after the number lost and the row wrapped (a word processor's PDF)", async () => {
    const r = await importSheet(
      new TextEncoder().encode(lines("1-1ひろがる交流とくしまづくり", "| 1空港の利用<br>促進 | | | | |")),
      "sheet.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.sheet.kpis[0]!.subgoal.title, r.sheet.kpis[0]!.measure]).toEqual([
      "ひろがる交流とくしまづくり",
      { no: 1, title: "空港の利用促進" },
    ]);
  });

  it("takes no subgoal from a code of another goal's number", async () => {
    const r = await importSheet(
      new TextEncoder().encode(lines("2-1 ひろがる交流とくしまづくり", "| 1 空港の利用促進 | | | | |")),
      "sheet.md",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // (The row is then the level under the goal: its subgoal.)
    expect([r.sheet.kpis[0]!.subgoal.title, r.sheet.kpis[0]!.measure.title]).toEqual(["空港の利用促進", ""]);
  });
});
