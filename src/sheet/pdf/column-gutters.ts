/**
 * The columns of a table printed without ruling lines: the x-ranges no text crosses (gutters),
 * measured in bins over the table's printed lines, and a header aligned apart from its values
 * merged back into their column. Used by aligned-grid.ts.
 */
import type { PrintedLine } from "./cell-text.ts";
import type { TextRun } from "./page-content.ts";

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
export interface Chunk {
  runs: TextRun[];
  x0: number;
  x1: number;
}

export const visible = (r: TextRun) => r.text.trim() !== "";

export function chunksOf(line: PrintedLine): Chunk[] {
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
export const WIDE = 0.6;
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
export function columnBoundaries(lines: Chunk[][], left: number, right: number): number[] {
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
export function mergeHeaderOnly(lines: Chunk[][], bounds: number[]): number[] {
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
