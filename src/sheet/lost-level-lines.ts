/**
 * The rounds' guards against a heading line of the plan (「基本目標名 1 …」, 「1. 基本目標:…」, 「<基本目標Ⅰ> …」) that no KPI
 * carries at any level: the heading was not read, and the KPIs under it were given another level's title with exit 0.
 * Each guard keeps its own pattern (it must see the line whether or not the reading rule does); the walk is one.
 */
import type { Sheet } from "../core/sheet.ts";
import { isEmpty, squash } from "./columns.ts";
import { readOrdinal } from "./read-ordinal.ts";
import type { SourceTable } from "./types.ts";

/** The texts of the table's lines outside its grid: prose lines, and rows of one filled cell (a worksheet's). */
export function outsideLines(table: SourceTable): { row: number; text: string }[] {
  const lone = table.rows.flatMap((r) => {
    const filled = [...new Set(r.cells.filter((c) => !isEmpty(c)))];
    return filled.length === 1 ? [{ row: r.row, text: filled[0]! }] : [];
  });
  return [...table.outside, ...lone];
}

/**
 * The refusal for the first line matching `pattern` (its first group the level's title) whose title no KPI carries;
 * `numbered`: the title may still open with its own number (「Ⅰ 交流を…」), carried without it.
 */
export function lostLevelLine(
  sheet: Sheet,
  table: SourceTable,
  pattern: RegExp,
  numbered = false,
): string | null {
  const carried = new Set(
    sheet.kpis.flatMap((k) => [k.goal.title, k.subgoal.title, k.measure.title].map(squash)),
  );
  const carries = (t: string) =>
    carried.has(squash(t)) || (numbered && carried.has(squash(readOrdinal(t).title)));
  for (const o of outsideLines(table)) {
    const m = pattern.exec(o.text.replace(/<br\s*\/?>/gi, "").trim());
    if (m && !carries(m[1]!))
      return `${o.row}行目「${o.text.slice(0, 30)}」は計画の階層(番号と名前)の見出しですが、どの指標の階層にもなっていません。階層を読み違えたおそれがあります`;
  }
  return null;
}
