/**
 * Round 57 (大仙市's 検証 table): a 担当課 printed once per 具体的な施策 — on the 施策's first KPI, blank under it
 * where the 施策 cell is blank too (both merged down in the city's file) — is the 施策's, each of its KPIs' own.
 * group-cells.ts reads it so when two groups or more show it; a table per 基本目標 with one 施策 of two KPIs shows
 * it once, and was refused by the round-28 guard (担当課 on each heading's first KPI only).
 *
 * One group is enough when the table says it with every row: the department filled on every row that opens a
 * group (two groups or more, by the level column: a blank level cell, or the same name as an XLSX's merged cell
 * reads it, continues the group) and on no row under one. A careful reader of 「① 農業の振興 … 農業振興課」 over a
 * KPI whose 施策 and 担当課 are left to the merged cells above signs 農業振興課 for both.
 * Only the department: a reason or comment once in a whole table is no pattern of groups.
 */
import { isEmpty } from "./columns.ts";
import type { SourceRow } from "./types.ts";

export function oneGroupDepartments(
  opens: readonly SourceRow[],
  under: readonly SourceRow[],
  levels: readonly number[],
  departments: readonly number[],
): number[] {
  if (opens.length < 2 || under.length === 0 || levels.length === 0) return [];
  const blank = (r: SourceRow, c: number) => isEmpty(r.cells[c] ?? "");
  return departments.filter((c) => opens.every((r) => !blank(r, c)) && under.every((r) => blank(r, c)));
}
