/**
 * A baseline printed with no year — none in its header (「基準値」), none in its cells (「2.0ha」), none in a note
 * naming its column — is recorded at the evaluated year, as every value without a year of its own is; but a
 * baseline is usually the plan's starting year, so the import says so (low confidence) for planning to correct
 * the column's year (--profile, or the web preview) rather than take the evaluated year silently.
 */
import type { ColumnMeaning } from "./column-fields.ts";
import { isEmpty } from "./columns.ts";
import { cleanValueText } from "./general-values.ts";
import { isDash } from "./merge-rows.ts";
import type { ImportIssue } from "./types.ts";

export function undatedBaselines(
  cols: readonly ColumnMeaning[],
  rows: readonly { cells: readonly string[] }[],
  fiscalYear: number,
): ImportIssue[] {
  return cols.flatMap((c, col) => {
    if (c.field !== "baseline" || c.period) return [];
    const undated = rows
      .map((r) => r.cells[col] ?? "")
      .filter((t) => !isEmpty(t) && !isDash(t.trim()) && /\d/.test(t) && cleanValueText(t).period === null);
    if (undated.length === 0) return [];
    return [
      {
        row: null,
        column: c.header,
        kind: "baseline_year_assumed",
        before: undated[0]!,
        after: String(fiscalYear),
        confidence: "low" as const,
        message: `列「${c.header}」の基準値には年度が書かれていない(見出し・セル・注記のどれにもない)ため、評価年度(${fiscalYear}年度)の値として記録した。基準値の年度が分かれば、列の年度を指定してください`,
      },
    ];
  });
}
