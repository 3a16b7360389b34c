/**
 * The profile a table reading reports (its header rows, each column's field and year, the scale): what
 * `--profile` would take to read the same sheet the same way. Split from read-general.ts (size).
 */
import type { EvaluationScale } from "../core/sheet.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportProfile } from "./profile-types.ts";
import type { SourceRow } from "./types.ts";

export function tableProfileOf(
  segments: readonly { header: FoundHeader; rows: readonly { row: SourceRow }[] }[],
  rows: readonly SourceRow[],
  fy: number,
  scale: EvaluationScale | null,
): ImportProfile {
  const isEmpty = (t: string) => squash(t) === "";
  return {
    layout: "table",
    fiscalYear: fy,
    headerRows: segments.flatMap((s) => s.header.rows.map((i) => rows[i]!.row)),
    // A column with no name and no cell (a workbook's row padded to 14 cells, a spacer) is no
    // column of the sheet: not listed (the web's mapping showed 「11列目」…「14列目」 of nothing).
    columns: segments.flatMap((s, si) =>
      s.header.columns.flatMap((c, col) =>
        isEmpty(c.header) && s.rows.every((y) => isEmpty(y.row.cells[col] ?? ""))
          ? []
          : [{ table: si + 1, col: col + 1, header: c.header, field: c.field, year: c.period?.year ?? null }],
      ),
    ),
    scale,
  };
}
