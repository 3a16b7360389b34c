/**
 * The rounds' guards against a heading line of the plan (「基本目標名 1 …」, 「1. 基本目標:…」, 「<基本目標Ⅰ> …」) that no KPI
 * carries at any level: the heading was not read, and the KPIs under it were given another level's title with exit 0.
 * Each guard keeps its own pattern (it must see the line whether or not the reading rule does); the walk is one.
 */
import type { Sheet } from "../core/sheet.ts";
import { isEmpty, squash } from "./columns.ts";
import { levelOfWord } from "./level-words.ts";
import { readOrdinal } from "./read-ordinal.ts";
import type { SourceTable } from "./types.ts";

/** The texts of the table's lines outside its grid: prose lines, and rows of one filled cell (a worksheet's). */
export function outsideLines(table: SourceTable): { row: number; text: string }[] {
  const lone = table.rows.flatMap((r) => {
    const filled = [...new Set(r.cells.filter((c) => !isEmpty(c)))];
    return filled.length === 1 ? [{ row: r.row, text: filled[0]! }] : [];
  });
  return [...table.outside, ...lone];
}

/**
 * The refusal for the first line matching `pattern` (its first group the level's title) whose title no KPI carries;
 * `numbered`: the title may still open with its own number (「Ⅰ 交流を…」), carried without it.
 */
export function lostLevelLine(
  sheet: Sheet,
  table: SourceTable,
  pattern: RegExp,
  numbered = false,
): string | null {
  const carried = new Set(
    sheet.kpis.flatMap((k) => [k.goal.title, k.subgoal.title, k.measure.title].map(squash)),
  );
  const carries = (t: string) =>
    carried.has(squash(t)) || (numbered && carried.has(squash(readOrdinal(t).title)));
  for (const o of outsideLines(table)) {
    const m = pattern.exec(o.text.replace(/<br\s*\/?>/gi, "").trim());
    if (m && !carries(m[1]!))
      return `${o.row}行目「${o.text.slice(0, 30)}」は計画の階層(番号と名前)の見出しですが、どの指標の階層にもなっていません。階層を読み違えたおそれがあります`;
  }
  return null;
}

/** 「(単位:人)」, 「- 3 -」, 「※…」, 「注1 …」: a print's own lines, no part of the plan. */
const PRINT_LINE = /^(?:[(（]?単位|[-‐－―\s\d/／]+$|[※＊*]|注\s*\d*[\s:：.．)）])/;
/** 「A:目標達成 B:…」: a legend's pairs (two labels or more). */
const LEGEND_PAIRS = /[A-ZＡ-Ｚa-e◎○〇△×☆★▲■□-]\s*[:：=＝…]/g;

/**
 * A short line printed between two parts of the table (after its first row, before its last) that nothing read:
 * carried by no KPI or numeric goal — not as a level, a name or a note — and no line the reader knows otherwise
 * (`known`: a section's name, a legend, a level's divider) nor a print's own line. Table layouts only (a card's lines
 * are its keys).
 * Between groups of rows such a line is a heading of the plan (「子育て・教育」 over its KPIs): unread, the KPIs under
 * it kept another level's title or none, with exit 0. Found by printing every layout's level column as lines above its
 * groups (scripts/relocate-levels.mts): a heading line with no level word and no number was dropped so.
 */
export function strandedLine(sheet: Sheet, table: SourceTable, known: (t: string) => boolean): string | null {
  // (Between the first KPI's row and the last's, as read: the title's lines above and the legend's below are no heading.)
  const rows = sheet.kpis.map((k) => k.row).filter((r) => r > 0);
  if (rows.length < 2) return null;
  const [first, last] = [Math.min(...rows), Math.max(...rows)];
  const carried = new Set(
    [
      ...sheet.kpis.flatMap((k) => [k.goal.title, k.subgoal.title, k.measure.title]),
      ...(sheet.numericGoals ?? []).map((g) => g.goal.title),
    ].map(squash),
  );
  const said = squash(JSON.stringify([sheet.kpis, sheet.numericGoals ?? []]));
  const lines = outsideLines(table);
  // (The title printed again on each worksheet or page: a line above the first KPI, repeated.)
  const above = new Set(lines.filter((o) => o.row < first).map((o) => squash(o.text)));
  for (const o of lines) {
    if (o.row <= first || o.row >= last || above.has(squash(o.text))) continue;
    const text = o.text.replace(/<br\s*\/?>/gi, "").trim();
    if (text.length > 60 || /。/.test(text) || PRINT_LINE.test(text)) continue;
    // (「指標②」: a label and its number, too short for a title of the plan.)
    if (text.replace(/[\s0-9０-９①-⑳Ⅰ-Ⅻ()（）.．、:：【】<>〈〉■□◆◇●]/g, "").length < 4) continue;
    if ((text.match(LEGEND_PAIRS) ?? []).length >= 2 || known(text)) continue;
    // (Read as a level, the line's title is in it: 「施策群:民間投資の活性化」 carried as 「民間投資の活性化」.)
    const title = squash(readOrdinal(text).title);
    if ([...carried].some((c) => c.length >= 2 && squash(text).includes(c))) continue;
    if (said.includes(title) || said.includes(squash(text))) continue;
    return `${o.row}行目「${text.slice(0, 30)}」は表の途中にある行ですが、どの指標にも読まれていません。計画の見出し(基本目標・施策など)なら、その階層を読み落としたおそれがあります`;
  }
  return null;
}

/** 「まちの柱1 …」, 「【重点1】…」, 「<柱Ⅱ> …」: a word of the city's own, a number, a title — a numbered heading's form. */
const NUMBERED_HEADING =
  /^[【<〈■□◆◇●]?\s*([^\s\d0-9０-９①-⑳Ⅰ-Ⅻ【】<>〈〉:：]{1,8}?)\s*([0-9０-９]{1,2}|[①-⑳]|[Ⅰ-Ⅻ])\s*(?:[】>〉]\s*[:：]?|[:：.．\s　])\s*(\S.{1,50})$/u;
/** A label and its meaning, 「A:…」 or 「4:…」. */
const LEGEND_PAIRS_ANY = /(^|\s)[^\s:：]{1,3}\s*[:：=＝]/g;
/** A document's, a figure's or a count's label (「資料1 …」, 「第2期 …」, 「表1 …」), no level of the plan. */
const NO_LEVEL_WORD = /資料|別紙|別表|様式|参考|図|表|第|期|年|度|号|回|版|月|日|注|No|その|ページ/i;

/**
 * No KPI under a goal, and a line above or between the tables
 * in a numbered heading's form whose title no KPI carries (「まちの柱1 創意工夫で…」 over the only table, its word no
 * rule knows): the goal's heading dropped as the title's line, every goal left empty with exit 0. Found by printing
 * every layout's broadest level as heading lines in a word of the city's own (WORD=… scripts/relocate-levels.mts).
 */
export function unreadNumberedHeading(sheet: Sheet, table: SourceTable): string | null {
  if (sheet.kpis.length === 0 || sheet.kpis.some((k) => k.goal.no > 0 || squash(k.goal.title) !== ""))
    return null;
  const said = squash(JSON.stringify(sheet.kpis));
  const carried = sheet.kpis.flatMap((k) => [k.subgoal.title, k.measure.title].map(squash));
  // (The line right above the first KPI's table: the title's lines above it are the document's.)
  const rows = sheet.kpis.map((k) => k.row).filter((r) => r > 0);
  if (rows.length === 0) return null;
  const first = Math.min(...rows);
  // (A Markdown table's 「---」 row under its header is no line.)
  const above = outsideLines(table).filter((o) => o.row < first && !/^[-‐－―:：|\s]*$/.test(o.text));
  // (The sheet's first line is its title: 「総合計画成果指標 2 成果指標達成状況」 numbers a document's part.)
  const title = Math.min(...outsideLines(table).map((o) => o.row));
  for (const o of above.filter((x) => x.row === Math.max(...above.map((y) => y.row)) && x.row > title)) {
    const text = o.text.replace(/<br\s*\/?>/gi, "").trim();
    // (A legend's pairs, 「必要性 4:ニーズは増加… 3:…」, or a sentence: no heading.)
    if (/。/.test(text) || (text.match(LEGEND_PAIRS_ANY) ?? []).length >= 2) continue;
    const m = NUMBERED_HEADING.exec(text);
    if (!m || NO_LEVEL_WORD.test(m[1]!) || levelOfWord(m[1]!) || said.includes(squash(m[3]!))) continue;
    // (A level's title read from the line, the rest of it another thing: 「施策 1 …の強化 施策の総合評価 B」.)
    if (carried.some((c) => c.length >= 2 && squash(text).includes(c))) continue;
    return `${o.row}行目「${text.slice(0, 30)}」は番号付きの見出し(計画の階層)のようですが、どの指標の基本目標にもなっていません。見出しの語が分からず、階層を読み落としたおそれがあります`;
  }
  return null;
}
