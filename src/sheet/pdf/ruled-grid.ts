/**
 * Ruling lines → tables. Lines that touch form one frame; a frame's distinct line positions give
 * its base grid, and a base boundary that no line draws is a merged cell (a row span in the
 * hierarchy columns, a column span in a group header).
 */
import type { Segment } from "./page-content.ts";

/** Two lines closer than this (points) are one line (double borders, rounding). */
const SAME_LINE = 1.5;
/** Lines are joined across gaps up to this (dashes, borders drawn cell by cell). */
const JOIN_GAP = 2;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Region extends Box {
  /** Base grid rows and columns covered (inclusive start, exclusive end). */
  row0: number;
  row1: number;
  col0: number;
  col1: number;
}

export interface Frame extends Box {
  /** Base grid line positions: xs.length - 1 columns, ys.length - 1 rows. */
  xs: number[];
  ys: number[];
  /** Region index of each base cell, [row][col]. */
  cellRegion: number[][];
  regions: Region[];
}

/** Groups positions closer than `tol` and returns each group's mean, ascending. */
export function clusterPositions(values: number[], tol = SAME_LINE): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - group.at(-1)! > tol) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Collinear segments joined: one segment per drawn line. */
export function joinSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const rows: Segment[][] = [];
  for (const s of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.at - s.at) <= SAME_LINE) row.push(s);
    else rows.push([s]);
  }
  const out: Segment[] = [];
  for (const row of rows) {
    const at = row.reduce((sum, s) => sum + s.at, 0) / row.length;
    row.sort((a, b) => a.from - b.from);
    let cur: Segment | null = null;
    for (const s of row) {
      if (cur && s.from <= cur.to + JOIN_GAP) cur.to = Math.max(cur.to, s.to);
      else {
        if (cur) out.push(cur);
        cur = { at, from: s.from, to: s.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

const touches = (h: Segment, v: Segment) =>
  v.at >= h.from - JOIN_GAP &&
  v.at <= h.to + JOIN_GAP &&
  h.at >= v.from - JOIN_GAP &&
  h.at <= v.to + JOIN_GAP;

/** How much of [a, b] the segments at `at` (±SAME_LINE) cover, 0..1. */
function coverage(segments: readonly Segment[], at: number, a: number, b: number): number {
  let covered = 0;
  for (const s of segments) {
    if (Math.abs(s.at - at) > SAME_LINE) continue;
    covered += Math.max(0, Math.min(b, s.to) - Math.max(a, s.from));
  }
  return b > a ? covered / (b - a) : 0;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}
function union(parent: number[], a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

function buildFrame(hs: Segment[], vs: Segment[]): Frame | null {
  const xs = clusterPositions(vs.map((v) => v.at));
  const ys = clusterPositions(hs.map((h) => h.at));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  for (let r = 0; r < rows; r++) {
    const a = ys[r]!;
    const b = ys[r + 1]!;
    for (let c = 1; c < cols; c++)
      if (coverage(vs, xs[c]!, a + 0.5, b - 0.5) < 0.5) union(parent, r * cols + c - 1, r * cols + c);
  }
  for (let r = 1; r < rows; r++)
    for (let c = 0; c < cols; c++)
      if (coverage(hs, ys[r]!, xs[c]! + 0.5, xs[c + 1]! - 0.5) < 0.5)
        union(parent, (r - 1) * cols + c, r * cols + c);
  const regionOf = new Map<number, number>();
  const regions: Region[] = [];
  const cellRegion: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: number[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(parent, r * cols + c);
      let idx = regionOf.get(root);
      if (idx === undefined) {
        idx = regions.length;
        regionOf.set(root, idx);
        regions.push({
          x0: xs[c]!,
          y0: ys[r]!,
          x1: xs[c + 1]!,
          y1: ys[r + 1]!,
          row0: r,
          row1: r + 1,
          col0: c,
          col1: c + 1,
        });
      }
      const reg = regions[idx]!;
      reg.x1 = Math.max(reg.x1, xs[c + 1]!);
      reg.y1 = Math.max(reg.y1, ys[r + 1]!);
      reg.row1 = Math.max(reg.row1, r + 1);
      reg.col1 = Math.max(reg.col1, c + 1);
      line.push(idx);
    }
    cellRegion.push(line);
  }
  return { x0: xs[0]!, y0: ys[0]!, x1: xs.at(-1)!, y1: ys.at(-1)!, xs, ys, cellRegion, regions };
}

/** The page's ruled tables, top to bottom. A frame of one cell (a box around a note) is not a table. */
export function findFrames(horizontal: Segment[], vertical: Segment[]): Frame[] {
  const hs = joinSegments(horizontal);
  const vs = joinSegments(vertical);
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  for (let i = 0; i < hs.length; i++)
    for (let j = 0; j < vs.length; j++) if (touches(hs[i]!, vs[j]!)) union(parent, i, hs.length + j);
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  all.forEach((s, i) => {
    const root = find(parent, i);
    let g = groups.get(root);
    if (!g) {
      g = { hs: [], vs: [] };
      groups.set(root, g);
    }
    (i < hs.length ? g.hs : g.vs).push(s);
  });
  const frames: Frame[] = [];
  for (const g of groups.values()) {
    const f = buildFrame(g.hs, g.vs);
    if (f && f.regions.length >= 2) frames.push(f);
  }
  return frames.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** The base cell (row, col) of a frame that contains the point, or null. */
export function cellAt(frame: Frame, x: number, y: number): { row: number; col: number } | null {
  if (x < frame.x0 || x > frame.x1 || y < frame.y0 || y > frame.y1) return null;
  const col = frame.xs.findIndex((v, i) => i > 0 && x <= v) - 1;
  const row = frame.ys.findIndex((v, i) => i > 0 && y <= v) - 1;
  return row >= 0 && col >= 0 ? { row, col } : null;
}
