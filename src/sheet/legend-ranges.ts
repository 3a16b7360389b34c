/**
 * A legend entry for a range of points (倉吉市: 「-1〜-5:基準値を下回った(後退の度合いに応じて)」): every
 * whole point in the range is a label with that meaning, as if each were printed with it. The range is
 * taken out of the text the other legend readers see, so its end (「-5」) is not read as the label 「5」.
 */
const RANGE =
  /(^|[\s、,])([-−－]?\d{1,2})\s*[〜~～]\s*([-−－]?\d{1,2})\s*[:：]\s*(.*?)(?=\s+(?:[-−－‐]?\d{1,2}|[A-ZＡ-Ｚ‐－―-])\s*[:：]|$)/gu;

const toInt = (s: string) => Number(s.replace(/[−－]/g, "-"));

export function rangePairsOf(text: string): { pairs: { label: string; meaning: string }[]; rest: string } {
  const pairs: { label: string; meaning: string }[] = [];
  const t = text.replace(/<br\s*\/?>/gi, " ");
  const rest = t.replace(RANGE, (all, before: string, a: string, b: string, meaning: string) => {
    const from = toInt(a);
    const to = toInt(b);
    // Only a short range of whole points (a scale's steps), the same sign at both ends.
    if (Math.sign(from) !== Math.sign(to) || Math.abs(from - to) > 9 || meaning.trim() === "") return all;
    const step = from <= to ? 1 : -1;
    for (let p = from; p !== to + step; p += step) pairs.push({ label: String(p), meaning: meaning.trim() });
    return before;
  });
  return { pairs, rest };
}
