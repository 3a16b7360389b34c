/**
 * A row a word processor split over a page break. Word and Writer let a table row break across pages
 * (Word's default): the lines that fit stay on the page, the rest of each cell goes on at the top of
 * the next page (under the header rows it repeats), in a row of its own. Read as it prints, that
 * rest is a row without a KPI's values (「年比増」 of 「指標② 第3子以降の出生数前」) or sentences
 * joined to the wrong row. Spreadsheets and browsers (break-inside: avoid) never split a row, so
 * only a word processor's PDF is asked.
 */
import { endedShort } from "./cell-text.ts";
import type { PageLine } from "./page-table.ts";
import type { JoinedRow } from "./split-columns.ts";

type Page = { page: number; items: (JoinedRow | PageLine)[] };

/** A page number or nothing: what may follow a table that goes on over the page. */
const PAGE_NUMBER = /^[\s\-–—‐ー－()()\d/ページpP.]*$/;
const sameColumns = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 2);
const key = (r: JoinedRow) => r.cells.join("\t");

/**
 * Whether `next` (the first row of the next page under the repeated header) is the rest of `last`
 * (the last row of the page before): the same table, and in every cell it has text in, the cell
 * above ended its last line at the text edge — the rest's first word would not have fitted on it,
 * as a wrap inside a cell (cell-text.ts endedShort) — so the text went on.
 */
export function goesOn(last: JoinedRow, next: JoinedRow): boolean {
  if (!last.ruled || !next.ruled || !sameColumns(last.columns, next.columns)) return false;
  if (last.pages.some((p) => p !== last.pages[0])) return false;
  let any = false;
  for (let i = 0; i < next.cells.length; i++) {
    if (next.cells[i] === "") continue;
    const above = last.ends?.[i];
    const below = next.ends?.[i];
    if (!above || !below || last.cells[i] === "") return false;
    if (endedShort(above.room, below.lead, above.size)) return false;
    any = true;
  }
  return any;
}

/**
 * Joins each row split over a page break back into one (its cells' text going on with a line
 * break, as a wrap), the rest taken off the next page. `header`: the rows the print repeats at the
 * top of each page (repeated-header.ts), which stay where they are.
 */
export function joinSplitRows(pages: Page[], header: readonly string[]): Page[] {
  const out = pages.map((p) => ({ ...p, items: [...p.items] }));
  for (let p = 1; p < out.length; p++) {
    const before = out[p - 1]!.items;
    const at = before.findLastIndex((i) => i.kind === "row");
    const last = before[at] as JoinedRow | undefined;
    if (!last || before.slice(at + 1).some((i) => i.kind === "line" && !PAGE_NUMBER.test(i.text))) continue;
    const items = out[p]!.items;
    let k = 0;
    while (k < items.length && items[k]!.kind === "line" && PAGE_NUMBER.test((items[k] as PageLine).text))
      k++;
    for (const h of header) if (items[k]?.kind === "row" && key(items[k] as JoinedRow) === h) k++;
    const next = items[k];
    if (next?.kind !== "row" || !goesOn(last, next)) continue;
    before[at] = {
      ...last,
      cells: last.cells.map((c, i) => (next.cells[i] ? `${c}\n${next.cells[i]}` : c)),
      ends: last.ends?.map((e, i) => (next.cells[i] ? (next.ends?.[i] ?? null) : e)),
    };
    items.splice(k, 1);
  }
  return out;
}
