/**
 * A citizens' survey's scores of the plan's part, printed beside its indicators (a 施策評価: 「重要度 | 達成度」 from
 * the 市民実感調査, each the mean of a 5段階 answer — 4.21 / 3.02 — on the 施策's first row). 達成度 is the word other
 * sheets print over an achievement rate, so 3.02 was read as a rate of 3.0% (and the sheet refused as a rate
 * contradicting actual ÷ target). Beside a 重要度 column the pair is the survey's importance and achievement (or
 * satisfaction) as citizens feel them: the 達成度 / 満足度 column is kept as an extra, reported — when what it holds
 * is such a mean (a figure from 1 to 5 with decimals, no %), never for a column of rates or of labels.
 */
import { FIELD_JA } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const IMPORTANCE = /^(市民実感調査の?)?重要度$/;
const FELT = /^(市民実感調査の?)?(達成度|満足度|実感度)$/;
const MEAN_SCORE = /^[1-5]\.\d{1,2}$/;

export function surveyScoresAsExtra(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
): void {
  const heads = header.columns.map((c) => squash(c.header).normalize("NFKC"));
  if (!heads.some((h) => IMPORTANCE.test(h))) return;
  header.columns.forEach((c, col) => {
    if (!FELT.test(heads[col]!) || c.field === "extra") return;
    const filled = rows.map((r) => squash(r.cells[col] ?? "").normalize("NFKC")).filter((t) => t !== "");
    if (filled.length === 0 || !filled.every((t) => MEAN_SCORE.test(t))) return;
    issues.push({
      row: null,
      column: c.header,
      kind: "survey_scores",
      before: FIELD_JA[c.field],
      after: FIELD_JA.extra,
      confidence: "high",
      message: `列「${c.header}」は「重要度」と並ぶ市民アンケートの平均点(例:「${filled[0]}」): 指標の達成率ではなく、付記として読んだ`,
    });
    c.field = "extra";
  });
}
