/**
 * A reviewer's words under a rating's name: 「外部評価」 (a committee's 御意見・御提言), 「委員会評価」, 「第三者評価」
 * holding a sentence per row — what the committee said about the KPI, not a mark of a scale. The header's
 * 評価 made it the evaluation and the sentences then refused the sheet; a column named for who reviews,
 * whose cells are sentences no legend lists and none repeats, is that reviewer's comment. A reviewer's
 * column of marks (A / B / C) or of long labels that repeat or a legend explains stays a rating
 * (reviewed-ratings.ts settles it against the first rating); a column not named for a reviewer whose
 * cells are sentences is still refused (general-checks.ts).
 */
import { cellShape, FIELD_JA } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { isKnownEvaluationLabel, nationalEffectCategory } from "./parse-evaluation-label.ts";
import { MORE_REVIEWERS } from "./round63-raters.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** Who reviews a rating made before: a committee, an outside body, a second round (reviewed-ratings.ts's words). */
export const REVIEWER = new RegExp(
  `${/委員会|審議会|懇話会|有識者|外部|第三者|二次|[2２]次評価|区民評価|市民評価|最終/.source}|${MORE_REVIEWERS.source}`,
);

export function reviewerWordsAsComments(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legendTexts: readonly string[],
): void {
  const legend = legendTexts.map(squash);
  header.columns.forEach((m, col) => {
    if (m.confirmed || m.field !== "evaluation" || !REVIEWER.test(squash(m.header))) return;
    // (Rows printed whole only: a row that lost a cell is realigned later, its cells not yet under their columns.)
    const cells = rows
      .filter((r) => r.cells.length >= header.columns.length)
      .map((r) => squash(r.cells[col] ?? ""))
      .filter((t) => t !== "");
    if (cells.length < 2) return;
    const sentences = cells.filter((c) => cellShape(c) === "text");
    if (sentences.length <= cells.length / 2 || sentences.length !== cells.length) return;
    // (A label that repeats, that the legend lists or the national form names is a rating, however long.)
    if (new Set(cells).size !== cells.length) return;
    if (cells.some((c) => isKnownEvaluationLabel(c) || nationalEffectCategory(c) !== null)) return;
    if (cells.some((c) => legend.some((l) => l.includes(c)))) return;
    header.columns[col] = { ...m, field: "comments" };
    issues.push({
      row: null,
      column: m.header,
      kind: "column_read_by_content",
      before: FIELD_JA.evaluation,
      after: FIELD_JA.comments,
      confidence: "medium",
      message: `列「${m.header}」は評価する側の言葉(文章、例:「${cells[0]!.slice(0, 20)}」)を収めていて、評価の記号ではないため、意見として読んだ`,
    });
  });
}
