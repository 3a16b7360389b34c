/**
 * How a table printed without rules aligned its cells vertically, from what its printed lines show.
 * A cell's text that wrapped (its line filled the column and the next line goes on at the same
 * place) spans two lines of one row; where the row's other cells print beside it tells the
 * alignment: on its first line (top), on its last (bottom, Excel's default), or on a line between
 * (centred).
 */
import { leadWidth, type PrintedLine } from "./cell-text.ts";

export interface LineCells {
  line: PrintedLine;
  /** The line's text in each column (null: none). */
  cells: (PrintedLine | null)[];
}

/** Whether `lower` goes on with the text of `upper` in column c (upper wrapped at the column's edge). */
export type WrapTest = ((upper: PrintedLine, lower: PrintedLine, c: number) => boolean) & {
  /** Where each column's text ends at its widest (spans over the next column left out). */
  textRight: readonly number[];
};

export const NUMBER = /^[\d,.%▲△+\-−()]+$/;
/** A printed line's baseline: its kanji's, when it has any (Latin text sits higher). */
export const baseline = (l: PrintedLine) => Math.max(...l.runs.map((r) => r.y + r.size));

/**
 * Text that goes on from the line above in its column: that text is no number, reached the
 * column's right edge (it wrapped: the start of the lower line, a character at least, would have
 * passed the column's widest text by more than half a character, and with a character to spare it
 * would not have fitted before the next column's text: 「…旅行者数」 over 「2,000万人…」), and the
 * lower line starts where it started.
 */
export function wrapTest(perLine: readonly LineCells[], n: number): WrapTest {
  // Where the next column's text begins at its leftmost: this column's text ends before it.
  const nextStart = Array.from({ length: n }, (_, c) =>
    Math.min(...perLine.map((l) => l.cells[c + 1]?.x0 ?? Number.POSITIVE_INFINITY)),
  );
  // Where each column's text ends at its widest (a wrapped line reaches it) — text that passes the
  // next column's start is a span over several columns (a group's header), not this column's width.
  const textRight = Array.from({ length: n }, (_, c) =>
    Math.max(
      ...perLine.map((l) => {
        const x1 = l.cells[c]?.x1 ?? Number.NEGATIVE_INFINITY;
        return x1 > nextStart[c]! ? Number.NEGATIVE_INFINITY : x1;
      }),
    ),
  );
  const test = (upper: PrintedLine, lower: PrintedLine, c: number) =>
    !NUMBER.test(upper.text) &&
    upper.x1 + Math.max(leadWidth(lower), upper.size) >= textRight[c]! - 0.5 * upper.size &&
    (c + 1 === n || upper.x1 + leadWidth(lower) + lower.size >= nextStart[c]!) &&
    Math.abs(lower.x0 - upper.x0) < 1;
  return Object.assign(test, { textRight });
}

export interface AlignmentEvidence {
  /** Pairs of lines where a cell wrapped and the row's other cells print on its first line. */
  top: number;
  /** …on its last line. */
  bottom: number;
  /** Three lines where a cell wrapped twice and the row's other cells print on the middle one. */
  middle: number;
  /** The first such middle line, to name. */
  middleLine?: PrintedLine;
}

/**
 * Counts the lines that show the alignment. Two lines, the lower within two sizes of the upper,
 * that share a wrapped cell: when every cell of the lower line goes on from the upper and the upper
 * has text in a column the lower has none in, the row's short cells sit on its first line (top);
 * the mirror image, on its last line (bottom). Either may be met by chance in a print of the other
 * alignment (a row's last line that happened to fill its column, over the next row's first), so
 * the counts are compared, not taken one by one.
 */
export function alignmentEvidence(perLine: readonly LineCells[], wraps: WrapTest): AlignmentEvidence {
  const nextStart = (c: number) =>
    Math.min(...perLine.map((l) => l.cells[c + 1]?.x0 ?? Number.POSITIVE_INFINITY));
  const spans = (x: PrintedLine, c: number) => x.x1 > nextStart(c);
  const out: AlignmentEvidence = { top: 0, bottom: 0, middle: 0 };
  const columns = (l: LineCells) => l.cells.flatMap((x, c) => (x ? [c] : []));
  /** The columns whose text goes on from u to l, or null when the lines are not close. */
  const wrapped = (u: LineCells, l: LineCells) => {
    if (baseline(l.line) - baseline(u.line) > 2 * u.line.size) return [];
    // A span over several columns (a heading across the table) passes the next column's start: no wrap.
    return columns(l).filter(
      (c) => u.cells[c] && wraps(u.cells[c]!, l.cells[c]!, c) && !spans(u.cells[c]!, c),
    );
  };
  perLine.forEach((l, i) => {
    const u = perLine[i - 1];
    if (!u) return;
    const w = wrapped(u, l);
    if (w.length === 0) return;
    const all = (x: LineCells) => columns(x).every((c) => w.includes(c));
    const more = (x: LineCells, y: LineCells) => columns(x).some((c) => !y.cells[c]);
    if (all(l) && more(u, l)) out.top++;
    if (all(u) && more(l, u)) {
      // Centred: the row's other cells on the middle line, the wrapped cell going on below it too.
      const d = perLine[i + 1];
      const w2 = d ? wrapped(l, d) : [];
      if (d && w2.length > 0 && columns(d).every((c) => w2.includes(c)) && more(l, d)) {
        out.middle++;
        out.middleLine ??= l.line;
      } else out.bottom++;
    }
  });
  return out;
}

export type Alignment = "top" | "bottom" | "middle" | "unknown";

/**
 * The table's alignment: bottom when more of its lines show it than show top (a print of one
 * alignment meets the other's pattern by chance at most once in our prints, and never more often
 * than its own); centred when its lines show a row centred beside a cell of three lines, and no
 * more top than those rows bring (each also shows top on its last two lines; a top-aligned card
 * met the centred pattern once, beside two tops of its own); top when any line shows top; else
 * unknown (no cell wrapped beside a shorter one). Centred cells beside cells of one line more
 * print half a line off (refused by aligned-rows.ts).
 */
export function alignmentOf(e: AlignmentEvidence): Alignment {
  if (e.bottom > e.top + e.middle) return "bottom";
  if (e.middle > 0 && e.top <= e.middle) return "middle";
  return e.top + e.middle > 0 ? "top" : "unknown";
}
