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
import { groupLines, type PrintedLine } from "./cell-text.ts";
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

/** Bins per point when measuring which x-ranges text covers. */
const BINS_PER_POINT = 4;
/**
 * How far text may reach into a gap found in bins and still end (or begin) at it: a bin's rounding
 * either way (「目標値 (単位)」's 「(単位)」 begins 0.1 pt inside the gap its bins found).
 */
const EDGE = 1 / BINS_PER_POINT;
/** A gutter narrower than this (points) is a gap between words, not between columns. */
const MIN_GUTTER = 0.5;
/**
 * A gap inside a span narrower than this (font sizes) is no gutter it crosses: two cells' texts
 * keep both cells' padding between them (「H26」 ending 0.8 pt before 「農林水産業…」 of the line
 * below does not make 「本県における…」 above them a span).
 */
const SPAN_GAP = 0.15;
/** Text printed without a gap: one or more runs (a cell's text, or a word of it). */
interface Chunk {
  runs: TextRun[];
  x0: number;
  x1: number;
}

const visible = (r: TextRun) => r.text.trim() !== "";

function chunksOf(line: PrintedLine): Chunk[] {
  const out: Chunk[] = [];
  for (const r of [...line.runs].filter(visible).sort((a, b) => a.x - b.x)) {
    const last = out.at(-1);
    if (last && r.x - last.x1 < MIN_GUTTER) {
      last.runs.push(r);
      last.x1 = Math.max(last.x1, r.x + r.width);
    } else out.push({ runs: [r], x0: r.x, x1: r.x + r.width });
  }
  return out;
}

/** A gutter crossed on some line by a gap narrower than this (font sizes) is a space between words. */
const WIDE = 0.6;
const startsWithNumber = /^[\d▲△+\-−]/;
/**
 * A chunk that begins with a number is a value, not a header — except a year alone (「2018年度」,
 * 「28年度」 of an era over the column of that year's values).
 */
const isValue = (c: Chunk) => {
  const text = c.runs.map((r) => r.text).join("");
  return startsWithNumber.test(text) && !/^\d{4}年|^\d{1,2}年度?$/.test(text);
};

/**
 * The table's column boundaries from what its lines cover. A gap under every line is a boundary
 * when it is wide on every line that has text on both sides of it, or when a header line (no chunk
 * starting with a number) has text on both sides and none across it: a right-aligned number and
 * the next column's text may print closer than two words of one cell do.
 */
function columnBoundaries(lines: Chunk[][], left: number, right: number): number[] {
  const width = Math.ceil((right - left) * BINS_PER_POINT) + 2;
  const bin = (x: number) => Math.max(0, Math.min(width - 1, Math.round((x - left) * BINS_PER_POINT)));
  const count = new Int32Array(width);
  const add = (c: Chunk, d: number) => {
    for (const r of c.runs) for (let b = bin(r.x); b < bin(r.x + r.width); b++) count[b]! += d;
  };
  for (const l of lines) for (const c of l) add(c, 1);
  const size = lines.flat()[0]?.runs[0]?.size ?? 8;
  const headers = lines.filter((l) => l.length >= 2 && l.every((c) => !isValue(c)));
  /** Whether the empty bins [a, b) separate two columns (see above). */
  const confirmed = (a: number, b: number) => {
    const x0 = left + a / BINS_PER_POINT;
    const x1 = left + b / BINS_PER_POINT;
    let wide = true;
    let crossed = false;
    for (const l of lines) {
      const before = l.filter((c) => c.x1 <= x0 + EDGE);
      const after = l.filter((c) => c.x0 >= x1 - EDGE);
      if (before.length === 0 || after.length === 0 || l.some((c) => c.x0 < x0 && c.x1 > x1)) continue;
      const gap = Math.min(...after.map((c) => c.x0)) - Math.max(...before.map((c) => c.x1));
      crossed = true;
      if (gap < WIDE * size) wide = false;
    }
    return ((wide && crossed) || byHeader(a, b)) && !wrappedAcross(x0, x1);
  };
  /**
   * Whether text printed on both sides of the gap, right against it, goes on below in one piece
   * across it from where the text before it began (「111 災害から地域を守る自助・」 over 「共助の推進」):
   * a cell's text wrapped, the gap a space inside it. A line of values only (no header: a group
   * header over two columns is printed above them).
   */
  const wrappedAcross = (x0: number, x1: number) =>
    lines.some((l, i) => {
      const below = lines[i + 1];
      const before = l.find((c) => Math.abs(c.x1 - x0) < 1);
      const after = l.find((c) => Math.abs(c.x0 - x1) < 1);
      return (
        !!below &&
        !!before &&
        !!after &&
        below.some(isValue) &&
        below.some((c) => Math.abs(c.x0 - before.x0) < 1 && c.x0 < x0 && c.x1 > x1)
      );
    });
  /** Whether another header line has text on both sides of the bins [a, b) and none across them. */
  const byHeader = (a: number, b: number, except?: Chunk[]) => {
    const x0 = left + a / BINS_PER_POINT;
    const x1 = left + b / BINS_PER_POINT;
    return headers.some(
      (l) =>
        l !== except &&
        l.some((c) => c.x1 <= x0 + EDGE) &&
        l.some((c) => c.x0 >= x1 - EDGE) &&
        // a header starts at the gap (the next column's) or ends at it (this column's)
        l.some((c) => Math.abs(c.x0 - x1) < 1 || Math.abs(c.x1 - x0) < 1) &&
        !l.some((c) => c.x0 < x1 - 0.3 && c.x1 > x0 + 0.3),
    );
  };
  /**
   * Whether the bins [a, b) are a column's left margin that other lines keep: three lines or more
   * begin text where the gap ends, and every line with text on both sides leaves it wide (a group
   * header over a column whose own header cell is merged with the one beside it).
   */
  const byAlignment = (a: number, b: number, except: Chunk[]) => {
    const x0 = left + a / BINS_PER_POINT;
    const x1 = left + b / BINS_PER_POINT;
    let starts = 0;
    for (const l of lines) {
      if (l === except) continue;
      const before = l.filter((c) => c.x1 <= x0 + EDGE);
      const after = l.filter((c) => c.x0 >= x1 - EDGE);
      if (after.some((c) => Math.abs(c.x0 - x1) < 1)) starts++;
      if (before.length === 0 || after.length === 0) continue;
      const gap = Math.min(...after.map((c) => c.x0)) - Math.max(...before.map((c) => c.x1));
      if (gap < WIDE * size) return false;
    }
    return starts >= 3;
  };
  // A span: a chunk across a boundary that another header line draws (a group over its columns' own
  // headers, a section heading across the table) or that the lines below keep by their alignment; a
  // gap under one header only is inside its column.
  const isSpan = (c: Chunk, l: Chunk[]) => {
    let seenText = false;
    let gapStart = -1;
    for (let b = bin(c.x0); b < bin(c.x1); b++) {
      if (count[b]! > 0) {
        if (
          seenText &&
          gapStart >= 0 &&
          b - gapStart >= Math.max(MIN_GUTTER, SPAN_GAP * size) * BINS_PER_POINT &&
          (byHeader(gapStart, b, l) || byAlignment(gapStart, b, l))
        )
          return true;
        seenText = true;
        gapStart = -1;
      } else if (gapStart < 0) gapStart = b;
    }
    return false;
  };
  const spans = new Set<Chunk>();
  for (const l of lines)
    for (const c of l) {
      add(c, -1);
      if (isSpan(c, l)) spans.add(c);
      else add(c, 1);
    }
  // Headings alone on their lines (words apart, no wide gap) may hide each other's gaps
  // (「基本目標Ⅰ …」 over the gutter that 「数値目標① 転入者数-転出者数(…)」 crosses, and the other way
  // round): each is tried again against the other lines without them.
  const onePlace = (l: Chunk[]) => l.every((c, i) => i === 0 || c.x0 - l[i - 1]!.x1 < WIDE * c.runs[0]!.size);
  const alone = lines.filter(onePlace).flatMap((l) => l.filter((c) => !spans.has(c)).map((c) => ({ c, l })));
  for (const { c } of alone) add(c, -1);
  for (const { c, l } of alone) if (isSpan(c, l)) spans.add(c);
  for (const { c } of alone) if (!spans.has(c)) add(c, 1);
  const bounds = [left];
  let start = -1;
  for (let b = 0; b < width; b++) {
    if (count[b] === 0) {
      if (start < 0) start = b;
    } else {
      if (start > 0 && b - start >= MIN_GUTTER * BINS_PER_POINT && confirmed(start, b))
        bounds.push(left + (start + b) / 2 / BINS_PER_POINT);
      start = -1;
    }
  }
  bounds.push(right);
  return bounds;
}

/**
 * A column with text only on header lines beside one with text only on the others is one column
 * whose header is aligned differently from its values (a left-aligned 「R2」 over right-aligned
 * numbers); so are two columns that never share a line when one of them has a header.
 */
function mergeHeaderOnly(lines: Chunk[][], bounds: number[]): number[] {
  const isHeader = (l: Chunk[]) => l.every((c) => !isValue(c));
  const out = [...bounds];
  /** The lines with text starting in column c. */
  const used = (c: number) => {
    const on = new Set<number>();
    lines.forEach((l, i) => {
      if (l.some((ch) => ch.x0 >= out[c]! && ch.x0 < out[c + 1]!)) on.add(i);
    });
    return on;
  };
  const headerOnly = (s: Set<number>) => s.size > 0 && [...s].every((i) => isHeader(lines[i]!));
  const disjoint = (a: Set<number>, b: Set<number>) => [...a].every((i) => !b.has(i));
  // A header over values to its right (left-aligned text over right-aligned numbers), then any left.
  for (let c = 0; c + 2 < out.length; c++) {
    const a = used(c);
    if (headerOnly(a) && disjoint(a, used(c + 1))) out.splice(c + 1, 1);
  }
  for (let c = out.length - 3; c >= 0; c--) {
    const b = used(c + 1);
    if (headerOnly(b) && disjoint(used(c), b)) out.splice(c + 1, 1);
  }
  // Two columns that never have text on the same line, one with a header: one column whose values
  // print at different places (a wide number under its header, narrow ones right-aligned past it).
  for (let c = 0; c + 2 < out.length; c++) {
    const a = used(c);
    const b = used(c + 1);
    const headed = (s: Set<number>) => [...s].some((i) => isHeader(lines[i]!));
    if (disjoint(a, b) && (headed(a) || headed(b))) {
      out.splice(c + 1, 1);
      c--;
    }
  }
  return out;
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
  const widest = Math.max(...firstCells);
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
