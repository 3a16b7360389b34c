/**
 * What counts as a unit (`人`, `事業所`, `%`, `人/年`, `ha`, `ポイント`) as opposed to the rest of a
 * sentence (`校以上の小学校で実施`). A unit is short (≤ 6 characters), made of letters and a few
 * symbols, with no particles or verbs. Units are kept as printed (after NFKC folding, so ％ → %).
 */

export const MAX_UNIT_LENGTH = 6;

/** Words that make a suffix a sentence rather than a unit. */
const SENTENCE_WORDS = [
  "なし",
  "無し",
  "実施",
  "達成",
  "開催",
  "完了",
  "予定",
  "整備",
  "設置",
  "導入",
  "維持",
  "増加",
  "減少",
  "向上",
  "継続",
  "推進",
  "検討",
  "策定",
  "において",
  "以上の",
  "全",
  "各",
  "毎",
];

/** Hiragana that occur in units (か所, 3つ); any other hiragana is a particle or an inflection. */
const UNIT_HIRAGANA = new Set(["か", "つ"]);

/** Is this (trimmed, folded) text a unit? */
export function isUnit(unit: string): boolean {
  const chars = Array.from(unit);
  if (chars.length === 0 || chars.length > MAX_UNIT_LENGTH) return false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (/^\p{Script=Hiragana}$/u.test(c)) {
      if (!UNIT_HIRAGANA.has(c)) return false;
      continue;
    }
    if (/^\d$/.test(c)) {
      // m2, km2, CO2 (from ㎡, ㎢ and subscripts after NFKC); not 人34.
      if (!/^[A-Za-z\d]$/.test(chars[i - 1] ?? "")) return false;
      continue;
    }
    if (/^[\p{L}%/・‰°℃²³\-'’]$/u.test(c)) continue;
    return false;
  }
  // A leading symbol, or a numeral kanji (3百人 is not "3 of a unit 百人").
  if (/^[-/・十百千万億兆]/.test(unit)) return false;
  return !SENTENCE_WORDS.some((w) => unit.includes(w));
}

/** Index of the first digit that cannot belong to a unit (`人34` → 1), or -1. */
export function strayDigitIndex(rest: string): number {
  for (let i = 0; i < rest.length; i++) {
    if (/\d/.test(rest[i]!) && !/[A-Za-z\d]/.test(rest[i - 1] ?? "")) return i;
    if (/\d/.test(rest[i]!) && i === 0) return i;
  }
  return -1;
}
