/**
 * A form that has its answers written as numbers prints the choices in the column's own header
 * (「事業効果 (選択肢) 1.地方創生に非常に効果的であった 2.…」). The header reads by its words before
 * 「(選択肢)」 (column-fields, find-header); the choices are read here. No imports: the header finder uses it.
 */
// (A PDF may wrap the mark itself: 「(選択\n肢)」.)
const MARK = /[(（]\s*選\s*択\s*肢\s*[)）]/;

/**
 * The header's words, the choices cut off. A column that prints its own choices is named by the words
 * right above them (「事業効果」 under a group 「実績値を踏まえた事業の今後について」 spanning it and 今後の方針):
 * of a header of several rows only the last row's words are kept.
 */
export const withoutChoices = (text: string): string => {
  const i = text.search(MARK);
  if (i < 0) return text;
  const own =
    text
      .slice(0, i)
      .replace(/<br\s*\/?>/gi, " ")
      .trim()
      .split(/\s+/)
      .at(-1) ?? "";
  return own === "" ? text.slice(0, i) : own;
};

/** The numbered choices a header prints after 「(選択肢)」, in order; empty when it prints none. */
export function headerChoices(text: string): { no: string; words: string }[] {
  const i = text.search(MARK);
  if (i < 0) return [];
  const list = text
    .slice(i)
    .replace(MARK, "")
    // A choice wrapped over lines (「効果的であっ」 over 「た」) is one: line breaks and spaces are no part of it.
    .replace(/<br\s*\/?>|\s+/gi, "");
  const parts = list.split(/(?:^|\s*)([1-9])[.．:：]\s*/).slice(1);
  const out: { no: string; words: string }[] = [];
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const words = parts[k + 1]!.trim();
    if (words !== "") out.push({ no: parts[k]!, words });
  }
  // Choices are numbered 1, 2, 3 … in order; anything else is no list of choices.
  return out.length >= 2 && out.every((c, n) => c.no === String(n + 1)) ? out : [];
}
