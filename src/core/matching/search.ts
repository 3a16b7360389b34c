/**
 * The one search rule, for the API, the store and the browser alike: a query is split into words
 * on white space (full-width spaces too), and a KPI matches when **every** word occurs in its text.
 * Both sides are NFKC-normalised and lower-cased, so ＡＢＣ finds abc and ｶﾞ finds ガ. Words are
 * substrings of any length: 2-character words such as 出生 work.
 */
import type { Kpi } from "../sheet.ts";

/** NFKC, lower case: the form both the query and the stored text are compared in. */
export const normaliseForSearch = (text: string): string => text.normalize("NFKC").toLowerCase();

/** The query's words, normalised; none for a blank query. */
export const searchWords = (query: string): string[] =>
  normaliseForSearch(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);

/** True when every word occurs in `text` (normalised here; an empty word list matches everything). */
export function containsAllWords(text: string, words: readonly string[]): boolean {
  const t = normaliseForSearch(text);
  return words.every((w) => t.includes(w));
}

/** The KPI's searchable fields, as one text (fields apart, so no word spans two of them). */
export function kpiSearchText(k: Kpi): string {
  return normaliseForSearch(
    [
      k.goal.title,
      k.subgoal.title,
      k.measure.title,
      ...k.initiatives,
      k.status ?? "",
      k.indicator,
      k.reason ?? "",
      k.challenge ?? "",
      k.nextSteps ?? "",
      ...k.departments,
    ].join("\u0001"),
  );
}

/** The rule itself: does this KPI contain every word of the query? A blank query matches all. */
export const kpiMatchesSearch = (k: Kpi, query: string): boolean =>
  containsAllWords(kpiSearchText(k), searchWords(query));
