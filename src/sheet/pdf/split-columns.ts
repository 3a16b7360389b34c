/**
 * A sheet wider than the paper, printed without fitting it: LibreOffice and Excel print the columns
 * that do not fit on further pages ("down, then across"), so one table row is printed in parts on
 * two or more pages, at the same height on each. The parts are joined back into rows here, before
 * the rows are numbered: a page's table whose rows lie at the same heights as an earlier page's
 * table, with other columns, holds that table's columns to the right.
 */
import { joinCutLines, type Shifted } from "./cut-lines.ts";
import type { TextRun } from "./page-content.ts";
import type { PageLine, PageRow } from "./page-table.ts";

export interface PrintedPage {
  page: number;
  items: (PageRow | PageLine)[];
  /** Text drawn outside the page's clipping path (page-content.ts). */
  clipped?: TextRun[];
}

/** A row, its parts joined: each cell's box with the page it was printed on. */
export interface JoinedRow extends PageRow {
  pages: number[];
}

/** Text that can label a row (a number cannot: see sameRows). */
const LABEL = /[^\d\s.,%\-−▲△()]/;
/** Row tops and bottoms within this (points) are the same row printed on another page. */
const SAME_HEIGHT = 1.5;

const tableOf = (p: { items: (JoinedRow | PageLine)[] }): JoinedRow[] =>
  p.items.filter((i): i is JoinedRow => i.kind === "row");

/**
 * Whether two pages' tables are the same rows with other columns: they begin and end at the same
 * heights and most row lines of each are lines of the other (a header merged down on one part is
 * two rows on the other).
 */
function sameRows(a: readonly JoinedRow[], b: readonly JoinedRow[], ended: boolean): boolean {
  if (a.length < 2 || b.length < 2) return false;
  // Parts of equal width print at the same rules as the first part, and so does the table going on
  // down the next page: that one matches the first part's row heights only when all rows are of one
  // height, so at the same rules the rows must be of several heights, their first rows differ, and
  // nearly every row line of each must be one of the other's.
  if (sameColumns(a[0]!.columns, b[0]!.columns)) {
    const heights = new Set(a.map((r) => Math.round(r.y1 - r.y)));
    const most = (x: readonly JoinedRow[], y: readonly JoinedRow[]) => {
      const theirs = rowLines(y);
      const ours = rowLines(x);
      return (
        ours.filter((l) => theirs.some((o) => Math.abs(o - l) < SAME_HEIGHT)).length >= ours.length * 0.9
      );
    };
    // A table followed on its page by text of its own (a legend, a note) ended there: the next
    // page's table at the same rules is no part of it going down, whatever its rows' heights.
    if (
      (heights.size < 3 && !ended) ||
      a[0]!.cells.join("\t") === b[0]!.cells.join("\t") ||
      !most(a, b) ||
      !most(b, a)
    )
      return false;
  }
  const near = (x: number, ys: readonly JoinedRow[]) => ys.some((r) => Math.abs(r.y - x) < SAME_HEIGHT);
  const shared = (x: readonly JoinedRow[], y: readonly JoinedRow[]) => {
    const theirs = rowLines(y);
    const ours = rowLines(x);
    return ours.filter((l) => theirs.some((o) => Math.abs(o - l) < SAME_HEIGHT)).length >= ours.length * 0.8;
  };
  // Two tables of one form (a card per page) print at the same heights too, but begin with the
  // same labels; a part to the right begins with other columns.
  // (Numbers are no labels: a part's values may repeat the row numbers 1, 2, 3 of the first part.)
  const labelled = a.filter(
    (r) => LABEL.test(r.cells[0] ?? "") && b.some((x) => x.cells[0] === r.cells[0]),
  ).length;
  if (labelled >= a.length * 0.5) return false;
  // A part may begin a row lower: a header merged over its columns prints its text and rules on
  // the part where it begins only.
  if (!near(b[0]!.y, a) || Math.abs(a.at(-1)!.y1 - b.at(-1)!.y1) >= SAME_HEIGHT) return false;
  if (shared(a, b) && shared(b, a)) return true;
  // A part whose cells are merged down over several rows of the other (the plan's levels printed
  // once per group on the first page, the KPIs one per row on the next) has fewer row lines, every
  // one of them a line of the other part.
  return within(a, b) || within(b, a);
}

/** Whether every row line of x is one of y's, x having three rows or more and fewer lines. */
function within(x: readonly JoinedRow[], y: readonly JoinedRow[]): boolean {
  const theirs = rowLines(y);
  const ours = rowLines(x);
  return (
    x.length >= 3 &&
    ours.length < theirs.length &&
    ours.every((l) => theirs.some((o) => Math.abs(o - l) < SAME_HEIGHT))
  );
}

/**
 * A table's row lines: the tops and bottoms of its rows (a row a part lacks, a heading merged over
 * the columns printed where it begins, still has its lines there).
 */
const rowLines = (rows: readonly JoinedRow[]) => {
  const out: number[] = [];
  for (const y of rows.flatMap((r) => [r.y, r.y1]).sort((a, b) => a - b))
    if (out.length === 0 || y - out.at(-1)! >= SAME_HEIGHT) out.push(y);
  return out;
};

/** A page number or a page's running footer: no text of the table's own. */
const PAGE_MARK = /^[\s\-−–—(（]*\d+[\s\-−–—)）/／]*\d*[\s\-−–—)）]*$|ページ|page/i;

/**
 * Whether the page's table is followed on the page by a free line of text (a legend, a note, not a
 * page number): the table ended on this page.
 */
function endedOn(p: { items: (JoinedRow | PageLine)[] }): boolean {
  const rows = tableOf(p);
  const bottom = rows.at(-1)?.y1;
  return (
    bottom !== undefined &&
    p.items.some(
      (i) =>
        i.kind === "line" &&
        (i.box.y0 + i.box.y1) / 2 >= bottom &&
        i.text.length >= 8 &&
        !PAGE_MARK.test(i.text),
    )
  );
}

/**
 * The two parts as one table: a row for every row line of either, each part's cells from its row
 * that covers it (a cell merged down over two rows of the other part is read into both, as a
 * merged cell is).
 */
function joinRows(left: readonly JoinedRow[], right: readonly JoinedRow[]): JoinedRow[] {
  const tops: number[] = [];
  for (const y of [...left, ...right].map((r) => r.y).sort((x, z) => x - z))
    if (tops.length === 0 || y - tops.at(-1)! >= SAME_HEIGHT) tops.push(y);
  const covering = (rows: readonly JoinedRow[], y: number) =>
    rows.find((r) => r.y < y + SAME_HEIGHT && r.y1 > y + SAME_HEIGHT);
  return tops.map((y, i) => {
    const l = covering(left, y);
    const r = covering(right, y);
    const lw = left[0]!.cells.length;
    const rw = right[0]!.cells.length;
    return {
      ...(l ?? left[0]!),
      y,
      y1: tops[i + 1] ?? Math.max(left.at(-1)!.y1, right.at(-1)!.y1),
      cells: [...(l?.cells ?? Array(lw).fill("")), ...(r?.cells ?? Array(rw).fill(""))],
      boxes: [...(l?.boxes ?? Array(lw).fill(null)), ...(r?.boxes ?? Array(rw).fill(null))],
      pages: [
        ...(l?.pages ?? Array(lw).fill(left[0]!.pages[0])),
        ...(r?.pages ?? Array(rw).fill(right[0]!.pages[0])),
      ],
    };
  });
}

const sameColumns = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 2);

/**
 * A column part: its rules and its first row. Parts of equal width print at the same rules, so the
 * first row (the header repeated on every page, or the first row's values) tells them apart.
 */
interface Part {
  columns: number[];
  head: string;
}
const samePart = (a: Part, b: Part) => sameColumns(a.columns, b.columns) && a.head === b.head;

/**
 * Joins the column parts: the pages come back with each continued table's rows extended by the
 * cells of the pages that go on to its right, and those rows taken off their own pages.
 */
export function joinSplitColumns(pages: PrintedPage[]): { page: number; items: (JoinedRow | PageLine)[] }[] {
  const out = pages.map((p) => ({
    page: p.page,
    items: p.items.map((i): JoinedRow | PageLine =>
      i.kind === "row" ? { ...i, pages: i.boxes.map(() => p.page) } : i,
    ),
  }));
  // Per page: the column parts already joined to its table (a page is extended once per part).
  const joined = out.map(() => [] as Part[]);
  // Per page: where its joined table ends to the right, in the first part's coordinates, and the
  // parts joined to it with how far right of it each was printed.
  const reach = out.map((p) => tableOf(p)[0]?.columns.at(-1) ?? 0);
  const parts = out.map(() => [] as Shifted[]);
  // The table each page's table extends to the right: the first earlier page printed at the same
  // heights not yet extended by a part with these columns (pages 1–2 down, then 3–4 across).
  for (let j = 1; j < out.length; j++) {
    const right = tableOf(out[j]!);
    if (right.length === 0) continue;
    for (let i = 0; i < j; i++) {
      const left = tableOf(out[i]!);
      const part = { columns: right[0]!.columns, head: right[0]!.cells.join("\t") };
      if (!sameRows(left, right, endedOn(out[i]!)) || joined[i]!.some((c) => samePart(c, part))) continue;
      joined[i]!.push(part);
      const offset = reach[i]! - right[0]!.columns[0]!;
      reach[i] = offset + right[0]!.columns.at(-1)!;
      parts[i]!.push({ page: pages[j]!, items: out[j]!, offset });
      const rows = joinRows(left, right);
      const first = out[i]!.items.indexOf(left[0]!);
      out[i]!.items = [
        ...out[i]!.items.slice(0, first).filter((it) => it.kind !== "row"),
        ...rows,
        ...out[i]!.items.slice(first).filter((it) => it.kind !== "row"),
      ];
      out[j]!.items = out[j]!.items.filter((it) => it.kind !== "row");
      break;
    }
  }
  out.forEach((p, i) => {
    if (parts[i]!.length > 0) joinCutLines(p, pages[i]!, parts[i]!);
  });
  return out;
}
