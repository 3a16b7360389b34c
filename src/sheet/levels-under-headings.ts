/**
 * A table under heading lines (「第1章 住みつづけたい快適なまち」 above its rows) whose level column is named by a
 * word as broad as the headings' (「重点項目」, 「基本的方向」 with no 基本目標 column, promoted to the top level): the
 * headings print the broader level, so the column is the level under them. Read by the column's word alone, each
 * row's cell replaced the heading's level and the heading was lost with exit 0 (found by swapping one city's
 * level word into another's table). The column's levels move below the headings', its lowest the measure.
 */
import type { Ordinal } from "../core/sheet.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { isEmpty } from "./columns.ts";
import { readOrdinal } from "./read-ordinal.ts";

export type Level = "goal" | "subgoal" | "measure";
const LEVELS: readonly Level[] = ["goal", "subgoal", "measure"];

/**
 * The level each level column's cells are read at, when heading lines name a level as broad as a column's;
 * null when the columns sit below the headings already (or repeat their titles: then they are the same level).
 */
export function levelsUnderHeadings(
  cols: readonly ColumnMeaning[],
  rows: readonly { cells: readonly string[]; heading: Partial<Record<Level, Ordinal>> }[],
): Map<Level, Level> | null {
  const at = (l: Level) => cols.findIndex((c) => c.field === l);
  const columnLevels = LEVELS.filter((l) => at(l) >= 0);
  const headings = rows.map((r) => r.heading);
  const cellsOf = (l: Level) => rows.map((r) => r.cells[at(l)] ?? "").filter((c) => !isEmpty(c));
  const headed = LEVELS.filter((l) => headings.some((h) => h[l]));
  if (headed.length === 0 || columnLevels.length === 0) return null;
  const lowestHeading = Math.max(...headed.map((l) => LEVELS.indexOf(l)));
  const ordered = [...columnLevels].sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b));
  if (LEVELS.indexOf(ordered[0]!) > lowestHeading) return null;
  const free = LEVELS.slice(lowestHeading + 1);
  if (free.length < ordered.length) return null;
  // A column repeating the headings' titles (the 基本目標 printed both above and in its column) is their level.
  const titles = new Set(
    headings.flatMap((h) => Object.values(h).map((o) => o.title)).filter((t) => t !== ""),
  );
  for (const l of ordered) if (cellsOf(l).some((c) => titles.has(readOrdinal(c).title))) return null;
  const moved = free.slice(free.length - ordered.length);
  return new Map(ordered.map((l, i) => [l, moved[i]!]));
}
