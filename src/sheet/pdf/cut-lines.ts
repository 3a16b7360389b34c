/**
 * A title or legend wider than the printed part of a split sheet (split-columns.ts) is cut at the
 * page edge: LibreOffice prints it on to the pages that hold the columns to the right, at the same
 * height, shifted left by the width of the parts before. Its pieces are joined back into the line on
 * the first part's page, in that page's coordinates: each part's text moved right by how far right
 * of the first part that part was printed (its first column rule where the joined table had ended).
 * The pieces overlap at the edges (a run whose first glyph is inside one page is drawn whole on
 * it, clipped, and again on the next page): text already covered is left out.
 */
import { groupLines } from "./cell-text.ts";
import type { TextRun } from "./page-content.ts";
import type { PageLine, PageRow } from "./page-table.ts";

/** A part printed on another page, `offset` points right of the first part. */
export interface Shifted {
  page: { clipped?: TextRun[] };
  items: { items: (PageRow | PageLine)[] };
  offset: number;
}

/** Lines within this (points) of each other's top are the same line. */
const SAME_LINE = 1.5;

const isLine = (i: { kind: string }): i is PageLine => i.kind === "line";

/**
 * Runs in reading order without the text another run already printed at the same place. Where a
 * run begins inside the text before it, the characters it repeats are found by the text itself (the
 * kept text ends with them), near the count its width suggests; the rest is printed right after.
 */
function withoutOverlap(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  let end = Number.NEGATIVE_INFINITY;
  let kept = "";
  for (const r of [...runs].sort((a, b) => a.x - b.x || b.width - a.width)) {
    if (r.x + r.width <= end + 1) continue;
    const chars = Array.from(r.text);
    let skip = 0;
    if (r.x < end - 1) {
      const guess = Math.round((end - r.x) / (r.width / chars.length));
      const byText = [0, -1, 1, -2, 2, -3, 3]
        .map((d) => guess + d)
        .find((k) => k > 0 && k <= chars.length && kept.endsWith(chars.slice(0, k).join("")));
      skip = byText ?? guess;
    }
    if (skip >= chars.length) continue;
    const x = skip > 0 ? end : r.x;
    out.push({ ...r, text: chars.slice(skip).join(""), x, width: r.x + r.width - x });
    kept += chars.slice(skip).join("");
    end = r.x + r.width;
  }
  return out;
}

/** Joins into `first`'s free lines the pieces of them printed on the parts' pages. */
export function joinCutLines(
  first: { items: (PageRow | PageLine)[] },
  firstPage: { clipped?: TextRun[] },
  parts: readonly Shifted[],
): void {
  const near = (y: number) => (r: { y: number }) => Math.abs(r.y - y) < SAME_LINE;
  for (const line of first.items.filter(isLine)) {
    const pool: TextRun[] = [...line.runs, ...(firstPage.clipped ?? []).filter(near(line.y))];
    let found = false;
    for (const part of parts) {
      const pieces = part.items.items.filter(isLine).filter(near(line.y));
      if (pieces.length === 0) continue;
      found = true;
      part.items.items = part.items.items.filter((it) => !pieces.includes(it as PageLine));
      const shift = (r: TextRun) => ({ ...r, x: r.x + part.offset });
      pool.push(...pieces.flatMap((p) => p.runs).map(shift));
      pool.push(...(part.page.clipped ?? []).filter(near(line.y)).map(shift));
    }
    if (!found) continue;
    const joined = groupLines(withoutOverlap(pool.filter((r) => r.text.trim() !== "")));
    line.text = joined.map((l) => l.text).join(" ");
  }
}
