/**
 * One table segment's columns settled before its rows are read (read-general.ts): role rows folded,
 * KPI cells of name and figure split, year columns given their roles, columns read by what they hold,
 * a name over two cells shifted, rows printed with a cell lost realigned (which year holds data depends
 * on it), a rating printed over its rate split. The order matters: each step sees the columns the one
 * before settled.
 */

import { unknownColumnsByContent, unknownRatingColumn } from "./content-columns.ts";
import { courseVerdictsAsExtra } from "./course-verdicts.ts";
import { datedAchievementsAsActuals, figureOf } from "./dated-achievement.ts";
import type { FoundHeader } from "./find-header.ts";
import {
  bracketedBareYears,
  foldRoleRows,
  progressYearsAsActuals,
  yearsAroundActuals,
  yearsAsActuals,
} from "./general-roles.ts";
import { groupRatingsAsExtra } from "./group-ratings.ts";
import { kindColumnAsGoals } from "./kind-column.ts";
import { kpiFigureColumns } from "./kpi-figure-column.ts";
import { joinLevelNameColumns } from "./level-name-columns.ts";
import { splitNamedValueColumns } from "./named-value-cells.ts";
import { applyNotedBaselineYears } from "./noted-baseline-year.ts";
import { opinionMarksAsExtra } from "./opinion-marks.ts";
import { spanTargetYears, whenSetColumns } from "./plan-span.ts";
import { splitRatedActuals } from "./rated-actual.ts";
import { splitRatedRates } from "./rated-rate.ts";
import { columnHabits, realignRow } from "./realign-general-row.ts";
import { settleReviewedRatings } from "./reviewed-ratings.ts";
import { reviewerWordsAsComments } from "./reviewer-words.ts";
import { refuseRivalRatings } from "./rival-ratings.ts";
import { outcomeColumnAsLevel } from "./round47-outcome-levels.ts";
import { scheduleStepsAsNoFigure } from "./schedule-steps.ts";
import { pointsBesideRate, settleByContent, shiftEnumeratedColumns } from "./settle-columns.ts";
import { surveyScoresAsExtra } from "./survey-scores.ts";
import { applySurveyTimes, takeSurveyTimeRows } from "./survey-time-rows.ts";
import { settleTwoLineValues } from "./two-line-targets.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

export function settleSegment<R extends { row: SourceRow; heading?: { goal?: unknown; measure?: unknown } }>(
  seg: { header: FoundHeader; rows: R[] },
  /** The sheet's texts outside the table (title, legend lines): eras, legends. */
  legendTexts: string[],
  issues: ImportIssue[],
  fiscalYear?: number | null,
): void {
  const rowsOf = () => seg.rows.map((x) => x.row);
  const keepRows = (kept: SourceRow[]) => {
    if (kept.length === seg.rows.length) return;
    const byRow = new Map(seg.rows.map((x) => [x.row.row, x]));
    seg.rows = kept.map((row) => ({ ...byRow.get(row.row)!, row }));
  };
  // (Before anything reads the rows: a 「調査時点」 row under the figures is no indicator.)
  const surveyed = takeSurveyTimeRows(seg.header, rowsOf(), issues);
  keepRows(surveyed.rows);
  keepRows(foldRoleRows(seg.header, rowsOf(), legendTexts, issues, fiscalYear));
  // (A header no rule knows over department names or units only: content-columns.ts.)
  // (Every row under a goal's heading line and under no measure's: a lone column of numbered titles is the measure.)
  const underGoals = seg.rows.length > 0 && seg.rows.every((x) => x.heading?.goal && !x.heading?.measure);
  unknownColumnsByContent(seg.header, rowsOf(), issues, underGoals);
  // (A 区分 column of 数値目標 / KPI says each row's kind: no rating, and its 数値目標 rows numeric goals.)
  kindColumnAsGoals(seg, issues);
  scheduleStepsAsNoFigure(seg.header, rowsOf(), issues);
  splitNamedValueColumns(seg.header, seg.rows, issues);
  kpiFigureColumns(seg.header, rowsOf(), issues);
  progressYearsAsActuals(seg.header, rowsOf(), issues);
  const dated = datedAchievementsAsActuals(seg.header, rowsOf(), issues);
  yearsAsActuals(seg.header, issues);
  bracketedBareYears(seg.header, legendTexts, fiscalYear);
  // (Before the content settles one column of labels as the evaluation: with two, which one is the question.)
  // (A group's rating beside the KPIs' — 外部評価 on a program's first row only — is no second evaluation.)
  groupRatingsAsExtra(seg.header, rowsOf(), issues);
  // (A 重要度 | 達成度 pair of survey means — 4.21 / 3.02 — rates how citizens feel the 施策, not the KPI's rate.)
  surveyScoresAsExtra(seg.header, rowsOf(), issues);
  // (Before two ratings are settled: a reviewer's sentences under 外部評価 are its comments, no rating.)
  reviewerWordsAsComments(seg.header, rowsOf(), issues, legendTexts);
  settleReviewedRatings(seg.header, rowsOf(), issues, legendTexts);
  whenSetColumns(seg.header, rowsOf(), issues);
  // (A numbered outcome printed once over its group, left of the KPI column, is a level: no second indicator.)
  outcomeColumnAsLevel(seg.header, rowsOf(), issues);
  settleByContent(seg.header, rowsOf(), issues, legendTexts);
  pointsBesideRate(seg.header, rowsOf(), issues);
  // (Before the years around the actuals: a 「5ヵ年目標」 counts from the bare year it makes the baseline.)
  spanTargetYears(seg.header, issues);
  // (After the content has settled the columns: a bare 「目標」 of sentences is then the goal, no target.)
  yearsAroundActuals(seg.header, issues);
  // A baseline header without a year (「当初値」) takes the year a note under the table gives it.
  applyNotedBaselineYears([seg], legendTexts, issues);
  shiftEnumeratedColumns(seg.header, rowsOf(), issues);
  const habits = columnHabits(rowsOf(), seg.header.columns.length);
  for (const x of seg.rows)
    x.row = { ...x.row, cells: realignRow(x.row, seg.header.columns, issues, { habits, legendTexts }) };
  // (After the rows are realigned: each figure is in the column of the survey time printed under it.)
  for (const x of surveyed.times.size > 0 ? seg.rows : []) x.row = applySurveyTimes(x.row, surveyed.times);
  // (After the rows are realigned: 「1-1」 | 「【産業】…」, a level's number and its name in the next column.)
  joinLevelNameColumns(seg.header, seg.rows, issues);
  // (After the rows are realigned: a row that lost a cell has its figures in their columns only now.)
  for (const x of dated.length > 0 ? seg.rows : [])
    x.row = { ...x.row, cells: x.row.cells.map((c, i) => (dated.includes(i) ? figureOf(c) : c)) };
  // (After the rows are realigned: a row that lost a cell holds its mark in its own column only now.)
  opinionMarksAsExtra(seg.header, rowsOf(), issues, legendTexts);
  courseVerdictsAsExtra(seg.header, rowsOf(), issues, legendTexts);
  splitRatedRates(seg, issues);
  // (After the rows are realigned: 「未達成<br>(1,820人)」, a rating and the actual a note says is in brackets.)
  splitRatedActuals([seg], legendTexts, issues);
  // (Last of the columns: two still read as the evaluation that disagree on a row are no reading.)
  groupRatingsAsExtra(seg.header, rowsOf(), issues);
  // (A 重要度 | 達成度 pair of survey means — 4.21 / 3.02 — rates how citizens feel the 施策, not the KPI's rate.)
  surveyScoresAsExtra(seg.header, rowsOf(), issues);
  refuseRivalRatings(seg.header, rowsOf());
  // (Last: no column known by its name is the rating, and one no rule knows holds only the legend's labels.)
  unknownRatingColumn(seg.header, rowsOf(), issues, legendTexts);
  // (After the rows are realigned: a two-line target is read where its column finally is.)
  settleTwoLineValues(seg.header, seg.rows, legendTexts, issues);
}
