/**
 * A blank spacer row between a table's rows, as an XLSX reads it when a level's cell was merged down
 * over it: the merged text on the spacer (「2 とちぎへの新しいひとの流れをつくる」 alone), the same as the
 * row above in the same column. It is no heading: read as one (a lone cell in a level column heads the
 * rows below), it became the name of the level under it for the next KPI — its 戦略 printed as the
 * 基本目標 (exit 0; the office variant numbered+spacer-rows of a prefecture's KPI table, as XLSX).
 */
import type { ColumnMeaning } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { LEVEL_FIELDS } from "./field.ts";
import type { SourceRow } from "./types.ts";

/** Whether `r`'s only cells are level cells repeating the row above's (no indicator, no value). */
export function isMergedSpacer(
  r: SourceRow,
  above: SourceRow | undefined,
  columns: readonly ColumnMeaning[] | undefined,
): boolean {
  if (!above || !columns) return false;
  const filled = r.cells.flatMap((c, i) => (squash(c) === "" ? [] : [i]));
  return (
    filled.length > 0 &&
    filled.every(
      (i) =>
        LEVEL_FIELDS.has(columns[i]?.field ?? "") && squash(r.cells[i]!) === squash(above.cells[i] ?? ""),
    )
  );
}
