/**
 * A table printed without ruling lines (a sheet printed with no borders, many Word tables): its
 * columns rebuilt from the text's x-positions, its rows from the printed lines.
 *
 * Columns: the gutters, the x-ranges no text crosses on any line of the table. A line's text that
 * crosses gutters the other lines keep open (a group header centred over its columns, a section
 * heading across the table) is a span, like a merged cell: it does not close them, and it is read
 * into the column it starts in. A column with nothing but its header keeps its header's x-range.
 *
 * Rows: aligned-rows.ts.
 */
import { alignedRows, UnsureRow } from "./aligned-rows.ts";
import { groupLines } from "./cell-text.ts";
import { type Chunk, chunksOf, columnBoundaries, mergeHeaderOnly, visible, WIDE } from "./column-gutters.ts";
import type { TextRun } from "./page-content.ts";
import type { Box } from "./ruled-grid.ts";

export interface AlignedRow {
  y: number;
  y1: number;
  cells: string[];
  boxes: (Box | null)[];
}

export interface AlignedTable {
  rows: AlignedRow[];
  /** Column boundaries, left to right (columns.length - 1 columns). */
  columns: number[];
  /** The runs read into the table (the rest of the page is free lines). */
  taken: Set<TextRun>;
}

/**
 * The table among a page's free runs, or null: the lines from the first to the last that have text
 * in two or more places, when at least two lines have it in three or more.
 */
/**
 * Whether `below` — a line at the left margin right under the table's last line — is the rest of the
 * last line's first cell: that cell's text filled the first column (reached within a character of the
 * widest text the column holds, so it wrapped; 「01-03 若者が地元企業に就職し」 over 「ている」), and
 * `below` starts where it starts and ends inside the column. A legend or note at the margin is wider
 * than the column or follows a cell that did not wrap.
 */
function wrapsInFirstColumn(body: readonly Chunk[][], below: readonly Chunk[], margin: number): boolean {
  const size = below[0]?.runs[0]?.size ?? 0;
  const atMargin = (cs: readonly Chunk[]) => cs[0] !== undefined && Math.abs(cs[0].x0 - margin) <= size / 2;
  // A line's first place: its first chunk and the words that follow it closer than a column gap.
  const firstPlace = (cs: readonly Chunk[]) => {
    let x1 = cs[0]!.x1;
    for (const c of cs.slice(1)) {
      if (c.x0 - x1 >= WIDE * c.runs[0]!.size) break;
      x1 = c.x1;
    }
    return x1;
  };
  if (!atMargin(below) || body.length < 3) return false;
  const firstCells = body.filter(atMargin).map(firstPlace);
  // The column's width: where two of its lines or more end (wrapped there) — one line whose first cell ran into the
  // next column's words closer than a column gap (「I. 「訪れたい」…全」 then 「(1) 移住・定住の促進」) is no width.
  const ends = firstCells.filter((x, i) => firstCells.some((y, j) => j !== i && Math.abs(y - x) <= size));
  const widest = Math.max(...(ends.length > 0 ? ends : firstCells));
  const above = body.at(-1)!;
  return (
    firstCells.length >= 3 &&
    atMargin(above) &&
    firstPlace(above) >= widest - size &&
    firstPlace(below) <= widest + size / 4 &&
    below.every((c) => c.x1 <= widest + size / 4)
  );
}

/**
 * Whether `above`, `dy` over the table's first line `below`, is the beginning of one of its cells:
 * text in one place (words apart), where a cell of `below` begins, away from the left margin, ending
 * before the next cell of `below` begins.
 */
function beginsAbove(above: readonly Chunk[], below: readonly Chunk[], margin: number, dy: number): boolean {
  const size = below[0]?.runs[0]?.size ?? 0;
  const x0 = above[0]?.x0 ?? 0;
  const x1 = above.at(-1)?.x1 ?? 0;
  return (
    above.length > 0 &&
    above.every((c, i) => i === 0 || c.x0 - above[i - 1]!.x1 < WIDE * size) &&
    dy <= 2 * size &&
    x0 > margin + 4 * size &&
    below.some((c, i) => Math.abs(c.x0 - x0) < 1 && x1 < (below[i + 1]?.x0 ?? Number.POSITIVE_INFINITY))
  );
}

export function findAlignedTable(runs: readonly TextRun[]): AlignedTable | null {
  const lines = groupLines(runs.filter(visible));
  const chunks = lines.map(chunksOf);
  // Places a line has text in, words apart counted as one (a legend's entries are not columns).
  const places = chunks.map(
    (cs) => cs.filter((c, i) => i === 0 || c.x0 - cs[i - 1]!.x1 >= WIDE * c.runs[0]!.size).length,
  );
  const wide = places.map((p, i) => (p >= 2 ? i : -1)).filter((i) => i >= 0);
  if (places.filter((p) => p >= 3).length < 2) return null;
  let first = wide[0]!;
  let last = wide.at(-1)!;
  // The last row's wrapped text goes on below it, away from the left margin where legends start.
  const margin = Math.min(
    ...chunks
      .slice(first, last + 1)
      .flat()
      .map((c) => c.x0),
  );
  while (
    last + 1 < lines.length &&
    lines[last + 1]!.y - lines[last]!.y <= 2 * lines[last]!.size &&
    (chunks[last + 1]!.every((c) => c.x0 > margin + 4 * c.runs[0]!.size) ||
      wrapsInFirstColumn(chunks.slice(first, last + 1), chunks[last + 1]!, margin))
  )
    last++;
  // Cells aligned to the bottom: the first row's wrapped text begins above it, in one place, where
  // a cell of the line below begins, away from the left margin, ending before the next cell of it.
  while (
    first > 0 &&
    beginsAbove(chunks[first - 1]!, chunks[first]!, margin, lines[first]!.y - lines[first - 1]!.y)
  )
    first--;
  // A line less than a line's height from the table's first or last line, though not on it, was
  // placed by centring a cell in a taller row (a half line off; top-aligned prints never come closer
  // than 1.2): the row it belongs to is not printed (a centred card's last key and the end of its
  // text were read as free lines, exit 0). Refused, naming it, as inside the table (aligned-rows.ts).
  for (const [i, j] of [
    [last, last + 1],
    [first - 1, first],
  ] as const) {
    const a = lines[i];
    const b = lines[j];
    if (!a || !b) continue;
    const dy = b.y - a.y;
    const size = Math.min(a.size, b.size);
    if (dy >= 0.5 * size && dy < size) throw new UnsureRow(b.x0, b.y, b.text);
  }
  const body = chunks.slice(first, last + 1);
  const left = Math.min(...body.flat().map((c) => c.x0)) - 1;
  const right = Math.max(...body.flat().map((c) => c.x1)) + 1;
  const columns = mergeHeaderOnly(body, columnBoundaries(body, left, right));
  const n = columns.length - 1;
  const columnOf = (x: number) => Math.max(0, columns.findIndex((b, i) => i > 0 && x < b) - 1);
  // Each line's text per column: text printed without a gap by its first character's middle, as in
  // a ruled cell (a span, a group header over its columns, is read into the column it starts in).
  const perLine = lines.slice(first, last + 1).map((line, i) => {
    const cells: TextRun[][] = Array.from({ length: n }, () => []);
    for (const chunk of body[i]!) {
      const r = chunk.runs[0]!;
      cells[columnOf(r.x + Math.min(r.width, r.size) / 2)]!.push(...chunk.runs);
    }
    return { line, cells: cells.map((rs) => (rs.length ? groupLines(rs)[0]! : null)) };
  });
  const rows = alignedRows(perLine, n);
  const taken = new Set<TextRun>();
  for (const l of perLine) for (const r of l.line.runs) taken.add(r);
  return {
    columns,
    taken,
    rows: rows.map((r) => {
      const printed = r.lines;
      return {
        y: r.y,
        y1: Math.max(...printed.flat().map((x) => x.y + x.size)),
        cells: printed.map((ls) => ls.map((x) => x.text).join("\n")),
        boxes: printed.map((ls) =>
          ls.length
            ? {
                x0: Math.min(...ls.map((x) => x.x0)),
                y0: Math.min(...ls.map((x) => x.y)),
                x1: Math.max(...ls.map((x) => x.x1)),
                y1: Math.max(...ls.map((x) => x.y + x.size)),
              }
            : null,
        ),
      };
    }),
  };
}
