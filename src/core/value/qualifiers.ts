/** The words around a number that qualify it (約, 以上, (見込み)…): read by parseValue, written by format.ts. */

/** Qualifiers printed before the number. */
export const PREFIX_QUALIFIERS = ["約", "延べ", "のべ", "延", "累計"] as const;
/** Qualifiers printed after the number (or its unit). */
export const SUFFIX_QUALIFIERS = ["以上", "以下", "超", "未満", "程度"] as const;
/** Notes in parentheses kept as qualifiers: `120件(累計)`, `300人(見込み)`. */
export const NOTE_QUALIFIERS = [
  "累計",
  "延べ",
  "見込み",
  "見込",
  "暫定",
  "暫定値",
  "速報",
  "速報値",
  "推計",
  "推計値",
  "概数",
] as const;
