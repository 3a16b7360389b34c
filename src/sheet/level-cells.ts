/**
 * Which level of the plan a level column's cell is (cellLevels), and the case that rule was written for:
 * a table under heading lines (「第1章 住みつづけたい快適なまち」 above its rows) whose level column is named by a
 * word as broad as the headings' (「重点項目」, 「基本的方向」 with no 基本目標 column, promoted to the top level): the
 * headings print the broader level, so the column is the level under them. Read by the column's word alone, each
 * row's cell replaced the heading's level and the heading was lost with exit 0 (found by swapping one city's
 * level word into another's table). The column's levels move below the headings', its lowest the measure.
 */
import type { Ordinal } from "../core/sheet.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { isEmpty } from "./columns.ts";
import { LEVELS, type Level } from "./field.ts";
import { headingLevel, namedLevel } from "./heading-levels.ts";
import { readOrdinal } from "./read-ordinal.ts";

type LevelRow = { cells: readonly string[]; heading: Partial<Record<Level, Ordinal>> };

/**
 * The level each level column's cells are read at, when heading lines name a level as broad as a column's;
 * null when the columns sit below the headings already (or repeat their titles: then they are the same level).
 */
export function levelsUnderHeadings(
  cols: readonly ColumnMeaning[],
  rows: readonly LevelRow[],
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

/**
 * The level a non-empty cell of a level column sets. A column may hold several levels where some cell, or a
 * heading row above, names its level by word (「基本目標1 …」 above 「① 企業誘致の推進」) or the header names two
 * (「基本目標・施策」): there the cell's own words say which — and in a column whose header names two levels and
 * whose cells name the upper by word, a cell naming none (「1. 企業誘致の推進」) is the lower, the measure.
 * (Only there: 「① …」 under 基本目標 alone numbers goals.) Else the column's level, or the one under headings.
 */
export function cellLevels(
  cols: readonly ColumnMeaning[],
  rows: readonly LevelRow[],
): (level: Level, cell: string) => Level {
  const at = (l: Level) => cols.findIndex((c) => c.field === l);
  const headed = rows.some((r) => Object.keys(r.heading).length > 0);
  const twoLevels = (l: Level) =>
    // (One level's compound word counts once: 「政策目標」, 「戦略目標」 are a goal, 「施策目標」 a measure — not 政策 and 目標.)
    (cols[at(l)]!.header.match(/基本目標|(?:政策|戦略|施策|重点)目標|施策|政策|目標|戦略/g) ?? []).length > 1;
  const named = (l: Level) => rows.some((r) => namedLevel(r.cells[at(l)] ?? "") !== null);
  const worded = new Set(LEVELS.filter((l) => at(l) >= 0 && (headed || twoLevels(l) || named(l))));
  const lowerUnnamed = new Set(
    LEVELS.filter((l) => l !== "measure" && at(l) >= 0 && twoLevels(l) && named(l)),
  );
  const under = levelsUnderHeadings(cols, rows);
  return (level, cell) => {
    const said = worded.has(level) ? (namedLevel(cell) ?? headingLevel(cell)) : null;
    if (said === null && lowerUnnamed.has(level)) return "measure";
    return said ?? under?.get(level) ?? level;
  };
}
