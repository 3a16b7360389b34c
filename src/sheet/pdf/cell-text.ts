/**
 * The text of one cell (or of a free line) from its runs, grouped into printed lines.
 */
import { HARD_BREAK } from "../text-lines.ts";
import type { TextRun } from "./page-content.ts";

export interface PrintedLine {
  runs: TextRun[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** Runs → printed lines, top to bottom; runs whose middles are within half a line are one line. */
export function groupLines(runs: readonly TextRun[]): PrintedLine[] {
  const sorted = [...runs].sort((a, b) => a.y + a.size / 2 - (b.y + b.size / 2) || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const mid = run.y + run.size / 2;
    const line = lines.find(
      (l) => Math.abs(l[0]!.y + l[0]!.size / 2 - mid) < Math.min(l[0]!.size, run.size) * 0.5,
    );
    if (line) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((l) => {
      l.sort((a, b) => a.x - b.x);
      let text = "";
      let end = Number.NEGATIVE_INFINITY;
      // A space printed (a space run) or a visible gap between runs on one line is a space (words
      // printed apart) — but not, in a word processor's PDF, a narrow one between Japanese and a Latin
      // letter or digit: Word and Writer set those apart by a fifth or a quarter of an em (「第 3 子」,
      // 「0~14 歳」), no space typed. (A browser's or Calc's print keeps a typed 「面接会 in スマーク」.)
      let space: { from: number } | null = null;
      for (const r of l) {
        if (r.text.trim() === "") {
          if (text !== "") space ??= { from: end };
          end = Math.max(end, r.x + r.width);
          continue;
        }
        const from = space?.from ?? end;
        const apart = space !== null || r.x - end > r.size * 0.15;
        const autospace =
          r.autospaced === true && r.x - from < r.size * AUTOSPACE && mixedScripts(text, r.text);
        if (text !== "" && apart && !text.endsWith(" ") && !autospace) text += " ";
        space = null;
        text += r.text;
        end = Math.max(end, r.x + r.width);
      }
      const size = Math.max(...l.map((r) => r.size));
      return {
        runs: l,
        x0: l[0]!.x,
        x1: end,
        y: Math.min(...l.map((r) => r.y)),
        size,
        text: text.replace(/ {2,}/g, " ").trim(),
      };
    })
    .filter((l) => l.text !== "")
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/** The widest gap (in ems) that is autospacing between Japanese and Latin text, not a space. */
const AUTOSPACE = 0.3;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆]/;
const LATIN = /[0-9A-Za-z\u2460-\u2473]/;
/**
 * Whether two runs meet where Japanese meets a Latin letter or digit (or a circled number ①), either
 * way round — but not before a label and its colon, where a typed space parts a legend's entries
 * (「達成した 4:目標の…」). An ordinal loses its space (「1 しごと」 → 「1しごと」), which reads the same.
 */
function mixedScripts(before: string, after: string): boolean {
  const a = before.at(-1) ?? "";
  const b = after[0] ?? "";
  if (JAPANESE.test(a) && LATIN.test(b)) return !/^[0-9A-Za-z\u2460-\u2473]{1,2}\s*[:：]/.test(after);
  return LATIN.test(a) && JAPANESE.test(b);
}

/** Characters no line may start with (JIS X 4051 / CSS line-break: strict): they pull the one before down. */
const NO_START =
  /^[、。，．,.:;：；)）」』】〕！？!?ー～〜・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ]/;
/** Opening brackets, which no line may end with: they go down with the character after them. */
const NO_END = /^[(（「『【〔]/;
const ascii = (c: string) => c.charCodeAt(0) < 0x7f;

/**
 * The width the start of `line` needs on the line above to have been printed there: its first
 * character, or its first Latin word, with the characters that cannot be parted from it (an opening
 * bracket before, a closing one or 、。 after). Widths from the runs' own advances.
 */
export function leadWidth(line: PrintedLine): number {
  const chars: { c: string; w: number }[] = [];
  for (const r of line.runs) {
    const cs = Array.from(r.text);
    for (const c of cs) chars.push({ c, w: r.width / cs.length });
    if (chars.length > 40) break;
  }
  let i = 0;
  while (i < chars.length && chars[i]!.c.trim() === "") i++;
  let w = 0;
  const take = () => {
    w += chars[i]!.w;
    i++;
  };
  if (i < chars.length && NO_END.test(chars[i]!.c)) take();
  if (i < chars.length && /[A-Za-z0-9]/.test(chars[i]!.c))
    while (i < chars.length && ascii(chars[i]!.c) && chars[i]!.c.trim() !== "") take();
  else if (i < chars.length) take();
  while (i < chars.length && NO_START.test(chars[i]!.c)) take();
  return w;
}

/**
 * Whether a line that left `room` (points) before its cell's text edge ended short of it although
 * the next line's start (`lead` wide) would have fitted: its break is the author's. Measured on the
 * fixtures' prints: wrapped lines leave at most 0.04 of a character more than the next line's start
 * needs (the edge is estimated from the left padding); the author's breaks that come closest 0.14.
 */
export const endedShort = (room: number, lead: number, size: number) => room > lead + size * 0.08;

/**
 * A cell's text: its printed lines joined with newlines. Where the cell's right edge for text is
 * known (`right`: a ruled cell), a line that ended short of it although the next line's first word
 * would have fitted was ended by the author: that break is written as HARD_BREAK, certain. A line
 * that reached the edge is as ambiguous as in extracted Markdown (an author's break at the full
 * width looks exactly like a wrap); the shared reader (resolve-breaks.ts) settles those from the
 * sheet's evidence — phrases seen whole elsewhere, how items end, the author's other breaks.
 */
export function cellText(lines: readonly PrintedLine[], right?: number): string {
  let out = lines[0]?.text ?? "";
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1]!;
    const line = lines[i]!;
    const room = right === undefined ? 0 : right - above.x1;
    out += (endedShort(room, leadWidth(line), above.size) ? HARD_BREAK : "\n") + line.text;
  }
  return out;
}
