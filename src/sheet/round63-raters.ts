/**
 * Who made a rating, as a header names it (round 63: a city's projects rated twice on one A–E legend, 自己評価 by
 * the department and 委員会評価 by the 総合戦略推進委員会 — the committee's the verdict, reviewed-ratings.ts).
 * Offices name the two in more ways than 「自己評価」 / 「委員会評価」:
 * - the reviewer as a member (「委員評価」) or a meeting (「推進会議による評価」, 「検証会議評価」) — a 庁内会議 is the office's own;
 * - the first rater as the municipality itself (「市の評価」, 「町の評価」, 「評価(市)」);
 * - either in brackets after 評価 (「評価(担当課)」 | 「評価(委員会)」): the bracket names who rated, no unit — read as a
 *   unit, the committee's column was kept as an extra and the department's read as the evaluation, with exit 0.
 */

/** A reviewer named beyond reviewer-words.ts's words: a member, a meeting not the office's own. */
export const MORE_REVIEWERS = /委員|(?<!庁内)(推進|検証|評価|有識者)?会議/;

/** The municipality rating its own work: 「市の評価」, 「評価(町)」, 「本市評価」. */
export const OWN_OFFICE =
  /^(本|当)?(市|町|村|区|県|府|都|道)の?評価|評価[(（](本|当)?(市|町|村|区|県|府|都|道)[)）]$/;

/** A bracket naming who rated (「(委員会)」, 「(担当課)」, 「(市)」, 「(外部)」): a rater, never a unit. */
export const RATER_IN_BRACKET =
  /^(本|当)?(市|町|村|区|県|府|都|道)$|委員|会議|審議会|懇話会|有識者|外部|内部|自己|第三者|[一二12]次|庁内|市民|区民|住民/;
