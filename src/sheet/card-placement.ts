/**
 * Where a card's project sits in the plan, printed as labelled lines rather than keys of their own (今治市's 事業
 * 実施結果 個票, one card per 交付対象事業):
 * - 「基本目標:1.だれもがこの地で…」 alone on the card's first row: a level's word, a colon, the level — the card's goal
 *   (a heading as 「基本目標1 …」 is between tables).
 * - 「総合戦略における位置づけ | 具体的施策:(イ)地域の… 」 and 「| 取組:②地域産業の…」 below it: a key that only
 *   groups its lines (no field of its own), each line a level's word (具体的施策, 施策, 取組 …), a colon, its number
 *   and title — the plan's levels above the project, broadest first, the last the level the project is in (the
 *   measure), the one before it the subgoal. (取組 as a key of its own names a project; in such a line, a level.)
 * - 「1.起業創業支援事業」, 「2.6次産業化推進事業」, … one per card: the cards' own list numbers, not the names'
 *   (「2.6次」 is 2 and 6次産業化 only because the cards count 1, 2, 3).
 */
import type { Card } from "./card-parts.ts";
import { recogniseHeader } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { labelledHeading } from "./section-headings.ts";

const LEVEL_WORD = /^(基本目標|基本施策|基本的方向|具体的な?施策|施策|政策|取組|取り組み|主な取組)$/;
const LABELLED_LINE = /^\s*([^:：\s]{1,8})\s*[:：]\s*(\S.*)$/s;
const placed = new WeakMap<Card, string[]>();
/** A goal's row read after a card's KPIs: the next card's goal. */
const next = new WeakMap<Card, string>();

/** A lone 「基本目標:1.…」 row: the card's goal (true when read). */
const goalOf = (text: string): string | null => {
  const h = labelledHeading(text);
  return h && recogniseHeader(h[1]).field === "goal" ? h[3] : null;
};

export function cardHeadingRow(card: Card, text: string): boolean {
  const goal = goalOf(text);
  if (goal === null || card.hierarchy.has("goal")) return false;
  card.hierarchy.set("goal", goal);
  return true;
}

/**
 * A card starting at `row` under a 「基本目標:1.…」 line a PDF's text left outside the table (the card's first row, merged
 * across it, printed as a line): the last line above the card, when it is such a heading.
 */
export function headingAbove(
  card: Card,
  outside: readonly { row: number; text: string }[],
  row: number,
  before: Card | undefined,
): void {
  const held = before ? next.get(before) : undefined;
  if (held !== undefined) card.hierarchy.set("goal", held);
  const line = outside.filter((o) => o.row < row).at(-1);
  if (line) cardHeadingRow(card, line.text);
}

/** A 「具体的施策:(イ)…」 line under a grouping key (or under nothing, the key merged down): held for placeLevels. */
export function placementLine(card: Card, cell: string, next: string): boolean {
  // (Under a key merged down, the line is the row's first filled cell, nothing after it.)
  const [key, value] = isEmpty(next) ? ["", cell] : [cell, next];
  const m = LABELLED_LINE.exec(squash(value.replace(/<br\s*\/?>/gi, "")));
  if (!m || !LEVEL_WORD.test(m[1]!)) return false;
  if (!isEmpty(key) && recogniseHeader(key).field !== "extra") return false;
  placed.set(card, [...(placed.get(card) ?? []), m[2]!]);
  return true;
}

/**
 * A lone row's text read as the card's goal (「基本目標:1.…」) or, right under a placement line (its key merged down over
 * both), as the next line (「取組:②…」).
 */
export function cardLineRead(card: Card, text: string): boolean {
  // (A card that has read its KPIs is over: a goal's row after them, in a worksheet of cards stacked down, heads the
  // next card, which begins at its first key — held for it, see headingAbove.)
  const goal = goalOf(text);
  if (card.kpis.length > 0 && goal !== null) {
    next.set(card, goal);
    return true;
  }
  return cardHeadingRow(card, text) || (placed.has(card) && placementLine(card, "", text));
}

/** The held lines as the card's levels: the last the measure, then subgoal, goal, where the card has none. */
export function placeLevels(cards: readonly Card[]): void {
  for (const card of cards) {
    const lines = placed.get(card) ?? [];
    const levels = (["measure", "subgoal", "goal"] as const).slice(0, lines.length);
    levels.forEach((level, i) => {
      if (!card.hierarchy.has(level)) card.hierarchy.set(level, lines[lines.length - 1 - i]!);
    });
  }
  // The cards' projects numbered 1., 2., … in order: the numbers are the list's.
  // (Cards with no project — a list sheet, a title's card — are no part of the list.)
  const listed = cards.filter((c) => (c.hierarchy.get("initiatives") ?? "") !== "");
  const names = listed.map((c) => c.hierarchy.get("initiatives")!);
  const numbered = (n: string, i: number) => new RegExp(`^\\s*${i + 1}\\s*[.．]\\s*(?=\\S)`).exec(n);
  if (names.length < 2 || !names.every((n, i) => numbered(n, i))) return;
  listed.forEach((c, i) => {
    c.hierarchy.set("initiatives", names[i]!.slice(numbered(names[i]!, i)![0].length));
  });
}
