/**
 * The stated evaluation as the printed sheet shows it: the city's own label, with 「(コロナ)」 when
 * the COVID flag is set and the label does not say so (a flag ticked in the entry form), and the
 * category's name when there is no label (a default 評価不可 is printed, never left blank).
 */
import { CATEGORY_LABELS_JA, type StatedEvaluation } from "../sheet.ts";

const MENTIONS_COVID = /コロナ|新型|COVID/i;

export function statedLabelJa(e: Pick<StatedEvaluation, "category" | "covid" | "label">): string {
  const label = e.label?.trim() ? e.label.trim() : CATEGORY_LABELS_JA[e.category];
  return e.covid && !MENTIONS_COVID.test(label) ? `${label}(コロナ)` : label;
}
