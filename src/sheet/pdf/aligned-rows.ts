/**
 * The rows of a table printed without ruling lines, from its printed lines (each already cut into
 * its columns' text). A cell aligned to the top prints its lines one under the other, and a row
 * begins below every line of the row above: a printed line either goes on with the row above it or
 * begins a row, as a whole. What tells them apart: a column that has text on this line and none on
 * the one above (a row begins), text that wrapped at its column's right edge (it goes on), and line
 * spacing (a row adds its cell margins to the line pitch: a few tenths of a point on a sheet fitted
 * to the page). Where none of these decides, and the line would begin an item of its own, the
 * table is refused (UnsureRow), naming the line. Assumes cells aligned to the top: a cell centred
 * half a line off its neighbours is refused; one aligned to the bottom is not told (its text lands
 * in the wrong row).
 */
import type { PrintedLine } from "./cell-text.ts";
import { isValue, unplacedLabel } from "./group-labels.ts";
import {
  alignmentEvidence,
  alignmentOf,
  baseline,
  type LineCells,
  NUMBER,
  type WrapTest,
  wrapTest,
} from "./vertical-align.ts";

export type { LineCells } from "./vertical-align.ts";

/**
 * A printed line that may as well go on with the row above as begin a row (see findAlignedTable);
 * `label`: a group's label whose rows are not printed (group-labels.ts), told apart in the message.
 */
export class UnsureRow extends Error {
  constructor(
    readonly x: number,
    readonly y: number,
    readonly text: string,
    readonly kind: "row" | "label" = "row",
  ) {
    super(`unsure row at ${x},${y}`);
    this.name = "UnsureRow";
  }
}

/** Kana or kanji: text in the Japanese font (a symbol such as ◎ may come from another font). */
const KANJI_KANA = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Text in Latin letters only: printed in the Latin font, whose baseline sits higher than kanji's. */
const LATIN = /^[\x20-\x7e]+$/;

/**
 * The pitch from one row to the next: the most common distance from a cell's last line to the next
 * row's first line in the same column, over the lines that certainly begin a row (text in a column
 * the line above has none in); without those, over consecutive lines with text in two or more
 * columns. Measured per column: a cell of Latin text only prints its baseline higher than one with
 * kanji, so whole lines' tops differ by a point.
 */
function commonPitch(lines: readonly LineCells[]): number | null {
  const mode = (pairs: [PrintedLine, PrintedLine][]) => {
    const counts = new Map<number, number>();
    for (const [above, cell] of pairs) {
      const key = Math.round(Math.abs(baseline(cell) - baseline(above)) * 10) / 10;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [k, v] of counts)
      if (best === null || v > counts.get(best)! || (v === counts.get(best) && k < best)) best = k;
    return best;
  };
  const begins: [PrintedLine, PrintedLine][] = [];
  let beginLines = 0;
  const multi: [PrintedLine, PrintedLine][] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    if (!prev) return;
    const pairs = l.cells.flatMap((cell, c) => {
      const above = prev.cells[c];
      return cell && above ? [[above, cell] as [PrintedLine, PrintedLine]] : [];
    });
    if (l.cells.some((cell, c) => cell && !prev.cells[c]) && pairs.length > 0) {
      begins.push(...pairs);
      beginLines++;
    }
    const many = (x: typeof l) => x.cells.filter(Boolean).length >= 2;
    if (many(l) && many(prev)) multi.push(...pairs);
  });
  if (beginLines < 3) return mode(multi) ?? mode(begins);
  // The middle value: a wrapped header cell or an overflowing line can add a few short ones.
  const d = begins.map(([a, c]) => Math.abs(baseline(c) - baseline(a))).sort((x, y) => x - y);
  return d[Math.floor(d.length / 2)]!;
}

/**
 * Whether the line is values under the table's first line when that is headers (two cells or more,
 * none a value): a header cell's words wrapped or broken are words, so a value under one begins the
 * first row of values.
 */
const valuesUnderHeader = (above: LineCells, l: LineCells) =>
  above.cells.filter(Boolean).length >= 2 &&
  above.cells.every((c) => !c || !isValue(c.text)) &&
  l.cells.some((c, i) => c && above.cells[i] && isValue(c.text));

/** A line's text per column, to find it printed again. */
const textsOf = (l: LineCells) => l.cells.map((c) => c?.text ?? "").join("\t");

/**
 * Per line: whether the line above it is printed again elsewhere in the table, cell for cell (two
 * cells or more: a header repeated over each indicator's values), followed there by another line.
 * A repeated header is a row of its own: were this line its wrapped or broken part, it would be
 * repeated with it. So this line begins a row, however close it follows (a header row one line high).
 */
function afterRepeatedLine(perLine: readonly LineCells[]): boolean[] {
  const at = new Map<string, number[]>();
  perLine.forEach((l, i) => {
    if (l.cells.filter(Boolean).length < 2) return;
    const k = textsOf(l);
    at.set(k, [...(at.get(k) ?? []), i]);
  });
  return perLine.map((l, i) => {
    const above = perLine[i - 1];
    if (!above) return false;
    const same = at.get(textsOf(above)) ?? [];
    return same.some(
      (j) => j !== i - 1 && perLine[j + 1] !== undefined && textsOf(perLine[j + 1]!) !== textsOf(l),
    );
  });
}

export type Rows = { y: number; lines: PrintedLine[][] }[];

/**
 * The rows, top to bottom: each with its printed lines per column. Cells aligned to the bottom
 * (the table's wrapped cells show it, vertical-align.ts) are read from the last line up, a row
 * ending where a cell begins, as top-aligned ones are read down.
 */
export function alignedRows(perLine: readonly LineCells[], n: number): Rows {
  const wraps = wrapTest(perLine, n);
  const evidence = alignmentEvidence(perLine, wraps);
  const alignment = alignmentOf(evidence);
  // Centred cells in rows of several lines: a row's short cells print on a line in its middle, and
  // where its rows begin is not printed (read as top-aligned, a cell's first line began a row of
  // its own). Refused, naming the line.
  if (alignment === "middle" && evidence.middleLine) {
    const at = evidence.middleLine;
    throw new UnsureRow(at.x0, at.y, at.text);
  }
  const rows =
    alignment !== "bottom"
      ? readRows(perLine, n, wraps, false)
      : readRows([...perLine].reverse(), n, wraps, true)
          .reverse()
          .map((r) => {
            const lines = r.lines.map((ls) => [...ls].reverse());
            return { y: Math.min(...lines.flat().map((l) => l.y)), lines };
          });
  const label = unplacedLabel(rows, n, alignment);
  if (label) throw new UnsureRow(label.x0, label.y, label.text, "label");
  return rows;
}

/**
 * The rows read one line after another (`up`: from the table's last line, each line's neighbour
 * being the line printed under it).
 */
function readRows(perLine: readonly LineCells[], n: number, wraps: WrapTest, up: boolean): Rows {
  const rowPitch = commonPitch(perLine);
  // Cells aligned to the top print every line on its row's grid: the row's first line, then a
  // line's pitch (about 1.45 times the text size) per line. A line less than a line's height under
  // the one above, though not on it, was placed otherwise — a cell centred in a row taller than
  // itself prints half a line off its neighbours (0.7 of the size) — and which row it belongs to is
  // not printed: refused, naming it (read as top-aligned, centred prints lost values with exit 0).
  perLine.forEach((l, i) => {
    const above = perLine[i - 1];
    if (!above) return;
    const gap = Math.abs(baseline(l.line) - baseline(above.line));
    const size = Math.min(l.line.size, above.line.size);
    if (gap >= 0.5 * size && gap < size) throw new UnsureRow(l.line.x0, l.line.y, l.line.text);
  });
  // Text that goes on from the line above in its column (read up: that goes on to the line below).
  const wrapped = (cell: PrintedLine, above: PrintedLine | null | undefined, c: number) =>
    !!above && (up ? wraps(cell, above, c) : wraps(above, cell, c));
  // A line that goes on follows closer than rows do: a row adds its cell margins to the line pitch,
  // a few tenths of a point on a sheet fitted to the page (hence the finer margin when every cell
  // of the line wrapped). The margins shrink with the text: at 3.6 pt, rows follow 0.3 pt farther
  // than lines, so no margin asked of a line is more than a twentieth of its size.
  const closeBelow = (cell: PrintedLine, above: PrintedLine | null | undefined, margin: number) =>
    !!above &&
    Math.abs(baseline(cell) - baseline(above)) <= 2 * above.size &&
    (rowPitch === null || Math.abs(baseline(cell) - baseline(above)) < rowPitch - margin);
  // A cell aligned to the top prints its lines one under the other, and a row begins below every
  // line of the row above: a printed line either goes on with the row above it or begins a row,
  // as a whole. It goes on when each of its cells has text right above it in its column, closer
  // than rows follow, and all of them wrapped there — or one at least, the rest at a line's pitch
  // (an author's line break: 「5.1兆円」 over 「(2014年度)」 beside a sentence that wrapped).
  const rows: { y: number; lines: PrintedLine[][] }[] = [];
  /** Text printed over the next row's first line that went on with its own row (see below). */
  const overflowed = new Set<PrintedLine>();
  /** The column rows begin with: the leftmost with text on two lines in five or more. */
  const key = Math.max(
    0,
    Array.from({ length: n }, (_, c) => perLine.filter((l) => l.cells[c]).length).findIndex(
      (k) => k * 5 >= perLine.length * 2,
    ),
  );
  const afterRepeated = afterRepeatedLine(perLine);
  // Where lines certainly went on with their row (every cell wrapped, closer than rows): which
  // columns had text and how far below the line above each printed (「(2016年度)」 over 「1,650人」).
  const wentOn = perLine.flatMap((l, i) => {
    const prev = perLine[i - 1];
    const present = l.cells.flatMap((cell, c) => (cell ? [{ cell, c }] : []));
    const certain =
      present.length > 0 &&
      present.every(
        ({ cell, c }) =>
          wrapped(cell, prev?.cells[c], c) && closeBelow(cell, prev?.cells[c], 0.05 * cell.size),
      );
    return certain
      ? [{ columns: present.map((p) => p.c).join(), step: Math.abs(baseline(l.line) - baseline(prev!.line)) }]
      : [];
  });
  perLine.forEach((l, i) => {
    const prev = perLine[i - 1];
    const present = l.cells.flatMap((cell, c) => (cell ? [{ cell, c }] : []));
    const row = rows.at(-1);
    if (
      afterRepeated[i] ||
      (up ? i === perLine.length - 1 && valuesUnderHeader(l, prev!) : i === 1 && valuesUnderHeader(prev!, l))
    ) {
      const fresh = { y: l.line.y, lines: Array.from({ length: n }, (): PrintedLine[] => []) };
      for (const p of present) fresh.lines[p.c]!.push(p.cell);
      rows.push(fresh);
      return;
    }
    // Read up (cells aligned to the bottom), a line whose every cell wrapped onto the line under it
    // is the top of that row's cells whatever its spacing up to a row's: a row's cells all end on its
    // last line, and its rows' pitch is measured on the lines that begin a cell, near a line's pitch.
    const continues =
      !!row &&
      present.length > 0 &&
      (present.every(
        ({ cell, c }) =>
          wrapped(cell, prev?.cells[c], c) &&
          closeBelow(cell, prev?.cells[c], up ? -0.05 * cell.size : 0.05 * cell.size),
      ) ||
        (present.every(({ cell, c }) => closeBelow(cell, prev?.cells[c], Math.min(0.4, 0.05 * cell.size))) &&
          present.some(({ cell, c }) => wrapped(cell, prev?.cells[c], c))));
    // A number does not wrap onto a number: under one in its column, the line begins a row even so,
    // and the text beside it that wrapped goes on with the row above (a cell merged over both rows:
    // 「111 災害から地域を守る自助・」 over 「共助の推進」 beside 「74.0%」 over 「72.5%」) — unless the
    // column prints the same text on other lines too (「実績値」 under 「目標値」: a label of its own).
    const numberUnderNumber = present.some(
      ({ cell, c }) => NUMBER.test(cell.text) && NUMBER.test(prev?.cells[c]?.text ?? ""),
    );
    if (continues && numberUnderNumber) {
      // Read up, the wrapped text beside the numbers goes on to the row below: a cell merged over both
      // rows, or the row's own cells broken by their author over its numbers (「78%」 over 「(-)」) —
      // nothing printed tells: refused, naming the line.
      if (up) throw new UnsureRow(l.line.x0, l.line.y, l.line.text);
      const fresh = { y: l.line.y, lines: Array.from({ length: n }, (): PrintedLine[] => []) };
      for (const { cell, c } of present) {
        const goesOn =
          !NUMBER.test(cell.text) &&
          wrapped(cell, prev?.cells[c], c) &&
          !perLine.some((o) => o !== l && o.cells[c]?.text === cell.text);
        (goesOn ? row : fresh).lines[c]!.push(cell);
      }
      rows.push(fresh);
      return;
    }
    // A line printed as the table's other cells' certain second lines are — text in the same
    // columns, none in the column rows begin with, as far below the line above — goes on too, though
    // no cell of it wrapped: each cell's author broke it there as in those rows (「(2016年)」 over
    // 「62件」 beside 「(2016年度)」 over 「1,650人」 that did not fit). A row of its own would have its
    // indicator, or its key, on the line.
    const printedAsWentOn =
      !!row &&
      !l.cells[key] &&
      present.length > 0 &&
      present.every(({ cell, c }) => closeBelow(cell, prev?.cells[c], 0.4)) &&
      wentOn.some(
        (w) =>
          w.columns === present.map((p) => p.c).join() &&
          Math.abs(w.step - Math.abs(baseline(l.line) - baseline(prev!.line))) <= 0.05 * l.line.size,
      );
    if (continues || printedAsWentOn) {
      for (const { cell, c } of present) row!.lines[c]!.push(cell);
      return;
    }
    // Text wrapped past its row's height (the row was sized for fewer lines) prints over the next
    // row's first line, but on its own baseline (off by a tenth of a line or more from the kanji of
    // most cells beside it): that text goes on with the row above.
    const cjk = present.filter(({ cell }) => !LATIN.test(cell.text));
    const overflow = ({ cell, c }: { cell: PrintedLine; c: number }) =>
      !!row &&
      !LATIN.test(cell.text) &&
      wrapped(cell, prev?.cells[c], c) &&
      KANJI_KANA.test(cell.text) &&
      cjk.filter((o) => Math.abs(baseline(o.cell) - baseline(cell)) > 0.05 * cell.size).length * 2 >
        cjk.length;
    // Each cell under text of its column, closer than rows follow, none of them wrapped: a line the
    // author broke in every cell, or a row of its own on a sheet whose rows are barely taller than a
    // line. Nothing printed tells them apart; when the line has text in the column rows begin with
    // (its own row would be an item of its own), it is refused, naming the line. Without it, the
    // row reads as the part of the row above that the shared reader joins back (values under their
    // dates: 「(2016年)」 over 「62件」). Read up, the margin shrinks with the text as elsewhere: at 3 pt
    // rows follow lines by 0.2 pt, and 「②丹波栗振興事業」 over 「(農業振興課)」 began a row of its own.
    if (
      row &&
      l.cells[key] &&
      !present.some((p) => overflow(p) || overflowed.has(prev?.cells[p.c] as PrintedLine)) &&
      present.every(({ cell, c }) =>
        closeBelow(cell, prev?.cells[c], up ? Math.min(0.4, 0.05 * cell.size) : 0.4),
      ) &&
      !present.some(({ cell, c }) => wrapped(cell, prev?.cells[c], c))
    )
      throw new UnsureRow(l.line.x0, l.line.y, l.line.text);
    // A fragment: every cell under text of its column, no value among them, one of them short and
    // wrapped at its column's edge (「指標① 子育て応援アプリの登録」 over 「者数」), and no farther below
    // than rows follow. Read as a row of its own it becomes an item named by a word's last
    // characters (a sixth KPI 「者数」, its project's department lost): refused, naming the line.
    if (
      row &&
      !present.some((p) => overflow(p) || overflowed.has(prev?.cells[p.c] as PrintedLine)) &&
      present.every(({ cell, c }) => closeBelow(cell, prev?.cells[c], -0.05 * cell.size)) &&
      !present.some(({ cell }) => isValue(cell.text)) &&
      present.some(
        ({ cell, c }) =>
          wrapped(cell, prev?.cells[c], c) && 3 * (cell.x1 - cell.x0) < wraps.textRight[c]! - cell.x0,
      )
    )
      throw new UnsureRow(l.line.x0, l.line.y, l.line.text);
    const fresh = { y: l.line.y, lines: Array.from({ length: n }, (): PrintedLine[] => []) };
    for (const p of present) {
      if (overflow(p)) overflowed.add(p.cell);
      (overflow(p) ? row! : fresh).lines[p.c]!.push(p.cell);
    }
    rows.push(fresh);
  });
  return rows;
}
