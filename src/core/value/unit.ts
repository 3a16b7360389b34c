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
  // Qualifier and period words are never part of a unit (約, 以上, 未満, 末, 年度, eras).
  "約",
  "以",
  "未満",
  "程度",
  "末",
  "年度",
  "明治",
  "大正",
  "昭和",
  "平成",
  "令和",
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
    if (/^\d$/.test(c)) continue; // checked below
    if (/^[\p{L}%/・‰°℃²³\-'’]$/u.test(c)) continue;
    return false;
  }
  if (strayDigitIndex(unit) >= 0) return false;
  // A leading symbol, or a numeral kanji (3百人 is not "3 of a unit 百人").
  if (/^[-/・十百千]/.test(unit) || /[万億兆]/.test(unit)) return false;
  // % is the whole unit, or starts a compound (%/年) or a point word (%pt).
  if (unit.includes("%") && !/^%(?:\/[^%]+|pt|ポイント)?$/.test(unit)) return false;
  return !SENTENCE_WORDS.some((w) => unit.includes(w));
}

/**
 * Index of the first digit that cannot belong to a unit, or -1. Digits belong to a unit only
 * after a lowercase Latin letter (m2, km2: ㎡ and ㎢ after NFKC) or in a chemical formula (CO2):
 * not in `人34`, and not in `R3` (an era year).
 */
export function strayDigitIndex(text: string): number {
  let inUnitDigits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!/\d/.test(c)) {
      inUnitDigits = false;
      continue;
    }
    if (inUnitDigits || /[a-z]$|(?:CO|NO|SO|CH|PM)$/.test(text.slice(0, i))) {
      inUnitDigits = true;
      continue;
    }
    return i;
  }
  return -1;
}
