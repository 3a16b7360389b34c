/** Lines of a cell (split at `<br>` and newlines) and their printed widths. */

const LINE_BREAK = /<br\s*\/?>|\r\n|\r|\n/i;
/** Characters that can start a line break; a cell without any of them is one line (or none). */
const MAY_BREAK = /[<\r\n]/;

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
