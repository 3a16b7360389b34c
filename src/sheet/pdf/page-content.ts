/**
 * One PDF page as what a reader sees: runs of text with their boxes, and the ruling lines drawn on
 * it, all in page coordinates with the origin at the top left (y grows downwards), after the page's
 * rotation — so a landscape page, whether its media box is wide or it carries /Rotate 90, reads
 * the same way.
 */
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export type Matrix = [number, number, number, number, number, number];

export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of one line of text). */
  size: number;
  /**
   * Printed by a word processor (Writer, Word), which sets Japanese and Latin text apart by itself
   * (autospacing): a narrow space there is no typed space.
   */
  autospaced?: boolean;
}

/** A horizontal (y fixed, x0..x1) or vertical (x fixed, y0..y1) ruling segment. */
export interface Segment {
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  width: number;
  height: number;
  runs: TextRun[];
  /**
   * Text drawn outside its clipping path (not visible on this page): a free line that overflows a
   * split sheet's printed width goes on here past the page edge (split-columns.ts).
   */
  clipped: TextRun[];
  horizontal: Segment[];
  vertical: Segment[];
  /** Images drawn on the page, by area (a scan is one page-sized image). */
  imageArea: number;
  /** Glyphs that had no Unicode mapping (U+FFFD, private use or control code points). */
  unreadable: number;
  glyphs: number;
}

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Rules are thinner than this (points); a filled rectangle this thin is a line, not a shading. */
const RULE_MAX = 2.5;
const MIN_LENGTH = 2;

// pdfjs operator codes (OPS) and path drawing codes (DrawOPS), as numbers so that this module does
// not load pdfjs before a PDF is actually imported.
const OP = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  paintImageMask: 83,
  paintImage: 85,
  paintInlineImage: 86,
  paintFormBegin: 74,
  paintFormEnd: 75,
  constructPath: 91,
  clip: 29,
  eoClip: 30,
  beginText: 31,
  setFont: 37,
  setLeading: 36,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  nextLineShowText: 46,
  nextLineSetSpacingShowText: 47,
} as const;
const SHOWS = new Set<number>([
  OP.showText,
  OP.showSpacedText,
  OP.nextLineShowText,
  OP.nextLineSetSpacingShowText,
]);

interface ClipBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function pathBox(ctm: Matrix, data: ArrayLike<number>): ClipBox | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    const n = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : op === 4 ? 0 : -1;
    if (n < 0) break;
    for (let k = 0; k < n; k += 2) {
      const [x, y] = apply(ctm, data[i + k]!, data[i + k + 1]!);
      xs.push(x);
      ys.push(y);
    }
    i += n;
  }
  if (xs.length === 0) return null;
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const intersect = (a: ClipBox | null, b: ClipBox): ClipBox =>
  a
    ? {
        x0: Math.max(a.x0, b.x0),
        y0: Math.max(a.y0, b.y0),
        x1: Math.min(a.x1, b.x1),
        y1: Math.min(a.y1, b.y1),
      }
    : b;

/** Origins (page coordinates) of text drawn outside its clipping area: printed, but not visible. */
const originKey = (x: number, y: number) => `${Math.round(x * 4)}:${Math.round(y * 4)}`;
const STROKES = new Set<number>([
  OP.stroke,
  OP.closeStroke,
  OP.fillStroke,
  OP.eoFillStroke,
  OP.closeFillStroke,
  OP.closeEOFillStroke,
]);
const FILLS = new Set<number>([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke]);

function addLine(out: PageContent, x0: number, y0: number, x1: number, y1: number): void {
  if (Math.abs(y0 - y1) < 0.5 && Math.abs(x1 - x0) >= MIN_LENGTH)
    out.horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y1 - y0) >= MIN_LENGTH)
    out.vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
}

/** A filled shape whose bounding box is a thin bar is a rule (Excel and Word draw borders so). */
function addBar(out: PageContent, pts: [number, number][]): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  if (y1 - y0 <= RULE_MAX && x1 - x0 >= MIN_LENGTH)
    out.horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (x1 - x0 <= RULE_MAX && y1 - y0 >= MIN_LENGTH)
    out.vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
}

/** Path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) → rules. */
function readPath(out: PageContent, ctm: Matrix, data: ArrayLike<number>, paint: number): void {
  const stroked = STROKES.has(paint);
  const filled = FILLS.has(paint);
  if (!stroked && !filled) return; // clipping paths, invisible
  let sub: [number, number][] = [];
  let curved = false;
  const flush = () => {
    if (filled && !curved && sub.length >= 3) addBar(out, sub);
    sub = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    if (op === 0) {
      flush();
      sub.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === 1) {
      const p = apply(ctm, data[i]!, data[i + 1]!);
      const last = sub.at(-1);
      if (stroked && last) addLine(out, last[0], last[1], p[0], p[1]);
      sub.push(p);
      i += 2;
    } else if (op === 2) {
      curved = true;
      sub.push(apply(ctm, data[i + 4]!, data[i + 5]!));
      i += 6;
    } else if (op === 3) {
      curved = true;
      sub.push(apply(ctm, data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === 4) {
      const first = sub[0];
      const last = sub.at(-1);
      if (stroked && first && last) addLine(out, last[0], last[1], first[0], first[1]);
      flush();
    } else break; // unknown drawing code: stop rather than misread the rest
  }
  flush();
}

/**
 * Characters a font without a Unicode mapping yields: U+FFFD, private use, and control characters
 * (glyph ids read as character codes: \x01\x02… in a subset font).
 */
const UNREADABLE = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/**
 * Radicals and compatibility ideographs: fonts share one glyph between 人 and the Kangxi radical ⼈,
 * and a PDF's ToUnicode (Chromium's, for one) may name the radical. Text means the ideograph.
 */
const RADICALS = /[\u2E80-\u2FDF\uF900-\uFAFF]/g;
/** The CJK Radicals Supplement has no compatibility mapping: the ones printed for common ideographs. */
const SUPPLEMENT: Record<string, string> = {
  "⺟": "母",
  "⺠": "民",
  "⺩": "王",
  "⺯": "糸",
  "⻁": "虎",
  "⻄": "西",
  "⻆": "角",
  "⻊": "足",
  "⻑": "長",
  "⻘": "青",
  "⻝": "食",
  "⻣": "骨",
  "⻤": "鬼",
  "⻨": "麦",
  "⻩": "黄",
  "⻫": "斉",
  "⻭": "歯",
  "⻯": "竜",
  "⻲": "亀",
};
const toIdeograph = (c: string) => SUPPLEMENT[c] ?? c.normalize("NFKC");
/**
 * Code points sharing a glyph with another: ‧ (hyphenation point) printed for the katakana middle
 * dot, and 戶 (U+6236), which a Japanese font draws with the glyph of 戸 (U+6238): Chromium's
 * ToUnicode names it for 「戸建」「改修戸数」. Japanese text means the second.
 */
const SHARED_GLYPHS = /[\u2027\u6236]/g;
const SHARED_AS: Record<string, string> = { "\u2027": "・", "\u6236": "戸" };

/** Reads one page; the caller releases it (page.cleanup()) once the content is taken. */
export async function readPageContent(
  page: PDFPageProxy,
  options: { autospaced?: boolean } = {},
): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const out: PageContent = {
    width: viewport.width,
    height: viewport.height,
    runs: [],
    clipped: [],
    horizontal: [],
    vertical: [],
    imageArea: 0,
    unreadable: 0,
    glyphs: 0,
  };
  const ops = await page.getOperatorList();
  const stack: { ctm: Matrix; clip: ClipBox | null }[] = [];
  let ctm: Matrix = view;
  let clip: ClipBox | null = null;
  let pendingClip = false;
  // Text position: the line matrix (Tlm) and leading; only the origin of each shown string matters.
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  let leading = 0;
  let fontSize = 0;
  const hidden = new Set<string>();
  const moveText = (tx: number, ty: number) => {
    tlm = multiply(tlm, [1, 0, 0, 1, tx, ty]);
  };
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OP.save) stack.push({ ctm, clip });
    else if (fn === OP.restore) ({ ctm, clip } = stack.pop() ?? { ctm: view, clip: null });
    else if (fn === OP.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OP.paintFormBegin) {
      stack.push({ ctm, clip });
      const m = args[0] as Matrix | null;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OP.paintFormEnd) ({ ctm, clip } = stack.pop() ?? { ctm: view, clip: null });
    else if (fn === OP.clip || fn === OP.eoClip) pendingClip = true;
    else if (fn === OP.constructPath) {
      const [paint, paths] = args as [number, ArrayLike<number>[] | ArrayLike<number>];
      const list = Array.isArray(paths) ? paths : [paths as ArrayLike<number>];
      for (const data of list) {
        if (!data) continue;
        if (pendingClip) {
          const box = pathBox(ctm, data as ArrayLike<number>);
          if (box) clip = intersect(clip, box);
        }
        readPath(out, ctm, data as ArrayLike<number>, paint);
      }
      pendingClip = false;
    } else if (fn === OP.beginText) tlm = [1, 0, 0, 1, 0, 0];
    else if (fn === OP.setTextMatrix)
      tlm = (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? args[0] : args) as Matrix;
    else if (fn === OP.moveText) moveText(args[0] as number, args[1] as number);
    else if (fn === OP.setLeadingMoveText) {
      leading = -(args[1] as number);
      moveText(args[0] as number, args[1] as number);
    } else if (fn === OP.setLeading) leading = args[0] as number;
    else if (fn === OP.nextLine) moveText(0, -leading);
    else if (fn === OP.setFont) fontSize = (args[1] as number) || 0;
    else if (SHOWS.has(fn!)) {
      if (fn === OP.nextLineShowText || fn === OP.nextLineSetSpacingShowText) moveText(0, -leading);
      if (clip) {
        // Visible when the middle of the first glyph is inside the clip.
        const m = multiply(ctm, tlm);
        const [x, y] = apply(m, 0, 0);
        const [mx, my] = apply(m, fontSize * 0.3, fontSize * 0.35);
        if (mx < clip.x0 || mx > clip.x1 || my < clip.y0 || my > clip.y1) hidden.add(originKey(x, y));
      }
    } else if (fn === OP.paintImage || fn === OP.paintInlineImage || fn === OP.paintImageMask) {
      // An image is drawn in the unit square of the current transform.
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 1)];
      out.imageArea += Math.abs((corners[1]![0] - corners[0]![0]) * (corners[1]![1] - corners[0]![1]));
    }
  }
  const text = await page.getTextContent({ disableNormalization: false });
  for (const item of text.items) {
    if (!("str" in item)) continue;
    const str = item.str.replace(RADICALS, toIdeograph).replace(SHARED_GLYPHS, (c) => SHARED_AS[c] ?? c);
    if (str === "") continue;
    // Spaces are kept as runs (a space between words inside a cell); they are not glyphs.
    const space = str.trim() === "";
    const m = multiply(view, item.transform as Matrix);
    if (hidden.has(originKey(m[4], m[5]))) {
      const size = Math.hypot(m[2], m[3]);
      if (!space) out.clipped.push({ text: str, x: m[4], y: m[5] - size, width: item.width, size });
      continue;
    }
    if (!space) {
      out.glyphs += str.length;
      out.unreadable += str.match(UNREADABLE)?.length ?? 0;
    }
    const size = Math.hypot(m[2], m[3]);
    // item.width is the advance in user space units, which the viewport (scale 1) keeps.
    out.runs.push({
      text: space ? " " : str,
      x: m[4],
      y: m[5] - size,
      width: item.width,
      size,
      ...(options.autospaced ? { autospaced: true } : {}),
    });
  }
  return out;
}
