import type { Ordinal } from "../core/sheet.ts";
import { BRACKETED_LEVEL, headingLevel } from "./general-values.ts";
import { crossCuttingLevel, levelNameKey, PROJECT_LINE } from "./heading-levels.ts";
import { LEVEL_NUMBER, LEVEL_WORD } from "./level-words.ts";
import { ROMAN_CODE, readOrdinal } from "./read-ordinal.ts";
import { levelWordFirst } from "./round47-level-lines.ts";
import { bareGoalLine, bracketNumberedLevel } from "./round50-levels.ts";
import { joinWrap, splitLines } from "./text-lines.ts";

/**
 * Lines around a table that say what it lists or where its rows sit in the plan: 「基本目標の進捗状況」
 * (数値目標), 「重要業績評価指標(KPI)」, 「(ⅰ)基本目標 …。」, 「■施策① …」, 「施策群:…」.
 */

/** 「基本目標1 …」 is a heading of a goal, 「基本目標の進捗状況」 a section. */
export const headingLevelNumbered = (t: string) => /^【?基本目標\s*([0-9０-９]|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])/.test(t);

// (Every level word a column's header knows, level-words.ts: 「政策の柱1:…」 as 「基本目標1:…」.)
export const LABELLED_HEADING = new RegExp(
  `^【?(${LEVEL_WORD})(群)?\\s*([0-9０-９]{1,2}|[①-⑳])?】?\\s*[:：]\\s*(\\S.*)$`,
);
/**
 * A cell's labelled heading (「施策群:民間投資の活性化」), its lines joined: an author's <br>, or a wrap
 * in a narrow cell of a PDF (「施策群:民間投資の活\n性化」 in a Word table) — a heading is one line.
 * [label, 群, title]; the title keeps the level's number printed before the colon (「基本目標1:若い世代の…」 →
 * 「1 若い世代の…」), read as the level's own.
 */
export const labelledHeading = (
  cell: string,
): readonly [string, string, string | undefined, string] | null => {
  const m = LABELLED_HEADING.exec(
    // (「2. 基本目標:…」: the number before the level's word, round47-level-lines.ts.)
    levelWordFirst(
      splitLines(cell.replace(/<br\s*\/?>/gi, ""))
        .reduce(joinWrap, "")
        .trim(),
    ),
  );
  return m ? [m[0], m[1]!, m[2], m[3] ? `${m[3]} ${m[4]}` : m[4]!] : null;
};
export const SECTION_GOALS = /^【?(数値目標|基本目標の数値目標|成果指標)】?$/;
// (「具体的な施策1 地場産業の振興」 with its number is a level's heading, not the section's name: level-words.ts.)
export const SECTION_KPIS = new RegExp(
  `^【?(重要業績評価指標|重要業績指標|KPI|(?:主な施策|具体的な施策)(?!\\s*${LEVEL_NUMBER})|活動指標|業績指標|事業指標)`,
  "i",
);
/** A heading printed above a table (outside it): 「基本目標の進捗状況」 heads 数値目標, 「重要業績指標(KPI)の…」 KPIs. */
export const HEADING_GOALS =
  /^【?(数値目標|基本目標の(数値目標|進捗|達成|評価)|基本目標(に係る|の)?指標|成果指標)/;
export const HEADING_KPIS = /重要業績|KPI|活動指標|業績指標|事業指標/i;
/** 「(ⅰ)基本目標 …」, 「■施策① …」: the enumerator or mark before a section's or heading's words. */
export const sectionText = (t: string): string =>
  t
    .trim()
    .replace(/^[(（]\s*[ⅰ-ⅹivx]+\s*[)）]\s*/i, "")
    // 「1 数値目標」 / 「2 KPI」 (a list's two parts, 神奈川県): the part's number before a section's bare name.
    .replace(/^[0-9０-９]{1,2}[\s　]+(?=(?:数値目標|重要業績評価指標|KPI)(?:[(（]KPI[)）])?$)/i, "")
    .replace(/^[■□◆◇●]\s*/, "")
    // 「《具体的な取組み内容と…重要業績評価指標(KPI)》」: a section line wrapped in double angle brackets.
    .replace(/^[《≪]([^《》≪≫]+)[》≫]$/, "$1");
/** 「(ⅰ)基本目標 市内で…進めます。」: the goal's statement, over the table of its 数値目標. */
const GOAL_STATEMENT = /^基本目標[^0-9０-９①-⑳ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ:：の].*。$/;
/** 「総合戦略の具体的施策 ①地域で暮らすためのしごとをつくる」 above the first table: the sheet's top level. */
const TITLE_LEVEL = /(基本目標|具体的施策|施策|政策)\s*([①-⑳])\s*(\S.*)$/;
/** A line naming the part of the sheet below it (数値目標, KPI, 具体的な施策 …), after its enumerator or marks. */
export const isSectionLine = (text: string): boolean => {
  const t = sectionText(text).replace(/\s+/g, "");
  return SECTION_GOALS.test(t) || SECTION_KPIS.test(t) || HEADING_KPIS.test(t) || isSectionGoals(t);
};
export const isSectionGoals = (t: string) =>
  (HEADING_GOALS.test(t) || GOAL_STATEMENT.test(t)) && !HEADING_KPIS.test(t) && !headingLevelNumbered(t);

/**
 * 「Ⅰ 安全で豊かなくらしの実現」, 「政策分野Ⅰ-1 自助・共助・…」: a line that is only a Roman numeral (and the
 * code of a part under it) before a short title is the plan's numbering itself, a heading with no mark: the
 * numeral alone the broadest level (goal), a code under it the level the rows sit in (measure).
 */
export function romanCodeLevel(text: string): "goal" | "measure" | null {
  const t = text.trim();
  if (/[。、,，]/.test(t) || t.length > 60) return null;
  if (ROMAN_CODE.test(t)) return "measure";
  // 「第1章住みつづけたい快適なまち」 (a town's 総合計画, printed with or without a space): a chapter of the plan
  // over the tables below is their broadest level, a 節 the level the rows sit in.
  const part = /^第\s*[0-9０-９]+\s*(章|節)\s*\S/.exec(t);
  if (part) return part[1] === "章" ? "goal" : "measure";
  return /^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][\s　]+\S/.test(t) ? "goal" : null;
}

/**
 * 「政策目標1 鹿島の…を生み出す」, 「基本戦略① 新規就農者、…への支援」: a line with no mark that is a level's
 * name, its number and a short title (no sentence: no 「。」) is the plan's heading as a marked one is.
 */
const NUMBERED_LEVEL_LINE = new RegExp(
  `^${LEVEL_WORD}\\s*(${LEVEL_NUMBER})([\\s　]+|\\s*[:：]\\s*|(?=[\u3040-\u30ff\u3400-\u9fff「『]))\\S`,
);
export function numberedLevelLine(text: string): boolean {
  const t = text.trim();
  return (
    !/。/.test(t) &&
    t.length <= 60 &&
    // (A word processor's PDF may print the space after the number as its autospacing: 「政策目標1鹿島の…」.)
    // (「基本目標1「にぎわい・感動とくしま」」: the title in brackets right after the number.)
    // (「基本目標1:若い世代の…」: a colon after the number, as a label before its title.)
    NUMBERED_LEVEL_LINE.test(t)
  );
}

export type Headings = Partial<Record<"goal" | "subgoal" | "measure", Ordinal>>;

/** The last level heading printed above the first table (「…具体的施策 ①…」): the goal of every row. */
export function titleHeading(lines: readonly string[]): Headings {
  const m = lines
    .map((t) => TITLE_LEVEL.exec(t.replace(/<br\s*\/?>/gi, "")))
    .filter((x) => x !== null)
    .at(-1);
  const top: Headings = m ? { goal: readOrdinal(`${m[2]}${m[3]}`) } : {};
  // Title rows (an Excel sheet's first rows) may name a level in a heading's own form (「【基本目標1 …】」).
  return headingsIn(
    lines.map((text) => ({ text })),
    top,
  );
}

/**
 * Headings of a level printed between tables with a mark (「■施策① 農林業の振興」) head the rows below,
 * also over a table whose header repeats the one before; a new goal clears the levels under it.
 */
export function headingsIn(lines: readonly { text: string }[], heading: Headings): Headings {
  let out = heading;
  for (const line of lines) {
    const o = { text: levelNameKey(line.text) };
    // A mark (■施策①) or a numbered level in 【】 (「【基本目標1 魅力的な…】」) makes a line a heading.
    const marked =
      /^[■□◆◇●]/.test(o.text.trim()) ||
      /^【.*】$/.test(o.text.trim()) ||
      BRACKETED_LEVEL.test(o.text.trim()) ||
      PROJECT_LINE.test(o.text.trim());
    const level =
      (marked || numberedLevelLine(o.text) ? headingLevel(o.text) : romanCodeLevel(o.text)) ??
      subCodeLevel(o.text, out) ??
      bracketNumberedLevel(o.text, !!out.goal?.no) ??
      bareGoalLine(o.text) ??
      // 「横断的目標 デジタル実装の基礎条件整備」 between the goals' tables: a goal with no number (heading-levels.ts).
      crossCuttingLevel(o.text);
    if (!level) continue;
    out = { ...out, [level]: unquoted(readOrdinal(o.text)) };
    if (level === "goal") out = { goal: out.goal };
  }
  return out;
}

/** 「-政策目標1-」, 「―基本目標2―」, 「<基本目標3>」: a level's name and number alone between marks. */
export const LEVEL_DIVIDER =
  /^[-‐－―ー〜~<＜〈]+\s*(大基本目標|基本目標|政策目標|基本戦略|基本施策|施策|政策)\s*([0-9]{1,2}|[①-⑳])\s*[-‐－―ー〜~>＞〉]+$/;

/** A row's only text is a sentence (ends with 「。」, over 20 characters): a statement, not a KPI's cells. */
export const isLoneSentence = (t: string): boolean => t.length > 20 && /。$/.test(t);

/** 「基本目標1「にぎわい・感動とくしま」」: brackets around the whole title are no part of it. */
const unquoted = (o: Ordinal): Ordinal => {
  const m = /^[「『]([^「」『』]+)[」』]$/.exec(o.title);
  return m ? { no: o.no, title: m[1]! } : o;
};

/**
 * 「1-1 ひろがる交流とくしまづくり」 under 「基本目標1 …」 (徳島県): a code whose first part is the goal's number
 * and no level word — the part of that goal the rows below sit in, the level under it. (Under no goal, or
 * another goal's number, the line says nothing certain: no heading.)
 */
function subCodeLevel(text: string, above: Headings): "subgoal" | null {
  // (A word processor's PDF prints the space after the code as its autospacing: 「1-1ひろがる…」.)
  const m = /^([0-9０-９]{1,2})[-－‐]([0-9０-９]{1,2})(?:[\s　]+|(?=[\u3040-\u30ff\u3400-\u9fff]))\S/.exec(
    text.trim(),
  );
  if (!m || /[。、,，]/.test(text) || text.trim().length > 60 || !above.goal?.no) return null;
  return Number(m[1]!.normalize("NFKC")) === above.goal.no && !above.subgoal ? "subgoal" : null;
}

/**
 * A row whose only cell is in a 番号 column and holds a number and a title (「1 空港の利用促進」, the
 * rows under it numbered 1, 2, … there): a heading of the level under the deepest the headings above give.
 */
export function rowHeadingLevel(
  text: string,
  firstField: string | undefined,
  above: Headings,
): "goal" | "subgoal" | "measure" | null {
  const level =
    headingLevel(text) ??
    romanCodeLevel(text) ??
    bareGoalLine(text) ??
    bracketNumberedLevel(text, !!above.goal?.no) ??
    crossCuttingLevel(text);
  if (level || firstField !== "no") return level;
  // (Wrapped in the narrow column, the space lost in a word processor's PDF: 「1空港の利用\n促進」.)
  const t = splitLines(text).join("").trim();
  if (!/^[0-9０-９]{1,2}(?:[\s　]+|(?=[\u3040-\u30ff\u3400-\u9fff]))[^\s0-9０-９]/.test(t)) return null;
  if (/[。、,，]/.test(t) || t.length > 40) return null;
  return above.goal && !above.subgoal ? "subgoal" : "measure";
}
