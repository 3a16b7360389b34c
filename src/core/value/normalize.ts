/**
 * Folding a cell's text for reading (NFKC: full-width digits and punctuation, ％ → %), while
 * remembering where each folded character came from, so that problems point into the text as given.
 */

export interface Folded {
  /** The folded text. */
  text: string;
  /** `origin[i]` is the offset (UTF-16) in the original text of folded character `i`; one extra entry = original length. */
  origin: number[];
}

/** Minus signs and dashes that mean "minus" directly before digits. */
const MINUS_LIKE: Record<string, string> = { "\u2212": "-", "\u2010": "-", "\u2011": "-", "\uFE63": "-" };

/**
 * NFKC per character cluster (a character and its combining marks), plus U+2212 MINUS SIGN → "-".
 * Line breaks (`<br>`, `<br/>`, CR/LF) are NOT removed here: see `splitLines`.
 */
export function fold(original: string): Folded {
  let text = "";
  const origin: number[] = [];
  const chars = Array.from(original);
  let offset = 0;
  let i = 0;
  while (i < chars.length) {
    let cluster = chars[i]!;
    let j = i + 1;
    while (j < chars.length && /^[\p{M}\uFF9E\uFF9F]$/u.test(chars[j]!)) {
      cluster += chars[j]!;
      j++;
    }
    const folded = MINUS_LIKE[cluster] ?? cluster.normalize("NFKC");
    for (const unit of folded.split("")) {
      text += unit;
      origin.push(offset);
    }
    offset += cluster.length;
    i = j;
  }
  origin.push(offset);
  return { text, origin };
}

/** A line of a cell, with the folded offset it starts at. */
export interface Line {
  text: string;
  start: number;
}

const BREAK = /<br\s*\/?>|\r\n|\r|\n/gi;

/** Splits folded text at the extractor's line breaks (`<br>`, `<br/>`, `<br />`, newlines). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let last = 0;
  for (const m of text.matchAll(BREAK)) {
    lines.push({ text: text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  lines.push({ text: text.slice(last), start: last });
  return lines;
}
