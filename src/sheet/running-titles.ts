/**
 * A sheet's running title: the lines printed above its first table, printed again at the top of each page or worksheet
 * and kept as rows of the table by an extractor — no part of the table.
 */
import { squash } from "./columns.ts";
import { namedLevel } from "./heading-levels.ts";
import { isSectionCaption } from "./round58-section-captions.ts";

/** The lines above the first table (title rows and the text lines before its first row), squashed. */
export const titleLinesOf = (
  titleTexts: readonly string[],
  outside: readonly { row: number; text: string }[],
  firstRow: number,
): Set<string> =>
  new Set([...titleTexts, ...outside.filter((o) => o.row < firstRow).map((o) => o.text)].map(squash));

/**
 * Whether a row's only text repeats the title. A level's heading (「政策1 …」) printed again is the title repeated only
 * within it (`inTitle`: right under a running title, or first on a worksheet); elsewhere it heads the part below it
 * again (over the KPIs after the 数値目標), and was dropped as a running title with exit 0 (scripts/relocate-levels.mts).
 * So does a section's caption (「【数値目標】」 over each 基本目標's goals table, round58-section-captions.ts).
 */
export const repeatsTitle = (titleLines: ReadonlySet<string>, text: string, inTitle: boolean): boolean =>
  titleLines.has(squash(text)) && (inTitle || (!namedLevel(text) && !isSectionCaption(text)));
