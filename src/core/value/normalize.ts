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

/** Combining marks (and the half-width voiced sound marks) join the character before them. */
const MARK = /^[\p{M}\uFF9E\uFF9F]$/u;
/** No combining mark lies below U+0300: the common characters skip the Unicode-property test. */
const isMark = (ch: string) => ch.charCodeAt(0) >= 0x300 && MARK.test(ch);

/**
 * Every value cell is folded character by character, and the same few hundred characters recur
 * across a sheet: each cluster's NFKC form is computed once (bounded; emptied when full). ASCII is
 * its own NFKC form and skips the lookup.
 */
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_LIMIT = 10_000;
function foldCluster(cluster: string): string {
  const minus = MINUS_LIKE[cluster];
  if (minus !== undefined) return minus;
  if (cluster.length === 1 && cluster.charCodeAt(0) < 0x80) return cluster;
  let folded = clusterCache.get(cluster);
  if (folded === undefined) {
    folded = cluster.normalize("NFKC");
    if (clusterCache.size >= CLUSTER_CACHE_LIMIT) clusterCache.clear();
    clusterCache.set(cluster, folded);
  }
  return folded;
}

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
    while (j < chars.length && isMark(chars[j]!)) {
      cluster += chars[j]!;
      j++;
    }
    const folded = foldCluster(cluster);
    text += folded;
    // One origin entry per UTF-16 unit of the folded cluster, all pointing at the cluster's start.
    for (let u = 0; u < folded.length; u++) origin.push(offset);
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
