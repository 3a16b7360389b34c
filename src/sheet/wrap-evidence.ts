/**
 * Evidence about how the extractor wrapped each column on each page: the column's width (its
 * widest line), whether the page is wrapped at a fixed width, and how precisely (by character
 * count, or by printed width). Pages printed with the same column width pool their evidence.
 */
import { COLUMN_KEYS } from "./columns.ts";
import { charCount, displayWidth, endsSentence, splitLines } from "./text-lines.ts";

/** One cell of the table with the page it was printed on (col: 0..13). */
export interface BreakCell {
  row: number;
  page: number;
  col: number;
  text: string;
}

const TEXT_COLS = new Set<string>(["status", "reason", "challenge", "nextSteps"]);

interface Width {
  chars: number;
  width: number;
}

/**
 * Maps are keyed by page and column as one number (cells have columns 0..13): building a
 * `${page}:${col}` string on every `isFull` call was a visible share of an import.
 */
const COLUMN_SLOTS = 100;
const keyOf = (page: number, col: number) => page * COLUMN_SLOTS + col;
const pageOf = (key: number) => Math.floor(key / COLUMN_SLOTS);
const colOf = (key: number) => key % COLUMN_SLOTS;

/** Column widths per page and whether the page (or the column) is wrapped at a fixed width. */
export class WrapEvidence {
  private widths = new Map<number, Width>();
  private wrapped = new Map<number, boolean>();
  private pageWrapped = new Map<number, boolean>();
  private precision = new Map<number, { measure: "chars" | "width"; threshold: number }>();
  private reached = new Map<number, number>();
  /**
   * Character count and printed width of each line: the constructor and the break resolver measure
   * the same lines several times (widest line, precision, votes, every `isFull`).
   */
  private measures = new Map<string, Width>();

  private measure(line: string): Width {
    let m = this.measures.get(line);
    if (m === undefined) {
      m = { chars: charCount(line), width: displayWidth(line) };
      this.measures.set(line, m);
    }
    return m;
  }

  constructor(cells: readonly BreakCell[]) {
    const byKey = new Map<number, (readonly string[])[]>();
    for (const c of cells) {
      const k = keyOf(c.page, c.col);
      let list = byKey.get(k);
      if (!list) {
        list = [];
        byKey.set(k, list);
      }
      list.push(splitLines(c.text));
    }
    for (const [k, cellLines] of byKey) {
      let chars = 0;
      let width = 0;
      for (const lines of cellLines)
        for (const l of lines) {
          const m = this.measure(l);
          if (m.chars > chars) chars = m.chars;
          if (m.width > width) width = m.width;
        }
      this.widths.set(k, { chars, width });
    }
    // How precisely each page wraps: by character count (every wrapped line exactly the column's
    // width: a line one character short ends an item) or by printed width (PDF: a line may be a
    // character shorter where the next would not fit, or longer by a hanging 、。). The measure whose
    // wrapped lines sit closest to the width wins; its threshold is the loosest such line.
    const fills = new Map<number, { chars: number[]; width: number[] }>();
    for (const [k, cellLines] of byKey) {
      const page = pageOf(k);
      const col = colOf(k);
      if (!TEXT_COLS.has(COLUMN_KEYS[col]!)) continue;
      const w = this.widths.get(k)!;
      const f = fills.get(page) ?? { chars: [], width: [] };
      for (const lines of cellLines)
        for (let i = 0; i + 1 < lines.length; i++) {
          const l = lines[i]!;
          if (endsSentence(l)) continue;
          const m = this.measure(l);
          const rc = m.chars / w.chars;
          const rw = m.width / w.width;
          if (rc >= 0.75 || rw >= 0.75) {
            f.chars.push(rc);
            f.width.push(rw);
          }
        }
      fills.set(page, f);
    }
    for (const [page, f] of fills) {
      if (f.chars.length < 3) continue;
      const spread = (a: number[]) => {
        const sorted = [...a].sort((x, y) => x - y);
        return sorted[Math.floor(sorted.length * 0.1)]!;
      };
      const pc = spread(f.chars);
      const pw = spread(f.width);
      this.precision.set(
        page,
        pc >= pw
          ? { measure: "chars", threshold: Math.max(0.8, pc - 0.01) }
          : { measure: "width", threshold: Math.max(0.8, pw - 0.01) },
      );
    }
    // Votes per page and column: non-final lines (not ending a sentence) that fill the width.
    const votes = new Map<number, { near: number; total: number; reached: number }>();
    for (const [k, cellLines] of byKey) {
      const page = pageOf(k);
      const col = colOf(k);
      const v = { near: 0, total: 0, reached: 0 };
      for (const lines of cellLines) {
        for (let i = 0; i + 1 < lines.length; i++) {
          const l = lines[i]!;
          if (endsSentence(l)) continue;
          v.total++;
          if (this.isFull(page, col, l, 0.8)) v.near++;
        }
        v.reached += lines.filter((l) => this.isFull(page, col, l, 0.94)).length;
      }
      votes.set(k, v);
    }
    // Pages printed with the same column width share their evidence (a page of one or two KPIs
    // says little on its own).
    const byWidth = new Map<string, { near: number; total: number; reached: number }>();
    for (const [k, v] of votes) {
      const bucket = `${colOf(k)}:${this.widths.get(k)!.width}`;
      const b = byWidth.get(bucket) ?? { near: 0, total: 0, reached: 0 };
      b.near += v.near;
      b.total += v.total;
      b.reached += v.reached;
      byWidth.set(bucket, b);
    }
    const pooled = (k: number) => {
      const col = colOf(k);
      const w = this.widths.get(k)!.width;
      const tol = Math.max(1, w * 0.06);
      const sum = { near: 0, total: 0, reached: 0 };
      for (let x = Math.ceil(w - tol); x <= Math.floor(w + tol); x++) {
        const b = byWidth.get(`${col}:${x}`);
        if (!b) continue;
        sum.near += b.near;
        sum.total += b.total;
        sum.reached += b.reached;
      }
      return sum;
    };
    const pageVotes = new Map<number, { near: number; total: number }>();
    for (const k of votes.keys()) {
      const page = pageOf(k);
      const col = colOf(k);
      const v = pooled(k);
      this.wrapped.set(k, v.near >= 2 && v.near / Math.max(1, v.total) >= 0.6);
      this.reached.set(k, v.reached);
      if (TEXT_COLS.has(COLUMN_KEYS[col]!)) {
        const pv = pageVotes.get(page) ?? { near: 0, total: 0 };
        pv.near += v.near;
        pv.total += v.total;
        pageVotes.set(page, pv);
      }
    }
    // Indicators never hold a break of their own: broken ones show the extractor wrapped the page.
    // That settles a page whose text columns are too short to tell.
    const brokenIndicators = new Map<number, number>();
    for (const c of cells)
      if (COLUMN_KEYS[c.col] === "indicator" && splitLines(c.text).length > 1)
        brokenIndicators.set(c.page, (brokenIndicators.get(c.page) ?? 0) + 1);
    for (const [page, v] of pageVotes) {
      const byText = v.near >= 2 && v.near / v.total >= 0.6;
      const undecided = v.total < 3;
      this.pageWrapped.set(
        page,
        byText || (undecided && v.near >= 1 && (brokenIndicators.get(page) ?? 0) >= 1),
      );
    }
  }

  isWrapped(page: number, col: number): boolean {
    return this.pageWrapped.get(page) === true || this.wrapped.get(keyOf(page, col)) === true;
  }

  /** Whether two or more lines reach the column's width on the page (its width is a real wrap width). */
  reachedTwice(page: number, col: number): boolean {
    return (this.reached.get(keyOf(page, col)) ?? 0) >= 2;
  }

  /** A line that fills the column (up to `ratio` of its widest line). */
  isFull(page: number, col: number, line: string, ratio: number): boolean {
    const w = this.widths.get(keyOf(page, col));
    if (!w) return false;
    const m = this.measure(line);
    const p = this.precision.get(page);
    if (p) {
      const byChars = m.chars / w.chars;
      const byWidth = m.width / w.width;
      const [primary, secondary] = p.measure === "chars" ? [byChars, byWidth] : [byWidth, byChars];
      // The other measure counts only when the line is exactly at the width by it.
      return primary >= Math.min(p.threshold, ratio < 0.85 ? ratio : p.threshold) || secondary >= 0.99;
    }
    return m.chars >= w.chars * ratio || m.width >= w.width * ratio;
  }
}
