/**
 * Two rows an extractor joined into one (no ruling line between them in the PDF): every cell holds
 * both rows' texts, one over the other — 「10<br>20」 under a value, 「%<br>人」 under the unit, two
 * names under the indicator. Read as one row, the figures joined into one number or a text and the
 * names into one (25 of 31 table layouts wrong with exit 0 when two of their rows were so joined).
 * Such a row holds, in two cells or more, two complete figures one over the other, in columns where
 * the other rows hold one (a layout that stacks 目標 over 実績 in every cell does so in every row):
 * refused, naming the row and a cell. A figure wrapped in a narrow cell (「123,45<br>6」) is one
 * figure: its parts are not both complete.
 */

import { refuse } from "./refuse-reading.ts";
import type { SourceTable } from "./types.ts";

/** One complete figure as printed: 「1,234」「47.1%」「▲12」「3.5人」「62.1%(H30)」; 「(2016年度)」 is none. */
const FIGURE = /^[▲△-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*(%|[^\d\s()()<>]{1,3})?\s*([((][^()()]{1,12}[))])?$/;
const BREAK = /<br\s*\/?>|\n/i;

/** A figure's own period or note printed under or over it: 「(H28)」「(2014年度)」「H30末」. */
const NOTE = /^[((][^()()]{1,16}[))]$|^(H|R|平成|令和)\d{1,2}(年度?)?末?$|^\d{1,4}年度?末?$/;

const twoFigures = (cell: string): boolean => {
  const parts = cell
    .split(BREAK)
    .map((p) => p.trim())
    .filter((p) => p !== "" && !NOTE.test(p));
  return parts.length === 2 && parts.every((p) => FIGURE.test(p));
};

/**
 * A cell printing one text twice, one over the other (「→<br>→」 under a schedule's year, a project's name
 * that each row repeats): two rows' cells joined as well, where a row that prints no figure (a 取組 with no
 * KPI) was joined to one that does.
 */
const twoSame = (cell: string): boolean => {
  const parts = cell
    .split(BREAK)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.length === 2 && parts[0] === parts[1];
};

export function checkJoinedRows(table: SourceTable): void {
  const rows = table.rows;
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  // Per column: how many rows hold two figures, of the rows that hold any text there.
  const stacked = Array.from({ length: width }, (_, c) => {
    const filled = rows.filter((r) => (r.cells[c] ?? "").trim() !== "");
    return filled.length === 0 ? 0 : filled.filter((r) => twoFigures(r.cells[c]!)).length / filled.length;
  });
  const repeated = Array.from({ length: width }, (_, c) => {
    const filled = rows.filter((r) => (r.cells[c] ?? "").trim() !== "");
    return filled.length === 0 ? 0 : filled.filter((r) => twoSame(r.cells[c]!)).length / filled.length;
  });
  for (const r of rows) {
    const odd = r.cells.flatMap((cell, c) => (twoFigures(cell) && stacked[c]! < 0.5 ? [c] : []));
    // (one cell of two figures, 「1<br>2」 under No, with others printing one text twice: two rows joined too)
    const same = r.cells.flatMap((cell, c) => (twoSame(cell) && repeated[c]! < 0.5 ? [c] : []));
    if (odd.length < 2 && (odd.length === 0 || same.length < 2)) continue;
    const c = odd[0]!;
    refuse(
      `${r.row}行目: ${c + 1}列目「${r.cells[c]!.replace(BREAK, " / ")}」など${odd.length}つのセルに数値が二つずつ上下に入っています${same.length > 0 && odd.length < 2 ? `(ほかに${same.length}つのセルに同じ文字が二つ上下に)` : ""}。` +
        "PDF の2行が1行に結合されたおそれがあります(行の間に罫線がない表)。元の表で行を分けてください",
    );
  }
}
