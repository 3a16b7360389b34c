/** The stated evaluation (進捗評価) cell: label → category and the (コロナ) flag. */
import type { Category, StatedEvaluation } from "../core/sheet.ts";

export interface ParsedLabel {
  evaluation: StatedEvaluation;
  /** false when the label is none of the four (the category is then not_evaluable and reported). */
  known: boolean;
}

const CATEGORIES: [RegExp, Category][] = [
  [/^(概ね|おおむね)順調(に進捗)?$/, "mostly_on_track"],
  [/^順調(に進捗)?$/, "on_track"],
  [/^(進捗の?)?遅れ(あり)?$/, "delayed"],
  [/^評価(不可|不能|できない)$/, "not_evaluable"],
];
const BR_TAG = /<br\s*\/?>/gi;
const SPACES = /\s+/g;
const COVID = /\((新型)?コロナ(ウイルス)?(の影響)?\)$/;
const TRAILING_BRACKET = /\(.*\)$/;
/** A footnote mark (※1, *) beside the label is not part of it. */
const FOOTNOTE = /(※\d*|\*+)$/;

/**
 * Realigning a row tries every cell of it in several columns and asks each time whether the text is
 * an evaluation label, so the same texts are parsed many times per import: the result of each
 * distinct text is kept (bounded; emptied when full). Callers get their own copy of the result.
 */
const labelCache = new Map<string, ParsedLabel>();
const LABEL_CACHE_LIMIT = 20_000;

/** Empties the cache of parsed labels (importTable does, at the start of each import). */
export function clearLabelCache(): void {
  labelCache.clear();
}

function parseUncached(text: string): ParsedLabel {
  const label = text.replace(BR_TAG, "").replace(SPACES, "").trim();
  const folded = label.normalize("NFKC");
  const covid = COVID.test(folded);
  // The bracket pattern needs a ")" at the end; without one, skip it (it backtracks on long texts).
  const core = (folded.endsWith(")") ? folded.replace(TRAILING_BRACKET, "") : folded).replace(FOOTNOTE, "");
  for (const [re, category] of CATEGORIES) {
    if (re.test(core)) return { evaluation: { category, covid, label }, known: true };
  }
  return { evaluation: { category: "not_evaluable", covid, label }, known: false };
}

function parseCached(text: string): ParsedLabel {
  let parsed = labelCache.get(text);
  if (parsed === undefined) {
    parsed = parseUncached(text);
    if (labelCache.size >= LABEL_CACHE_LIMIT) labelCache.clear();
    labelCache.set(text, parsed);
  }
  return parsed;
}

/** `text` has its line wraps already joined ("進捗の遅れ(コロナ)"). */
export function parseEvaluationLabel(text: string): ParsedLabel {
  const { evaluation, known } = parseCached(text);
  return { evaluation: { ...evaluation }, known };
}

/** Whether `text` is one of the four labels (what `parseEvaluationLabel(text).known` says, without the copy). */
export const isKnownEvaluationLabel = (text: string): boolean => parseCached(text).known;

/**
 * The four labels of the national 効果検証 form (地方創生先行型・推進交付金: 「地方創生に非常に効果的であった」
 * … 「地方創生に対して効果がなかった」), defined once for every municipality: the KPI above its target, 7〜8割 of
 * it, short of it but better than before, worse than before. A legend printed with the sheet decides first.
 */
export function nationalEffectCategory(text: string): Category | null {
  const t = text
    .replace(BR_TAG, "")
    .replace(SPACES, "")
    .normalize("NFKC")
    .replace(/^(本事業は)/, "")
    // 「②地方創生に相当程度効果があった」 (NFKC made ② a 2): the four labels printed with their number.
    .replace(/^[1-4](?=地方創生)/, "")
    .replace(/[。.]$/, "");
  if (/^地方創生に非常に効果(的|が)(であった|あった)$/.test(t)) return "on_track";
  if (/^地方創生に相当程度効果があった$/.test(t)) return "mostly_on_track";
  if (/^地方創生に効果があった$/.test(t)) return "delayed";
  if (/^地方創生に(対して)?効果が(なかった|無かった)$/.test(t)) return "delayed";
  return null;
}
