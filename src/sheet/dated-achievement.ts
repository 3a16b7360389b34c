/**
 * 「達成度 平成31年3月末」 | 「達成度 令和2年3月末」 (枝幸町's 効果検証): columns named for how far the KPI got, each at
 * a date, holding the figure reached with a short label and the rate in brackets (「登録件数9件 (達成率90%)」).
 * With no column of actuals in the table, they are the actuals at those dates (the rate a note of the
 * figure). Columns holding rates alone (「90%」) or ratings stay rates, and the role checks see them.
 */
import { cellShape } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { readAsActuals } from "./general-roles.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** A figure with a unit other than %, maybe after a short label and before a bracketed rate. */
const FIGURE_WITH_RATE =
  /^[^\d()（）]{0,12}?[▲△+\-−]?\d[\d,.]*\s*[^\d\s%％()（）]{1,4}(?:[(（][^)）]*[)）])?$/;

export function isFigureWithLabel(cell: string): boolean {
  const t = squash(cell.replace(/<br\s*\/?>/gi, ""));
  return FIGURE_WITH_RATE.test(t) && cellShape(t) !== "percent";
}

/** 「登録件数9件 (達成率90%)」 → 「9件」: the label before the figure and the rate after it are no part of it. */
export function figureOf(cell: string): string {
  const t = squash(cell.replace(/<br\s*\/?>/gi, ""));
  if (!isFigureWithLabel(t)) return cell;
  return t.replace(/^[^\d▲△+\-−]*/, "").replace(/\s*[(（][^)）]*[)）]$/, "");
}

/** The columns read as actuals (their cells to be read by `figureOf`). */
export function datedAchievementsAsActuals(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): number[] {
  const cols = header.columns;
  if (cols.some((c) => c.field === "actual")) return [];
  const at = cols.flatMap((c, i) => (c.field === "rate" && c.period && !c.confirmed ? [i] : []));
  if (at.length === 0) return [];
  for (const i of at) {
    const cells = rows
      .map((r) => squash(r.cells[i] ?? ""))
      .filter((t) => t !== "" && cellShape(t) !== "dash");
    const figures = cells.filter(isFigureWithLabel);
    if (cells.length === 0 || figures.length * 2 <= cells.length) return [];
  }
  readAsActuals(
    cols,
    at,
    "達成率",
    "日付の付いた達成度の見出しで、数値と単位(達成率は括弧内)を収めているため",
    issues,
  );
  return at;
}
