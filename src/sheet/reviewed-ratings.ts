/**
 * Ratings given twice, and scores that rate no KPI — settled before the rows are read.
 *
 * - Two (or more) rating columns side by side, each holding only a scale's labels (A / B / C, ◎〇△):
 *   a city that has its departments rate first (一次評価, 自己評価, 内部評価) and a committee review them
 *   (行政評価委員会, 外部評価, 二次評価) prints both. The review is the sheet's final word, so the
 *   reviewer's column is the evaluation and the first rating is kept as an extra (reported). When the
 *   headers do not say which is the review, the reader cannot choose: refused, naming the columns.
 * - Scores in steps of 0.5 (「3.5」, 「4.0」) under several 評価 headers side by side (viewpoints and a
 *   全体評価) with no legend giving them a meaning rate how a project is run, not whether its indicator
 *   reached its target: they are no rates (no percentages) and no KPI rating — kept as extras, reported.
 *   A single such column stays as it was (refused as a rating holding numbers): one score could be the
 *   KPI's, and without a legend nothing says what it means.
 */
import { FIELD_JA } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { colonsForOtherSeparators, labelBracketPairsOf } from "./legend-pair-forms.ts";
import { REVIEWER } from "./reviewer-words.ts";
import { OWN_OFFICE } from "./round63-raters.ts";
import { type ImportIssue, NotASheet, type SourceRow } from "./types.ts";

// (A grade printed as a digit or a circled digit, 「4」 / 「④」, its legend 「4:…」: a scale's label as a letter is — round 63.)
const SCALE_LABEL = /^([A-Za-zＡ-Ｚａ-ｚ][+＋-]?|[◎○〇●△▲×]|[1-9１-９①-⑨])$/;
const DASH = /^[-‐－―ー−]$/;
/** Who rates first: the department itself, the office, a first round. */
export const FIRST_RATER = new RegExp(
  `${/一次|[1１]次評価|自己|内部|庁内|所管|担当|主管/.source}|${OWN_OFFICE.source}`,
);

const cellsOf = (rows: readonly SourceRow[], col: number) =>
  rows
    // (A heading merged across the sheet, the same words in every cell, is no row of the column.)
    .filter((r) => new Set(r.cells.map(squash).filter((t) => t !== "")).size > 1)
    .map((r) => squash(r.cells[col] ?? ""))
    .filter((t) => t !== "" && !DASH.test(t));

export function settleReviewedRatings(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legendTexts: readonly string[],
): void {
  const legend = legendTexts.map(squash).join(" ");
  // A label the legend explains: 「A:…」, or 「A 計画を大きく上回る…」 (a label set off by spaces before
  // its words, as 「★評価基準 A … B …」 prints it).
  const spaced = legendTexts.map((t) => t.normalize("NFKC")).join(" ");
  // (Round 63: and as read-legend.ts reads the other forms — 「【A】…」, 「(A)…」, 「A)…」, 「A…」, 「A→…」 — and a label with
  // its meaning bracketed after it, 「A(達成率100%以上)」.)
  const marked = legendTexts.map((t) => squash(colonsForOtherSeparators(t))).join(" ");
  const paired = new Set(legendTexts.flatMap((t) => labelBracketPairsOf(t).map((p) => squash(p.label))));
  const explained = (t: string) => {
    const label = t.replace(/[+＋]/g, "\\+");
    const colon = new RegExp(`(^|[^A-Za-z])${label}\\s*[:：=＝]`);
    return (
      colon.test(legend) ||
      new RegExp(`(^|\\s)${label}\\s+[^\\sA-Za-z:：]`).test(spaced) ||
      colon.test(marked) ||
      paired.has(t)
    );
  };
  const rated = header.columns.flatMap((m, col) => {
    if (m.confirmed || (m.field !== "rate" && m.field !== "evaluation")) return [];
    const cells = cellsOf(rows, col);
    return cells.length >= 2 && cells.every((t) => SCALE_LABEL.test(t)) && cells.some(explained) ? [col] : [];
  });
  if (rated.length >= 2) {
    const reviews = rated.filter((c) => REVIEWER.test(squash(header.columns[c]!.header)));
    const firsts = rated.filter(
      (c) => !reviews.includes(c) && FIRST_RATER.test(squash(header.columns[c]!.header)),
    );
    const names = rated.map((c) => `${c + 1}列目「${header.columns[c]!.header}」`).join("、");
    if (reviews.length !== 1 || firsts.length !== rated.length - 1)
      throw new NotASheet(
        "column_contradiction",
        `${names}がどれも評価の記号を収めていて、どれがこの表の評価か見出しから分かりません。読み違いを避けるため取り込みません。` +
          `列の意味を --profile で指定してください(例: {"columns":[{"col":${rated[0]! + 1},"field":"extra"}]})`,
      );
    const review = reviews[0]!;
    const m = header.columns[review]!;
    header.columns[review] = { ...m, field: "evaluation" };
    for (const c of firsts) header.columns[c] = { ...header.columns[c]!, field: "extra" };
    issues.push({
      row: null,
      column: m.header,
      kind: "column_read_by_content",
      before: FIELD_JA[m.field],
      after: FIELD_JA.evaluation,
      confidence: "medium",
      message:
        `評価の列が${rated.length}つあります(${names})。一次評価を踏まえた「${m.header}」を評価として読み、` +
        `ほかは追加の列として残した`,
    });
  }
  settleViewpointScores(header, rows, issues, legend);
}

const HALF_STEP = /^[1-5](\.[05])?$/;

/** `legend`: the legend texts squashed and joined, as settleReviewedRatings reads them. */
function settleViewpointScores(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legend: string,
): void {
  const scored = header.columns.flatMap((m, col) => {
    if (m.confirmed || !/評価/.test(squash(m.header))) return [];
    const cells = cellsOf(rows, col);
    return cells.length >= 2 && cells.every((t) => HALF_STEP.test(t)) && cells.some((t) => t.includes("."))
      ? [col]
      : [];
  });
  if (scored.length < 2) return;
  // A legend explaining the scores (「4.0:…」, 「5:…」) would give them a meaning: then they are not settled here.
  const values = new Set(scored.flatMap((c) => cellsOf(rows, c)));
  if ([...values].some((v) => new RegExp(`(^|\\s)${v.replace(".", "\\.")}(点)?\\s*[:：=＝]`).test(legend)))
    return;
  for (const c of scored) header.columns[c] = { ...header.columns[c]!, field: "extra" };
  issues.push({
    row: null,
    column: scored.map((c) => header.columns[c]!.header).join("、"),
    kind: "column_read_by_content",
    before: FIELD_JA.evaluation,
    after: FIELD_JA.extra,
    confidence: "medium",
    message:
      `列「${scored.map((c) => header.columns[c]!.header).join("」「")}」は0.5刻みの評価点(例:「${cellsOf(rows, scored[0]!)[0]}」)で、` +
      `凡例がその意味を示していないため、指標の評価ではなく追加の列として残した`,
  });
}
