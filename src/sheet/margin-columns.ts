/**
 * Columns a worksheet (or the CSV Excel saves of it) holds that are no part of the table: a margin
 * column A, spacer columns between groups — and the title, legend or notes typed in that margin.
 * Used by the XLSX and CSV readers, whose cells are read by position.
 */
import { COLUMN_COUNT } from "./columns.ts";
import type { SourceTable } from "./types.ts";

/**
 * A table that starts at column B with its title, legend or notes typed in column A (each alone on
 * its row): those lines are moved to the table's first column, so that column A, empty for the table,
 * is dropped as a margin — else every row began with an empty cell and a heading row (「基本目標2 …」 in
 * the first column of the table) was no heading: its KPIs kept the goal above, exit 0.
 */
export function alignLoneCells(rows: SourceTable["rows"]): void {
  const filled = (r: SourceTable["rows"][number]) => r.cells.flatMap((t, c) => (t !== "" ? [c] : []));
  // A line alone on its row, or merged across it (the title: its text in every cell it covers).
  const lone = (r: SourceTable["rows"][number]) => new Set(r.cells.filter((t) => t !== "")).size === 1;
  const table = rows.filter((r) => !lone(r) && filled(r).length >= 2).map(filled);
  if (table.length === 0) return;
  const left = Math.min(...table.map((cs) => cs[0]!));
  if (left === 0) return;
  for (const r of rows) {
    const cs = filled(r);
    if (!lone(r) || cs[0]! >= left) continue;
    const text = r.cells[cs[0]!]!;
    for (let c = 0; c < left; c++) r.cells[c] = "";
    r.cells[left] ||= text;
  }
}

/**
 * Columns no row of the worksheet fills are left out: a city's table often starts at B2 (column A a
 * margin) or keeps narrow spacer columns between its groups, and the cells are read by position.
 */
export function dropEmptyColumns(rows: SourceTable["rows"]): void {
  alignLoneCells(rows);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const used = Array.from({ length: width }, (_, c) => rows.some((r) => (r.cells[c] ?? "") !== ""));
  if (used.every(Boolean)) return;
  for (const r of rows) {
    r.cells = r.cells.filter((_, c) => used[c]);
    while (r.cells.length < COLUMN_COUNT) r.cells.push("");
  }
}
