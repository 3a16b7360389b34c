/**
 * A group's label in a table printed without rules: a column left of the first one filled on every
 * row of values (the hierarchy over the indicators), printed on one row of its group. Which row
 * depends on how the cells were aligned and whether the label was merged over its group: merged,
 * top-aligned, on the group's first row (where the importer carries it down from); aligned to the
 * bottom, on its last; typed into the first row without merging, on the first whatever the
 * alignment. Where the print does not tell which rows a label is for, its first label is returned,
 * to be refused.
 */
import type { PrintedLine } from "./cell-text.ts";
import type { Alignment } from "./vertical-align.ts";

type Rows = readonly { lines: PrintedLine[][] }[];

/** Text that begins with a number is a value — a year alone (「2018年度」「28年度」) is a header. */
export const isValue = (text: string) => /^[\d▲△+\-−]/.test(text) && !/^\d{4}年|^\d{1,2}年度?$/.test(text);

const hasValue = (r: Rows[number]) => r.lines.some((c) => c.some((l) => isValue(l.text)));

/**
 * The rows of values of each table of the grid, top to bottom: from a row with a value up to the
 * next table's header (a row of three cells or more, no value), where its own groups begin.
 */
function bodies(rows: Rows): Rows[] {
  const out: Rows[] = [];
  let start = rows.findIndex(hasValue);
  while (start >= 0) {
    const next = rows.findIndex(
      (r, i) => i > start && !hasValue(r) && r.lines.filter((c) => c.length).length >= 3,
    );
    out.push(rows.slice(start, next < 0 ? undefined : next));
    start = next < 0 ? -1 : rows.findIndex((r, i) => i > next && hasValue(r));
  }
  return out;
}

/**
 * The first label that cannot be placed, or null.
 * - top (the table's wrapped cells show it): a column empty on the first table's first row of
 *   values and filled on its last (only the first table is looked at: a second one's groups, and a
 *   card's keys, gave labels on their last rows in top-aligned prints).
 * - bottom: any label column empty on some row of values, in any table — merged or typed, nothing
 *   printed tells.
 * - unknown (no cell wrapped beside a shorter one): a label column empty on a table's first row of
 *   values (as bottom-aligned merged labels print), or filled on its last (a bottom-aligned last
 *   group's; top-aligned, a last group of one row).
 */
export function unplacedLabel(rows: Rows, n: number, alignment: Alignment): PrintedLine | null {
  const tables = bodies(rows);
  for (const table of alignment === "top" ? tables.slice(0, 1) : tables) {
    // A heading between the table's rows (「活動指標」 over the next table) is no row of values.
    const body = alignment === "top" ? table : table.filter(hasValue);
    if (body.length < (alignment === "top" ? 3 : 2)) continue;
    const full = Array.from({ length: n }, (_, c) => body.every((r) => r.lines[c]!.length > 0)).indexOf(true);
    for (let c = 0; c < full; c++) {
      // A label is words: a column of units (「人」「%」) may be empty on a first row without one.
      const labels = body.flatMap((r) => r.lines[c]!).filter((l) => Array.from(l.text).length > 2);
      if (labels.length === 0 || body.every((r) => r.lines[c]!.length > 0)) continue;
      const firstEmpty = body[0]!.lines[c]!.length === 0;
      const lastFilled = body.at(-1)!.lines[c]!.length > 0;
      if (
        alignment === "bottom" ||
        (alignment === "top" && firstEmpty && lastFilled) ||
        (alignment === "unknown" && firstEmpty && lastFilled)
      )
        return labels[0]!;
    }
  }
  return null;
}
