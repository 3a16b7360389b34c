// group-cells.ts: a rating printed once per 施策 over its KPIs, read only when the whole table says so.
import { describe, expect, it } from "vitest";
import { type ColumnMeaning, recogniseHeader } from "./column-fields.ts";
import { groupRatedColumns } from "./group-cells.ts";
import type { SourceRow } from "./types.ts";

const HEADER = ["基本目標", "具体的施策", "重要業績評価指標(KPI)", "H30実績", "評価", "検証委員会の意見"];
const cols = HEADER.map((h) => recogniseHeader(h)) as ColumnMeaning[];
const rows = (cells: string[][]): SourceRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));

describe("groupRatedColumns", () => {
  it("a rating on every 施策's first row and on none under it belongs to the 施策: its KPI rows take it", () => {
    const r = groupRatedColumns(
      cols,
      rows([
        ["基本目標1 雇用", "(1) 干し柿", "畑の面積", "2.0", "目標以上", "達成した。"],
        ["", "", "苗の本数", "520", "", ""],
        ["", "(2) 起業", "起業者数", "4", "進ちょくに遅れ", ""],
      ]),
    );
    expect(r?.under).toEqual(new Set([3]));
    expect(r?.inherit.map((c) => HEADER[c])).toEqual(["評価", "検証委員会の意見"]);
  });

  it("a level filled down (an XLSX's merged cell) counts as the same group", () => {
    const r = groupRatedColumns(
      cols,
      rows([
        ["基本目標1 雇用", "(1) 干し柿", "畑の面積", "2.0", "目標以上", ""],
        ["基本目標1 雇用", "(1) 干し柿", "苗の本数", "520", "", ""],
        ["基本目標1 雇用", "(2) 起業", "起業者数", "4", "進ちょくに遅れ", ""],
      ]),
    );
    expect(r?.under).toEqual(new Set([3]));
  });

  it("a KPI row inside a group with its own rating: the column is each KPI's, nothing is carried", () => {
    expect(
      groupRatedColumns(
        cols,
        rows([
          ["基本目標1 雇用", "(1) 干し柿", "畑の面積", "2.0", "A", ""],
          ["", "", "苗の本数", "520", "", ""],
          ["", "", "販売金額", "6,420", "B", ""],
          ["", "(2) 起業", "起業者数", "4", "C", ""],
        ]),
      ),
    ).toBeNull();
  });

  it("a group's first row without a rating: empty cells stay empty (no rating is made up)", () => {
    expect(
      groupRatedColumns(
        cols,
        rows([
          ["基本目標1 雇用", "(1) 干し柿", "畑の面積", "2.0", "", ""],
          ["", "", "苗の本数", "520", "", ""],
          ["", "(2) 起業", "起業者数", "4", "C", ""],
        ]),
      ),
    ).toBeNull();
  });
});
