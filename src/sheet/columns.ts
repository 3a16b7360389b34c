/** The 14 columns of an evaluation sheet, in printed order, and how their headers are recognised. */
import { SHEET_COLUMN_GROUPS_JA, SHEET_COLUMN_NAMES_JA, SHEET_COLUMNS } from "../core/sheet.ts";

export const COLUMN_KEYS = SHEET_COLUMNS;

export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const COLUMN_COUNT = COLUMN_KEYS.length;

/** Column names as printed (the year columns with the years left out): the core's one list. */
export const COLUMN_NAMES_JA = SHEET_COLUMN_NAMES_JA;

/** The group header printed above the column names, one cell per column (spanned cells empty). */
export const GROUP_HEADER: readonly string[] = SHEET_COLUMN_GROUPS_JA.flatMap((g) => [
  g.name,
  ...Array<string>(g.span - 1).fill(""),
]);

const GROUP_WORDS = new Set<string>(SHEET_COLUMN_GROUPS_JA.map((g) => g.name));

const BR_TAG = /<br\s*\/?>/gi;
const SPACES = /\s+/g;

/** A western year printed alone (「2015」 over a schedule's column): a year, not a figure. */
export const BARE_WESTERN_YEAR = /^(19|20)\d{2}$/;

/**
 * A cell's full-width letters and digits as ASCII (「ＫＰＩ①」, 「(Ｈ２６)４，３５６億円」, 「Ａ」), with
 * 「％」 and a 「，」 or 「．」 between digits: every rule reads them as it reads the half-width sheet.
 * Japanese punctuation in names and sentences (「（仮称）」, 「：」) is kept as printed.
 */
export function foldAlphanumerics(text: string): string {
  if (!FULL_WIDTH_ALNUM.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/(?<=\d)[，．](?=\d)/g, (c) => (c === "，" ? "," : "."));
}
const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]/;

/**
 * A header word spaced out to fill its cell (均等割付: 「備　考」, 「実 績 値」) as the word: a run of
 * single characters, each set off by one space. Spaces between words (「事業費 27年度」) stay.
 */
export const joinSpacedLetters = (header: string): string =>
  header.replace(/(?<!\S)[^\s\x00-\x7f](?:[ \u3000][^\s\x00-\x7f])+(?!\S)/g, (run) =>
    run.replace(/[ \u3000]/g, ""),
  );

/** A cell's text with line breaks and spaces removed and width folded, for comparing header words. */
export const squash = (text: string): string =>
  text.replace(BR_TAG, "").normalize("NFKC").replace(SPACES, "");

/** Whether a cell is empty once its line breaks and spaces are gone. */
export const isEmpty = (text: string): boolean => squash(text) === "";

/** A text to match literally inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Header words that only a column-name row contains (years removed before matching): the column
 * names, the final target's being the target's with its year.
 */
const HEADER_WORDS: readonly string[] = COLUMN_KEYS.filter((k) => k !== "finalTarget").map(
  (k) => SHEET_COLUMN_NAMES_JA[k],
);

const BRACKETED = /\(.*?\)/g;
const YEAR_OR_FINAL = /年度|最終/;

/**
 * No header word ends another one, so a cell adds at most one word to a row's score (an exact
 * match is the word itself, and a dated cell ends with only one word). That bounds the score the
 * cells not yet read can still add, which lets `isHeaderRow` stop early on data rows.
 */
const ONE_WORD_PER_CELL = HEADER_WORDS.every((w) => HEADER_WORDS.every((v) => v === w || !w.endsWith(v)));

/** How many distinct column names a row's cells carry. */
export function headerScore(cells: readonly string[]): number {
  return scoreHeader(cells, 0);
}

/** headerScore, stopping (with a lower count) once it cannot reach `needed`; 0: read every cell. */
function scoreHeader(cells: readonly string[], needed: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < cells.length; i++) {
    if (needed > 0 && seen.size + (cells.length - i) < needed) break;
    const c = cells[i]!;
    const s = squash(c).replace(BRACKETED, "");
    const dated = YEAR_OR_FINAL.test(s);
    for (const w of HEADER_WORDS) {
      if (s === w || (w.length >= 3 && dated && s.endsWith(w))) seen.add(w);
    }
  }
  return seen.size;
}

const HEADER_ROW_MIN = 9;

/** A column-name row: most of the 14 names present. */
export const isHeaderRow = (cells: readonly string[]): boolean =>
  scoreHeader(cells, ONE_WORD_PER_CELL ? HEADER_ROW_MIN : 0) >= HEADER_ROW_MIN;

/** The group header (基本情報 / 取組内容 / KPIの達成状況 / 方向性 / 担当課), with empty spacers. */
export function isGroupHeaderRow(cells: readonly string[]): boolean {
  // Stops at the first filled cell that is not a group word: most rows are data, and folding all
  // their cells (NFKC) only to reject the row was a visible share of an import.
  let filled = 0;
  for (const cell of cells) {
    const c = squash(cell);
    if (c === "") continue;
    if (!GROUP_WORDS.has(c)) return false;
    filled++;
  }
  return filled >= 3;
}

/** The seed's header: the 14 names, one 実績 column and at most two 目標 columns. */
export function isSeedHeader(cells: readonly string[]): boolean {
  if (!isHeaderRow(cells)) return false;
  const s = cells.map(squash);
  const actuals = s.filter((c) => /実績/.test(c)).length;
  const targets = s.filter((c) => /目標値/.test(c) && !/基本目標/.test(c)).length;
  const extra = s.filter((c) => /基準値|現状値|達成率|単位|方向性$/.test(c)).length;
  return actuals === 1 && targets <= 2 && extra === 0;
}
