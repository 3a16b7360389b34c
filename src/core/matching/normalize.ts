/** Text keys for matching KPIs across years: tolerant of width, spacing and the extractor's line wraps. */

/** NFKC, `<br>` and every kind of space or line break removed. */
export function normalizeKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/<br\s*\/?>/gi, "")
    .replace(/[\s\u200b\u3000]+/gu, "");
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient over character bigrams (multiset), on normalised text: 0..1. */
export function diceSimilarity(a: string, b: string): number {
  const ka = normalizeKey(a);
  const kb = normalizeKey(b);
  if (ka === kb) return 1;
  if (ka.length === 0 || kb.length === 0) return 0;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let shared = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return (2 * shared) / total;
}
