/**
 * Guard of round 52: the shape aichi-shisaku's first reading left wrong with exit 0, refused now whatever reader path
 * leaves it so (exit 2, `implausible_reading`, the KPI and its level named).
 * - A level's title that still ends with the level's own rating (「地域産業の競争力強化 施策の総合評価 B」, from the card
 *   heading 「施策 1 … 施策の総合評価 B」): the 施策's rating read into its name, where it is no part of it — and beside
 *   each indicator's own 目標達成度 it is not theirs either.
 * - The same heading printed to PDF with its grade set apart (a wide print puts 「B」 in a cell of its own, an unruled one
 *   reads the heading as a row of the table): a level title, or an indicator's name, ending with the rating's word and no
 *   grade (「… 施策の総合評価」) — the rating's place read, its grade lost or taken for a figure.
 */
import type { Kpi, Sheet } from "../core/sheet.ts";
import { HEADING_RATING_TAIL } from "./round52-heading-rating.ts";

/** 「… 施策の総合評価」, 「… 総合評価」: a rating's word closing a name, after a space (its grade printed apart). */
const RATING_WORD_TAIL = /\s+(?:[^\s]{1,8}の)?(?:総合|施策|政策|全体)評価$/;
const ratingTail = (t: string): string | null => {
  const m = HEADING_RATING_TAIL.exec(t) ?? RATING_WORD_TAIL.exec(t);
  return m && t.slice(0, m.index).trim() !== "" ? m[0].trim() : null;
};

const LEVELS = [
  ["goal", "基本目標"],
  ["subgoal", "中位の階層"],
  ["measure", "施策"],
] as const;

export function round52Refusal(sheet: Sheet, name: (k: Kpi) => string): string | null {
  for (const k of sheet.kpis) {
    for (const [level, ja] of LEVELS) {
      const title = k[level]?.title ?? "";
      const tail = ratingTail(title);
      if (tail)
        return `${name(k)}の${ja}名「${title}」の末尾に評価(「${tail}」)が入っています。${ja}全体の評価を名前の一部として読んだおそれがあります`;
    }
    const tail = ratingTail(k.indicator ?? "");
    if (tail)
      return `${name(k)}の名前の末尾に評価の欄名(「${tail}」)があります。見出しの行(施策名とその評価)を指標の行として読んだおそれがあります`;
  }
  return null;
}
