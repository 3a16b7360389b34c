/**
 * 「KPI(H31年度)」 over figures (森町's 事業評価調書: 数値目標項目 | 基準値 | KPI | 実績値 | 進捗状況): where the
 * indicator's name stands in another column, a column named for the indicator that holds only figures
 * (「139件」, 「3人」) is the KPI's value, not its name — with a year in its header, the target at that year
 * (this year's or the final one, by the year, as any target column). Without a year the figures' year is not
 * guessed: the column is left as printed, and the content check refuses it naming the column — unless its
 * header says target itself (「数値目標」 beside 「指標」): then it is a target column with no year of its own.
 */
import { cellShape, FIELD_JA } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const FIGURE_SHAPES = new Set(["number", "percent", "quantity"]);

export function kpiFigureColumns(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  const cols = header.columns;
  const named = cols.flatMap((c, i) => (c.field === "indicator" && !c.confirmed ? [i] : []));
  if (named.length < 2) return;
  // (A line merged across the table, a heading in every cell, is no record of the columns.)
  const records = rows.filter((r) => new Set(r.cells.map(squash).filter((t) => t !== "")).size > 1);
  const cellsOf = (i: number) => records.map((r) => r.cells[i] ?? "").filter((t) => squash(t) !== "");
  const figures = named.filter((i) => {
    const cells = cellsOf(i).filter((t) => cellShape(t) !== "dash");
    return cells.length > 0 && cells.every((t) => FIGURE_SHAPES.has(cellShape(t)));
  });
  const names = named.filter((i) => {
    const cells = cellsOf(i);
    return cells.length > 0 && cells.every((t) => cellShape(t) === "text" || cellShape(t) === "label");
  });
  // One column of names and the rest figures: each figure column with its year is a target of that year.
  if (names.length !== 1 || figures.length !== named.length - 1) return;
  for (const i of figures) {
    const c = cols[i]!;
    // 「数値目標」 after 指標 (加古川市: 指標 | 基準値 | 数値目標 | 達成状況): its own word says target, so with no
    // year it is read as any bare 目標値 column is.
    if (!c.period && !/目標/.test(squash(c.header))) continue;
    cols[i] = { ...c, field: "target" };
    issues.push({
      row: null,
      column: c.header,
      kind: "column_read_by_content",
      before: FIELD_JA.indicator,
      after: FIELD_JA.target,
      confidence: "high",
      message: `列「${c.header}」は指標の見出しですが数値だけを収め、指標名は列「${cols[names[0]!]!.header}」にあるため、${c.period ? `${c.period.year}年度の` : ""}目標値として読んだ`,
    });
  }
}
