/**
 * A city's scale as printed in words: one band of its legend (「A：目標達成」, or its category and
 * threshold 「B：概ね順調に進捗（80%以上）」). One way to say it for the printed sheet, the workbook and the
 * command line.
 */
import { CATEGORY_LABELS_JA, type EvaluationScale } from "./sheet.ts";
import { formatRounded } from "./value/format.ts";

type Band = EvaluationScale["bands"][number];

/** A band's threshold: 「（80%以上）」, or "" for a band with none. */
export const bandThreshold = (b: Band): string =>
  b.min === null ? "" : `（${formatRounded(b.min * 100, 1)}%以上）`;

/** One band as a legend prints it: its own words when the legend gave them, else its category and threshold. */
export const scaleBandText = (b: Band): string =>
  `${b.label}：${b.meaning || `${CATEGORY_LABELS_JA[b.category]}${bandThreshold(b)}`}`;
