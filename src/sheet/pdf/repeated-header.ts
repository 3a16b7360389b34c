/**
 * The header a print repeats at the top of every page: a browser repeats a table's <thead> (the
 * sheet's first rows) and a spreadsheet its rows to repeat at top. Under a table that goes on with
 * the same header, the shared reader drops the repeated column names as it does in Markdown; but
 * where the page goes on inside a later table of the sheet (another group's header over other
 * columns), the first table's header printed there is not the sheet's: it interrupts that table
 * (etajima-senryaku's 「目標指標 | 基準値 (H26)」 over 「≪成果と見直し≫…」 of a KPI below, read as a
 * baseline header over sentences).
 */

interface RowLike {
  kind: "row" | "line";
  cells?: string[];
}

const key = (r: RowLike) => (r.cells ?? []).join("\t");
const isRow = (i: RowLike) => i.kind === "row" && (i.cells ?? []).some((c) => c !== "");

/** The rows a page's first table begins with (before the first free line after them). */
function topRows<T extends RowLike>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const i of items) {
    if (isRow(i)) out.push(i);
    else if (i.kind === "line" && out.length > 0) break;
  }
  return out;
}

/**
 * The rows the first page's table begins with that every later page with a table begins with too
 * (two non-empty cells or more each: column names, not a label alone), as keys — empty when there
 * is no later page with a table or they differ; and the keys of every row printed more than once
 * in the document (two non-empty cells or more: column names printed over each group).
 */
export function repeatedHeader(pages: readonly { items: readonly RowLike[] }[]): {
  header: string[];
  columnNames: Set<string>;
} {
  const seen = new Set<string>();
  const columnNames = new Set<string>();
  for (const p of pages)
    for (const i of p.items)
      if (isRow(i) && (i.cells ?? []).filter((c) => c !== "").length >= 2) {
        if (seen.has(key(i))) columnNames.add(key(i));
        seen.add(key(i));
      }
  const [first, ...later] = pages.map((p) => topRows(p.items)).filter((t) => t.length > 0);
  if (!first || later.length === 0) return { header: [], columnNames };
  let k = 0;
  while (
    k < first.length - 1 &&
    (first[k]!.cells ?? []).filter((c) => c !== "").length >= 2 &&
    later.every((t) => t[k] && key(t[k]!) === key(first[k]!))
  )
    k++;
  return { header: first.slice(0, k).map(key), columnNames };
}

/**
 * The items at the top of a page that are the print's repeated header (see repeatedHeader), to be
 * left out where the table goes on from the page before (`continues`) — asked only where other
 * column names were printed since the header was last (read-pdf.ts): the shared reader drops
 * column names repeated under their own table and reports them, but inside a later group of the
 * sheet, under other column names, they would be read as that group's header. Where the page
 * begins a table of its own (a card printed again, other columns), they are its own.
 */
export function headerToDrop<T extends RowLike>(
  items: readonly T[],
  header: readonly string[],
  continues: (first: T) => boolean,
): Set<T> {
  if (header.length === 0) return new Set();
  const top = topRows(items).slice(0, header.length);
  if (top.length < header.length || !top.every((r, i) => key(r) === header[i]) || !continues(top[0]!))
    return new Set();
  return new Set(top);
}
