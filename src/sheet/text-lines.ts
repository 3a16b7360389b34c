/** Lines of a cell (split at `<br>` and newlines) and their printed widths. */

/** Splits a cell at `<br>`, `<br/>` and newlines; lines are trimmed, empty lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/<br\s*\/?>|\r\n|\r|\n/i)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Display width: 1 for ASCII and half-width katakana, 2 for everything else. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x7f || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return w;
}

export const charCount = (line: string): number => Array.from(line).length;

/** Ends a sentence: 。 (optionally followed by a closing bracket), ．, ！, ？. */
export const endsSentence = (line: string): boolean => /[。．！？!?][」』）)]*$/.test(line);
