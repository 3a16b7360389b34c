/**
 * 「施策 1 地域産業の競争力強化 施策の総合評価 B」 (a prefecture's 施策評価調書, one card per 施策): the heading line ends
 * with the rating of the level as a whole — 「施策の総合評価 B」, 「総合評価:A」, 「施策評価 ◎」 — printed beside its title.
 * It rates the 施策, not any one of the indicators under it (each has its own 目標達成度), and it is no part of the
 * title: cut off here so the title is the 施策's name alone. Only a rating word (評価, 総合評価, …の評価) then one
 * grade (a letter or a mark) at the very end: 「… を評価する仕組みづくり」 ends in no grade and is kept.
 */
export const HEADING_RATING_TAIL =
  /\s+(?:[^\s]{1,8}の)?(?:総合|施策|政策|全体)?評価\s*[:：]?\s*[(（]?[A-EＡ-ＥSＳa-e◎○〇△×][)）]?$/;

/** The heading's title without a trailing rating of the level (the title itself when there is none). */
export const stripHeadingRating = (title: string): string => {
  const cut = title.replace(HEADING_RATING_TAIL, "");
  // (A title that is nothing but the rating is no title with a rating in it.)
  return cut.trim() === "" ? title : cut;
};
