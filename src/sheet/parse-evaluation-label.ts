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

/** `text` has its line wraps already joined ("進捗の遅れ(コロナ)"). */
export function parseEvaluationLabel(text: string): ParsedLabel {
  const label = text
    .replace(/<br\s*\/?>/gi, "")
    .replace(/\s+/g, "")
    .trim();
  const folded = label.normalize("NFKC");
  const covid = /\((新型)?コロナ(ウイルス)?(の影響)?\)$/.test(folded);
  // A footnote mark (※1, *) beside the label is not part of it.
  const core = folded.replace(/\(.*\)$/, "").replace(/(※\d*|\*+)$/, "");
  for (const [re, category] of CATEGORIES) {
    if (re.test(core)) return { evaluation: { category, covid, label }, known: true };
  }
  return { evaluation: { category: "not_evaluable", covid, label }, known: false };
}
