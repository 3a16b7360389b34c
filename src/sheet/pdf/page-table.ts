/**
 * One page's content → rows of cell texts (each ruled frame a table, merged cells copied over the
 * base cells they cover as the XLSX reader does) and the free lines around them (titles, page
 * numbers, legends), in reading order.
 */
import { findAlignedTable } from "./aligned-grid.ts";
import { cellText, groupLines, leadWidth } from "./cell-text.ts";
import type { PageContent, TextRun } from "./page-content.ts";
import { type Box, cellAt, type Frame, findFrames } from "./ruled-grid.ts";

export interface PageRow {
  kind: "row";
  /** Top and bottom of the row (a frame's base row; an aligned row's text). */
  y: number;
  y1: number;
  cells: string[];
  boxes: (Box | null)[];
  /** The frame's column rules, to tell a table continued on the next page. */
  columns: number[];
  /** Drawn with ruling lines (false: columns rebuilt from the text's alignment, less exact). */
  ruled: boolean;
  /**
   * The table runs off the paper at this side (its rules or its text reach the page's edge, where
   * no print puts them): what lay beyond was never printed (a table pasted wider than the page).
   */
  edge?: "left" | "right";
  /**
   * Per cell (ruled tables): the room its last line left before the cell's text edge and the width
   * its first line's start needs, in points — to tell a row a word processor split over a page break
   * (split-rows.ts). Null for an empty cell.
   */
  ends?: (CellEnds | null)[];
}
export interface CellEnds {
  room: number;
  lead: number;
  size: number;
}
export interface PageLine {
  kind: "line";
  y: number;
  text: string;
  box: Box;
  /** Its runs (a line cut at the page edge is joined to its rest: split-columns.ts). */
  runs: TextRun[];
}

function frameRows(frame: Frame, runs: readonly TextRun[]): PageRow[] {
  const byRegion = new Map<number, TextRun[]>();
  for (const run of runs) {
    // The first character's middle decides the cell (text overflowing a cell belongs where it starts).
    const probe = Math.min(run.width, run.size) / 2;
    const at = cellAt(frame, run.x + probe, run.y + run.size / 2);
    if (!at) continue;
    const idx = frame.cellRegion[at.row]![at.col]!;
    const list = byRegion.get(idx) ?? [];
    list.push(run);
    byRegion.set(idx, list);
  }
  const ends = new Map<number, CellEnds>();
  const texts = frame.regions.map((reg, idx) => {
    const list = byRegion.get(idx);
    if (!list) return "";
    const lines = groupLines(list);
    // The text's right edge: the cell's less the padding its text keeps on the left (cells are
    // padded alike on both sides; centred or right-aligned text gives a large pad, so an edge that
    // every line reaches: nothing is then taken as certain).
    const pad = Math.max(0, Math.min(...lines.map((l) => l.x0)) - reg.x0);
    const last = lines.at(-1);
    if (last) ends.set(idx, { room: reg.x1 - pad - last.x1, lead: leadWidth(lines[0]!), size: last.size });
    return cellText(lines, reg.x1 - pad);
  });
  const out: PageRow[] = [];
  frame.cellRegion.forEach((line, r) => {
    const cells = line.map((idx) => texts[idx]!);
    // Empty rows are kept until a sheet's column parts are joined (split-columns.ts): a section
    // heading's row is empty on the page that holds its right-hand columns.
    const boxes = line.map((idx) => {
      const reg = frame.regions[idx]!;
      return texts[idx] ? { x0: reg.x0, y0: reg.y0, x1: reg.x1, y1: reg.y1 } : null;
    });
    out.push({
      kind: "row",
      y: frame.ys[r]!,
      y1: frame.ys[r + 1]!,
      cells,
      boxes,
      columns: frame.xs,
      ruled: true,
      ends: line.map((idx) => ends.get(idx) ?? null),
    });
  });
  return out;
}

const inside = (f: Frame, run: TextRun) => {
  const x = run.x + Math.min(run.width, run.size) / 2;
  const y = run.y + run.size / 2;
  return x >= f.x0 && x <= f.x1 && y >= f.y0 && y <= f.y1;
};

/**
 * Within this (points) of the paper's edge a table is cut by it: prints keep a margin (the
 * fixtures' tables keep 22 pt or more), and a word processor draws a table wider than the page up
 * to the edge (Writer: its rules end at the edge) or past it (text and rules outside the page).
 */
const EDGE = 1;

/** The side at which a table's extents (its frame, rules and text runs) reach the page's edge. */
export function edgeReached(
  width: number,
  spans: readonly { x0: number; x1: number }[],
): "left" | "right" | undefined {
  if (spans.some((s) => s.x1 >= width - EDGE)) return "right";
  if (spans.some((s) => s.x0 <= EDGE)) return "left";
  return undefined;
}

/** A run's extent; a space prints nothing (Chromium gives one a width of hundreds of points). */
const spansOf = (runs: Iterable<TextRun>) =>
  [...runs].filter((r) => r.text.trim() !== "").map((r) => ({ x0: r.x, x1: r.x + r.width }));

/** The page's table rows and free lines, top to bottom. */
export function readPageTable(page: PageContent): (PageRow | PageLine)[] {
  const frames = findFrames(page.horizontal, page.vertical);
  const taken = new Set<TextRun>();
  const items: (PageRow | PageLine)[] = [];
  for (const f of frames) {
    const runs = page.runs.filter((r) => !taken.has(r) && inside(f, r));
    for (const r of runs) taken.add(r);
    // The frame, the rules across its height (a rule may run on past the last column's) and its text.
    const rules = page.horizontal
      .filter((h) => h.at >= f.y0 - EDGE && h.at <= f.y1 + EDGE)
      .map((h) => ({ x0: h.from, x1: h.to }));
    const edge = edgeReached(page.width, [f, ...rules, ...spansOf(runs)]);
    items.push(...frameRows(f, runs).map((row) => (edge ? { ...row, edge } : row)));
  }
  // No ruled table on the page: a table drawn by alignment alone, if the free text makes one.
  const aligned = frames.length === 0 ? findAlignedTable(page.runs) : null;
  if (aligned) {
    for (const r of aligned.taken) taken.add(r);
    // Without rules only its text tells: a run that reaches the paper's edge.
    const edge = edgeReached(page.width, spansOf(aligned.taken));
    for (const row of aligned.rows)
      items.push({ kind: "row", ...row, columns: aligned.columns, ruled: false, ...(edge ? { edge } : {}) });
  }
  const free = groupLines(page.runs.filter((r) => !taken.has(r)));
  for (const l of free)
    items.push({
      kind: "line",
      y: l.y,
      text: l.text,
      box: { x0: l.x0, y0: l.y, x1: l.x1, y1: l.y + l.size },
      runs: l.runs,
    });
  return items.sort((a, b) => a.y - b.y);
}
