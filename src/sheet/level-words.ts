/**
 * The words plans print before a level's number — 「基本目標1 …」, 「重点項目2 …」, 「施策展開3 …」, 「政策の柱1 …」 — in
 * heading lines and level cells alike. One list, so that a heading line knows every word a level column's header
 * does: printing the same level above each group instead of in a column (as other offices do) left such a heading
 * unread and the level empty with exit 0 (scripts/relocate-levels.mts).
 */
import type { Level } from "./field.ts";

/**
 * Each word and the level it names when nothing broader is printed. The words a level column's header also names
 * take the column's level (column-fields.ts; level-words.test.ts holds the two together); 基本施策 and 基本的方向
 * keep the level the national guidance gives them (基本目標 → 基本的方向 → 具体的な施策), a step under the goal.
 */
export const LEVEL_WORD_LEVELS: Readonly<Record<string, Level>> = {
  大基本目標: "goal",
  基本目標: "goal",
  政策目標: "goal",
  基本方針: "goal",
  基本政策: "goal",
  重点目標: "goal",
  重点項目: "goal",
  重点分野: "goal",
  政策分野: "goal",
  分野: "goal",
  まちづくりの方針: "goal",
  政策: "goal",
  目標: "goal",
  小基本目標: "subgoal",
  基本施策: "subgoal",
  基本的方向: "subgoal",
  政策の柱: "subgoal",
  施策の柱: "subgoal",
  施策展開: "measure",
  施策項目: "measure",
  具体的な施策: "measure",
  具体的施策: "measure",
  施策の方向性: "measure",
  施策分野: "measure",
  基本戦略: "measure",
  重点施策: "measure",
  重点方針: "measure",
  施策: "measure",
  手段: "measure",
};

/** The words as a regular expression's alternation, longest first (「施策展開」 before 「施策」). */
export const LEVEL_WORD = `(?:${Object.keys(LEVEL_WORD_LEVELS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;

/** The level a word names (「重点項目」 → goal); null for a word that names none. */
export const levelOfWord = (word: string): Level | null => LEVEL_WORD_LEVELS[word] ?? null;

/** A level's number as plans print it after the word: 「1」, 「１２」, 「①」, 「Ⅲ」 (one pattern for every heading form). */
export const LEVEL_NUMBER = "(?:[0-9０-９]{1,3}|[①-⑳]|[Ⅰ-Ⅻ])";
