/** Lines of a cell (split at `<br>` and newlines) and their printed widths. */

/**
 * A break the reader measured as certainly the author's (U+2028 LINE SEPARATOR): the PDF reader
 * writes it where a printed line ended short of its cell's edge although the next line's first word
 * would have fitted. Every other break of a PDF or extracted Markdown may be a wrap.
 */
export const HARD_BREAK = "\u2028";
const LINE_BREAK = /<br\s*\/?>|\r\n|\r|\n|\u2028/i;
/** Characters that can start a line break; a cell without any of them is one line (or none). */
const MAY_BREAK = /[<\r\n\u2028]/;

/**
 * Every pass of the importer (header detection, realignment, hierarchy, wrap evidence, break
 * resolution) asks for the lines of the same cells again and again; splitting is the importer's
 * commonest operation, so the lines of each distinct text are computed once. The arrays are frozen
 * (callers only read them) and the cache is emptied when it grows past a bound so that it cannot
 * hold a large file's cells forever.
 */
const linesCache = new Map<string, readonly string[]>();
const LINES_CACHE_LIMIT = 20_000;
const NO_LINES: readonly string[] = Object.freeze([]);

/** Empties the cache of split lines (importTable does, at the start of each import). */
export function clearLinesCache(): void {
  linesCache.clear();
}

/**
 * A title's lines joined as one: a space printed beside a break is the title's own (「1 安心して暮らせるまち<br>
 * なると」, the wrap falling on the space of 「まち なると」), every other break joins without one.
 */
export function joinTitleLines(text: string): string {
  let out = "";
  let spaced = false;
  for (const piece of text.split(LINE_BREAK)) {
    const t = piece.trim();
    if (t === "") {
      spaced ||= piece !== "";
      continue;
    }
    // (A Latin word set off by a space wrapped at the line's end, 「Lesding City / 岸和田プロジェクト」, keeps it.)
    if (out !== "" && (spaced || /^\s/.test(piece))) out += ` ${t}`;
    else out = joinWrap(out, t);
    spaced = /\s$/.test(piece);
  }
  return out;
}

/** Splits a cell at `<br>`, `<br/>` and newlines; lines are trimmed, empty lines dropped. */
export function splitLines(text: string): readonly string[] {
  if (!MAY_BREAK.test(text)) {
    const t = text.trim();
    return t === "" ? NO_LINES : [t];
  }
  let lines = linesCache.get(text);
  if (lines === undefined) {
    lines = Object.freeze(
      text
        .split(LINE_BREAK)
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    );
    if (linesCache.size >= LINES_CACHE_LIMIT) linesCache.clear();
    linesCache.set(text, lines);
  }
  return lines;
}

const BLANK = /^(?:\s|<br\s*\/?>)*$/i;
/**
 * Whether a cell has no lines (`splitLines(text).length === 0`): only whitespace and `<br>`s. Asked
 * of every cell by several passes; answered without splitting (a filled cell fails at its first
 * character). `\s` matches what `trim` removes.
 */
export const isBlank = (text: string): boolean => BLANK.test(text);

/** Display width: 1 for ASCII and half-width katakana, 2 for everything else. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x7f || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return w;
}

/** Number of code points (what `Array.from(line).length` counts, without building the array). */
export function charCount(line: string): number {
  let n = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const ENDS_SENTENCE = /[。．！？!?][」』）)]*$/;
/** Ends a sentence: 。 (optionally followed by a closing bracket), ．, ！, ？. */
export const endsSentence = (line: string): boolean => ENDS_SENTENCE.test(line);

/**
 * For each break between the lines `splitLines` gives, whether it is a HARD_BREAK (an empty line
 * between two breaks counts as hard when any of the breaks around it is).
 */
export function hardBreaks(text: string): boolean[] {
  if (!text.includes(HARD_BREAK)) return new Array(Math.max(0, splitLines(text).length - 1)).fill(false);
  const out: boolean[] = [];
  let seen = false;
  let hard = false;
  for (const piece of text.split(/(<br\s*\/?>|\r\n|\r|\n|\u2028)/i)) {
    if (/^(<br\s*\/?>|\r\n|\r|\n|\u2028)$/i.test(piece)) {
      hard ||= piece === HARD_BREAK;
      continue;
    }
    if (piece.trim() === "") continue;
    if (seen) out.push(hard);
    seen = true;
    hard = false;
  }
  return out;
}

const ASCII_WORD_END = /\s[A-Za-z][A-Za-z0-9.&'-]*$/;
const ASCII_WORD_START = /^[A-Za-z][A-Za-z0-9.&'-]*\s/;
/**
 * Two lines of one wrapped paragraph joined. A Latin word set off by spaces on one side of the wrap
 * was set off on the other too (「面接会 in スマーク」 wrapped after 会: the space hung at the line end).
 */
export function joinWrap(a: string, b: string): string {
  if (a === "" || b === "" || /\s$/.test(a) || /^\s/.test(b)) return a + b;
  if (ASCII_WORD_START.test(b) && !/[A-Za-z0-9]$/.test(a)) return `${a} ${b}`;
  if (ASCII_WORD_END.test(a) && !/^[A-Za-z0-9]/.test(b)) return `${a} ${b}`;
  return a + b;
}
