import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { dropEmptyColumns } from "./margin-columns.ts";

const row = (n: number, cells: string[]) => ({ row: n, cells });

describe("a table that starts at column B, its title and notes in column A", () => {
  it("moves the lines typed in the margin to the table's first column, and drops the margin", () => {
    const rows = [
      row(1, ["令和4年度 KPI", "令和4年度 KPI", "令和4年度 KPI"]),
      row(2, ["", "施策", "指標名", "実績値"]),
      row(3, ["", "基本目標2 子育て", "", ""]),
      row(4, ["", "(1) 保育", "待機児童数", "3"]),
      row(5, ["※ 速報値"]),
    ];
    dropEmptyColumns(rows);
    expect(rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ["令和4年度 KPI", "令和4年度 KPI", ""],
      ["施策", "指標名", "実績値"],
      ["基本目標2 子育て", "", ""],
      ["(1) 保育", "待機児童数", "3"],
      ["※ 速報値", "", ""],
    ]);
  });

  it("leaves a table that starts at column A as it is", () => {
    const rows = [row(1, ["表題"]), row(2, ["施策", "指標名"]), row(3, ["", "転入者数"])];
    dropEmptyColumns(rows);
    expect(rows.map((r) => r.cells)).toEqual([["表題"], ["施策", "指標名"], ["", "転入者数"]]);
  });

  it("reads a CSV so saved: a heading row in the table's first column heads the rows below (not the goal above)", async () => {
    const csv = [
      "令和4年度 総合戦略 KPI,,,,",
      ",基本目標・施策,指標,令和4年度実績値,担当課",
      ",基本目標1 しごと,,,",
      ",① 創業支援,創業件数(件),9,商工課",
      ",基本目標2 子育て,,,",
      ",② 保育,待機児童数(人),3,子育て課",
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(csv), "kpi.csv");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => [k.goal.no, k.indicator])).toEqual([
      [1, "創業件数(件)"],
      [2, "待機児童数(人)"],
    ]);
  });

  it("reads Markdown so converted (a note in the empty first column), and a heading row after an empty No. cell", async () => {
    const md = [
      "令和4年度 総合戦略 KPI",
      "",
      "| | No. | 基本目標・施策 | 指標 | 令和4年度実績値 | 担当課 |",
      "|---|---|---|---|---|---|",
      "| | | 基本目標1 しごと | | | |",
      "| | 1 | ① 創業支援 | 創業件数(件) | 9 | 商工課 |",
      "| | | 基本目標2 子育て | | | |",
      "| | 2 | ② 保育 | 待機児童数(人) | 3 | 子育て課 |",
      "| ※実績値は速報値です。 | | | | | |",
    ].join("\n");
    const r = await importSheet(new TextEncoder().encode(md), "kpi.md");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => [k.goal.no, k.goal.title, k.indicator])).toEqual([
      [1, "しごと", "創業件数(件)"],
      [2, "子育て", "待機児童数(人)"],
    ]);
  });
});
