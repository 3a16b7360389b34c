import { describe, expect, it } from "vitest";
import { importSheet } from "./index.ts";
import { readLegendTables } from "./legend-tables.ts";
import type { SourceTable } from "./types.ts";

const KPIS = [
  "令和4年度 総合戦略 KPIの検証",
  "",
  "| 施策 | KPI | 目標値(R4) | 実績値(R4) | 評価 | 担当課 |",
  "|---|---|---|---|---|---|",
  "| 1 観光の振興 | 観光客数(千人) | 100 | 120 | A | 観光課 |",
  "| 2 子育て支援 | 保育所定員(人) | 100 | 95 | B | 子育て支援課 |",
  "| 3 移住の促進 | 移住者数(人) | 100 | 60 | C | 企画課 |",
  "",
];
const md = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("a legend printed as a table of its own", () => {
  it("under the sheet (| 評価 | 内容 |): read as the legend, its rows no KPIs", async () => {
    const r = await importSheet(
      md([
        ...KPIS,
        "| 評価 | 内容 |",
        "|---|---|",
        "| A | 目標を達成 |",
        "| B | 目標の8割以上 |",
        // (a blank row inside it, as an office spaces a long table)
        "| | |",
        "| C | 目標の8割未満 |",
      ]),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis).toHaveLength(3);
    expect(r.sheet.kpis.map((k) => k.evaluation.category)).toEqual([
      "on_track",
      "mostly_on_track",
      "delayed",
    ]);
    expect(r.sheet.scale?.bands.map((b) => [b.label, b.min])).toEqual([
      ["A", null],
      ["B", 0.8],
      ["C", null],
    ]);
    expect(r.report.issues.find((i) => i.kind === "legend_table")?.after).toBe(
      "A:目標を達成 B:目標の8割以上 C:目標の8割未満",
    );
  });

  it("without its names, and with the symbols the sheet rates with", async () => {
    const lines = KPIS.map((l) =>
      l.replace("| A |", "| ◎ |").replace("| B |", "| ○ |").replace("| C |", "| △ |"),
    );
    const r = await importSheet(
      md([...lines, "| ◎ | 目標を上回った |", "|---|---|", "| ○ | 目標どおり |", "| △ | 目標を下回った |"]),
      "kpi.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.sheet.kpis.map((k) => k.evaluation.label)).toEqual(["◎", "○", "△"]);
    expect(r.sheet.scale?.bands).toHaveLength(3);
  });

  it("leaves alone rows of two cells that explain nothing the table prints, and numbered lists", () => {
    const table: SourceTable = {
      rows: [
        { row: 1, cells: ["KPI", "評価"] },
        { row: 2, cells: ["観光客数", "A"] },
        { row: 3, cells: ["X", "説明の行"] },
        { row: 4, cells: ["Y", "説明の行"] },
        { row: 5, cells: ["1", "観光の振興"] },
        { row: 6, cells: ["2", "子育て支援"] },
      ],
      outside: [],
    };
    // (X, Y printed nowhere else; 1, 2 are printed nowhere else either, and a numbered list needs its names)
    expect(readLegendTables(table)).toEqual({ table, issues: [] });
  });
});
