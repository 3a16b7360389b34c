/**
 * Which level of the plan a heading line names (「基本目標1 …」, 「■施策① …」, 「〈基本目標②〉…」,
 * 「施策の方向性 (1)…」), and the marks before a heading that are no part of it.
 */
import { squash } from "./columns.ts";
import { colonsForOtherSeparators } from "./legend-pair-forms.ts";
import { LEVEL_NUMBER, LEVEL_WORD, levelOfWord } from "./level-words.ts";
import { numberBeforeLevel } from "./round47-level-lines.ts";
import { stripHeadingRating } from "./round52-heading-rating.ts";

/**
 * 「〈基本目標①〉まちに安定した雇用をつくる」: a level's name and number in angle brackets, then its title
 * (a browser's PDF may give the brackets as U+2329 / U+232A, the same glyphs). The number may be a Roman
 * numeral (別海町's 「<基本目標Ⅰ> 町の産業を担う…」, as plans count their goals Ⅰ Ⅱ Ⅲ).
 */
export const BRACKETED_LEVEL = new RegExp(
  // (「【基本目標1】…」, 「<第1章> …」: lenticular brackets and a plan's chapters too — every level word a column knows.)
  `^[〈<＜《【\u2329]\\s*((?:${LEVEL_WORD})\\s*${LEVEL_NUMBER}|第\\s*[0-9０-９]{1,2}\\s*(?:章|節|編))\\s*[〉>＞》】\u232a]\\s*`,
);
/**
 * 「基本目標名 1 大船渡にしごとをつくり、…」 (a 検証シート per goal): the level's word with 名 is a key, the goal's
 * number and title its value — the heading 「基本目標1 …」 printed as a form's field. Only before a number: 「施策名
 * 一覧」 or 「基本目標名」 alone is no heading.
 */
export const levelNameKey = (text: string): string =>
  // (「1. 基本目標:…」: the number before the word, round47-level-lines.ts.)
  numberBeforeLevel(text).replace(
    /^(\s*[■□◆◇●]?\s*)(大基本目標|基本目標|政策目標|基本戦略|基本施策|基本的方向|施策)名\s*[:：]?\s*(?=[0-9０-９]{1,2}[\s　.．、]|[①-⑳])/,
    "$1$2",
  );

/**
 * 「■施策① …」, 「◆基本目標1」: a mark before a heading is no part of it (nor 名 after its level's word, nor the
 * level's own rating after its title: 「施策 1 … 施策の総合評価 B」, round52-heading-rating.ts).
 */
export const stripHeadingMark = (t: string): string =>
  stripHeadingRating(levelNameKey(t).trim())
    .trim()
    .replace(/^[■□◆◇●◎・]\s*/, "")
    .replace(BRACKETED_LEVEL, "$1 ");

// 「基本目標のKGI(…)」, 「施策の評価」: a level's name followed by の says what the lines are about, no heading of one.
// (Matched against every level word, longest first, so that 「政策分野Ⅰ-2」 is not read as 「政策」; the words other than
// these name a level only with their number right after them: numberedWordLevel.)
const HEADING = new RegExp(`^(?:【)?(${LEVEL_WORD})(?![のにご])\\s*([0-9０-９]+|[①-⑳])?`);
const HEADING_WORDS = new Set([
  "大基本目標",
  "基本目標",
  "小基本目標",
  "基本施策",
  "基本的方向",
  "施策",
  "政策目標",
  "政策",
  "重点施策",
  "基本戦略",
  "目標",
]);
/**
 * 「プロジェクト【移住・定住等の対応と環境整備】」 (枝幸町, under 「<基本目標1> …」): the group of measures a 基本目標
 * gathers, its title in 【】 — a level between the goal and the measures.
 */
export const PROJECT_LINE = /^(?:重点)?プロジェクト\s*(?:[0-9０-９]{1,2}|[①-⑳])?\s*【([^【】]+)】$/;
/** 「施策の方向性 (1)地域資源を…」: a level named by its label, then its number and title. */
export const LABELLED_LEVEL = /^(施策の方向性?|施策の柱|施策分野)\s*(?=[(（]?[0-9０-９①-⑳])/;

/**
 * 「横断的目標 デジタル実装の基礎条件整備」 (a デジタル田園都市国家構想総合戦略, beside 基本目標1〜4): the word says the
 * level's kind (横断的目標, 横断的な目標, 横断目標, 横断的な視点), not its name, and it has no number — the name
 * after it; null for any other title.
 */
/** 「横断的目標 …」 as a heading line or row between the goals' tables: a goal with no number. */
export const crossCuttingLevel = (text: string): "goal" | null =>
  crossCuttingTitle(text.trim()) ? "goal" : null;

export function crossCuttingTitle(text: string): string | null {
  return crossCuttingOrdinal(text)?.title ?? null;
}

/**
 * 「横断的目標① 多様な人材の活躍を推進する」 (a strategy printing 基本目標①〜④ and 横断的目標①②): the
 * cross-cutting goals numbered in their own series, the number right after the word — that number (0 when none).
 */
export function crossCuttingOrdinal(text: string): { no: number; title: string } | null {
  const m =
    /^(?:横断的な?|横断)(?:目標|視点|施策|取組)(?:\s*([①-⑳]|[0-9０-９]{1,2}(?![0-9０-９]))[\s:：.．、]*|[\s:：]+)(\S.*)$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const n = m[1];
  const no = !n ? 0 : /[①-⑳]/.test(n) ? n.charCodeAt(0) - 0x245f : Number(n.normalize("NFKC"));
  return { no, title: m[2]!.trim() };
}

/**
 * 「重点項目1 子育て支援の充実」, 「施策展開2 …」, 「第1章 安全・安心」: any level word a column's header knows
 * (level-words.ts), with its number right after it, names its level — the words HEADING lists read with no number too.
 */
const NUMBERED_WORD = new RegExp(
  `^(${LEVEL_WORD})\\s*${LEVEL_NUMBER}(?![0-9０-９])(?:[\\s:：.．、]|(?=[\u3040-\u30ff\u3400-\u9fff「『]))`,
);
export function numberedWordLevel(t: string): "goal" | "subgoal" | "measure" | null {
  const chapter = /^第\s*[0-9０-９]+\s*(章|節)\s*\S/.exec(t);
  if (chapter) return chapter[1] === "章" ? "goal" : "measure";
  const m = NUMBERED_WORD.exec(t);
  return m ? levelOfWord(m[1]!) : null;
}

/** Which level a heading row names. */
export function headingLevel(text: string): "goal" | "subgoal" | "measure" | null {
  if (LABELLED_LEVEL.test(squash(stripHeadingMark(text)))) return "measure";
  if (PROJECT_LINE.test(squash(stripHeadingMark(text)))) return "subgoal";
  const t = squash(stripHeadingMark(text));
  const m = HEADING.exec(t);
  // (A level's word alone — 「政策の柱」 labelling a heading 「政策の柱:…」 — names its level too.)
  if (!m || !HEADING_WORDS.has(m[1]!))
    return (
      numberedWordLevel(t) ??
      (m?.[1] === t ? levelOfWord(t) : null) ??
      (/^[①-⑳]/.test(text.trim()) ? "measure" : null)
    );
  // 「基本的方向① 雇用支援」 (a 総合戦略: 基本目標 → 基本的方向 → 具体的な施策): the level under the goal; 「政策目標1 …」
  // (鹿島市) the plan's aim at the top, as 基本目標 is; 「基本戦略① …」 under it a measure; 「政策1 …」 over 施策 the
  // broadest part, as a 政策 column is (level-words.ts).
  return levelOfWord(m[1]!) ?? "measure";
}

/**
 * The level a heading's own words name (「基本目標1 …」, 「施策の方向性 (1)…」, 「プロジェクト【…】」); null for a
 * bare circled number (「① 嬉野市に住みたい…」), whose level headingLevel only guesses (a measure).
 */
export function namedLevel(text: string): "goal" | "subgoal" | "measure" | null {
  const t = squash(stripHeadingMark(text));
  const word = HEADING.exec(t)?.[1];
  return LABELLED_LEVEL.test(t) ||
    PROJECT_LINE.test(t) ||
    (word && HEADING_WORDS.has(word)) ||
    numberedWordLevel(t)
    ? headingLevel(text)
    : null;
}

/**
 * Whether a row's first text stands where a heading row puts it: in the table's first column, or
 * after a No. column the heading row leaves empty (「| | 基本目標2 … | |」) — and after a column with
 * no name, a margin kept in the table because the title was merged across it. Further right, a
 * level's words are a cell of a row, not its heading.
 */
export function atHeadingColumn(
  cells: readonly string[],
  columns: readonly { field: string; header: string }[] | undefined,
): boolean {
  const at = cells.findIndex((c) => squash(c) !== "");
  if (at === 0) return true;
  if (!columns || at < 0 || at > 2) return false;
  return columns.slice(0, at).every((m) => m.field === "no" || squash(m.header) === "");
}

/**
 * 「≪成果と見直し≫ …」 alone on a row under an indicator: a note on it — not 「〈基本目標②〉まちへの…」 (a level's
 * heading), nor 「【1次評価】の評価 A:KPIを達成した B:…」 (a legend whose heading opens with a bracketed name:
 * two labelled pairs or more say so).
 */
export function noteUnderIndicator(text: string): boolean {
  const t = text.trim();
  return (
    /^[≪《〈＜<【][^≫》〉＞>】]{1,12}[≫》〉＞>】]/.test(t) &&
    !BRACKETED_LEVEL.test(t) &&
    // (「【達成状況の区分】 A…目標値を達成した B…」: labels set off by 「…」 or 「→」 are a legend's as 「A:」 is.)
    (colonsForOtherSeparators(t).match(/[A-ZＡ-Ｚ◎○〇△×]\s*[:：]/g) ?? []).length < 2
  );
}
