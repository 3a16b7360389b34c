/**
 * A column's cells as evidence of what the column is, before the rows that lost a cell are put back in
 * place (realign-general-row.ts runs after the columns are settled). A Markdown row of fewer cells than the
 * header lost an empty cell somewhere: past the lost cell, everything sits one column to the left (安平町's
 * row 「| | 出生数 | ○ | 人 | … | △ | 健康福祉課 |」, its blank 重点分野 gone, prints 健康福祉課 under 達成度). Its
 * cell under a column is then that column's own or the one printed one place to the left of where it
 * belongs: either may be the column's, and a row is evidence against the column only when neither fits.
 */
import type { SourceRow } from "./types.ts";

export function fitsAtOrShifted(
  row: SourceRow,
  col: number,
  width: number,
  fits: (cell: string) => boolean,
): boolean {
  const at = row.cells[col] ?? "";
  if (fits(at)) return true;
  // A worksheet's cell keeps its column; a row of the header's width lost nothing.
  if (row.sheet !== undefined || row.cells.length >= width) return false;
  return col > 0 && fits(row.cells[col - 1] ?? "");
}
