/**
 * A target printed as a movement from a point the sheet names: 「策定時より上昇」, 「基準値より増加」, 「現状維持」,
 * 「延伸」 — a target in words (the plan aims for the figure to rise above where it started), no figure. A target
 * column holding only such words (a 連携中枢都市圏's 成果指標: every item's 目標値 「策定時より上昇」) is no
 * contradiction of its header; words of another kind under a target's name (sentences, 達成見込み) still are.
 */
import { squash } from "./columns.ts";

const FROM = "(策定時|計画策定時|基準値|基準年度?|現状値?|現在|当初値?|前年度?|前回)";
/** The movement a worded target names (round58-legend-words.ts reads it in a legend's aside too). */
export const MOVE_WORD = "(延伸|増加|減少|維持|向上|上昇|低下|改善|縮小|拡大|抑制)";
const MOVE = MOVE_WORD;
const WORDED_TARGET = new RegExp(
  `^(${FROM}(の値)?(より|から|比|を|以上に?)?)?${MOVE}(させる|する|を目指す)?$`,
);

/** 「策定時より上昇」, 「基準値より増加」, 「現状維持」, 「延伸」: a target worded as a movement, no figure. */
export function isWordedTarget(text: string): boolean {
  return WORDED_TARGET.test(squash(text).replace(/[()（）]/g, ""));
}
