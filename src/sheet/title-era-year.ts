import { findYear } from "./header-years.ts";

/**
 * A title that opens with an era year glued to its words, with no 年度 anywhere
 * (「H27地域活性化・地域住民生活等緊急支援交付金…の効果検証結果」): national grant reports name their fiscal
 * year so. Only the title's first token counts — an era year later in a title may be a plan's span or
 * a date — and a dotted date (「H28.3」) or a longer number is no such year.
 */
export function leadingEraYear(title: string): number | null {
  const m = /^\s*((?:H|R|Ｈ|Ｒ|平成|令和)\s*(?:[0-9０-９]{1,2}|元))(?![0-9０-９.．年/／])/.exec(title);
  if (!m) return null;
  return findYear(m[1]!)?.year ?? null;
}
