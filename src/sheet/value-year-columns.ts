/**
 * A value's year printed in a column of its own beside it (「基準値 | 基準年度 | 目標値 | 目標年度 | 実績値 |
 * 実績年度」, over cells 「1,000 | R1 | 1,500 | R6 | 1,400 | R5」), as many cities' Excel sheets keep it.
 * Before, 実績年度 was read as a second actual column holding years and the sheet refused; 基準年度 and
 * 目標年度 were kept as extras and the values took no year of their own. Each year is now given to the
 * value beside it as if printed in its cell (「1,000(R1)」), which every value reader already takes.
 */
import { readPeriod } from "../core/period.ts";
import type { ColumnMeaning, Field } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** 「基準年度」, 「目標値の年度」, 「実績年」, 「数値の基準年度」: the year of one of the values, by its role. */
const YEAR_OF =
  /^(?:数値の)?(基準値?|現状値?|現況値?|策定時?|計画策定時|当初値?|目標値?|実績値?)の?(?:年度|年次|年|時点)$/;

const roleOf = (word: string): readonly Field[] =>
  /^(目標)/.test(word) ? ["target", "finalTarget"] : /^実績/.test(word) ? ["actual"] : ["baseline"];

/** A cell that is a year alone: 「R1」, 「H30年度」, 「令和元年度」, 「2019」, 「2019年度」. */
function yearText(cell: string): string | null {
  const t = squash(cell).normalize("NFKC");
  if (/^(19|20)\d{2}$/.test(t)) return `${t}年度`;
  const p = readPeriod(t);
  return p.kind === "period" ? t : null;
}

/** The value column each year column dates: the nearest to its left of the role, else to its right. */
export function valueYearColumns(cols: readonly ColumnMeaning[]): Map<number, number> {
  const pairs = new Map<number, number>();
  cols.forEach((c, i) => {
    const m = YEAR_OF.exec(squash(c.header));
    if (!m || c.field === "indicator") return;
    const roles = roleOf(m[1]!);
    const is = (j: number) => j >= 0 && j < cols.length && roles.includes(cols[j]!.field) && !cols[j]!.period;
    let j = i - 1;
    while (j >= 0 && !is(j)) j--;
    if (j < 0) {
      j = i + 1;
      while (j < cols.length && !is(j)) j++;
    }
    if (j < cols.length) pairs.set(i, j);
  });
  return pairs;
}

/**
 * The rows with each dated value's year written after it in its cell (「1,000」 and 「R1」 → 「1,000(R1)」)
 * and the year cell emptied (used: it is the value's). A cell that is no year alone is left as it is.
 */
export function withValueYears<R extends { row: SourceRow }>(
  cols: readonly ColumnMeaning[],
  rows: readonly R[],
  issues: ImportIssue[],
): R[] {
  const pairs = valueYearColumns(cols);
  for (const [yearCol, valueCol] of pairs)
    issues.push({
      row: null,
      column: cols[yearCol]!.header,
      kind: "value_year_column",
      before: null,
      after: cols[valueCol]!.header,
      confidence: "high",
      message: `列「${cols[yearCol]!.header}」の年度を、隣の列「${cols[valueCol]!.header}」の値の年度として読んだ`,
    });
  if (pairs.size === 0) return [...rows];
  return rows.map((r) => {
    const cells = [...r.row.cells];
    for (const [yearCol, valueCol] of pairs) {
      const year = yearText(cells[yearCol] ?? "");
      const value = cells[valueCol] ?? "";
      if (!year || squash(value) === "" || /[(（][^()（）]*[)）]\s*$/.test(value)) continue;
      cells[valueCol] = `${value.trim()}(${year})`;
      cells[yearCol] = "";
    }
    return { ...r, row: { ...r.row, cells } };
  });
}
