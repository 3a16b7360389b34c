/** Ordinals of the plan's parts as cities number them: 「1 しごとの創生」, 「基本目標2」, 「③」, 「(1)」, 「Ⅰ-1-1」, 「第三章」. */
import type { Ordinal } from "../core/sheet.ts";
import { kanjiNumber } from "./fold-widths.ts";
import { crossCuttingOrdinal, LABELLED_LEVEL, PROJECT_LINE, stripHeadingMark } from "./heading-levels.ts";
import { LEVEL_WORD } from "./level-words.ts";
import { KATAKANA, readPartCode } from "./part-codes.ts";
import { joinTitleLines } from "./text-lines.ts";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
/** Ordinals in the order Japanese documents count with them: Ⅰ Ⅱ Ⅲ … (katakana: part-codes.ts) */
const ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ";
const OTHER_ORDINAL = new RegExp(
  `^(?:【)?(${LEVEL_WORD})?\\s*(?:[(（]([${KATAKANA}])[)）]|([${ROMAN}]))[\\s.．:：、)）】]*(.*)$`,
);
const KANJI_ORDINAL =
  /^(?:【)?(?:大基本目標|小基本目標|基本目標|基本施策|施策|政策|重点施策|第)\s*([一二三四五六七八九十]{1,3})(?:章|節|編)?[\s.．:：、)）】]+(.*)$/;
/**
 * 「I. 「訪れたい」…」, 「IV. 安全・安心」: Roman numerals written in Latin capitals (a PDF's text of Ⅰ Ⅱ Ⅲ, or typed so),
 * read only with a full stop after them and a title that does not go on in Latin letters (「I.T.」, 「V.I.P.」 stay titles).
 */
const LATIN_ROMAN =
  /^(?:大基本目標|小基本目標|基本目標|基本施策|施策|政策|目標|重点施策)?\s*(X|IX|IV|VI{0,3}|I{1,3})[.．]\s*([^\sA-Za-z0-9.．].*)$/;
const LATIN_VALUE: Record<string, number> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
};

/** A Roman numeral code of parts 「Ⅰ-1-1」 after an optional level word; group 1 the last part, 2 the title. */
export const ROMAN_CODE = new RegExp(
  `^(?:大基本目標|小基本目標|基本目標|基本施策|施策|政策分野|政策|目標|重点施策)?\\s*[${ROMAN}](?:[-－‐ー][0-9０-９]+)*[-－‐ー]([0-9０-９]+)(?![0-9０-９])[\\s.．:：、)）]*(\\S.*)$`,
);
// (Any level word a column's header knows, level-words.ts: 「重点項目1 …」 numbers its level as 「基本目標1 …」 does.)
const ORDINAL = new RegExp(
  `^(?:【)?${LEVEL_WORD}?\\s*(?:[A-ZＡ-Ｚ][-－‐])?(?:([0-9０-９]+)(?:[-－‐][0-9０-９]+)*|([①-⑳])|[(（]([0-9０-９]+)[)）])[\\s.．:：、)）】]*(.*)$`,
);

/** 「1 ◆住環境の整備対策」: a bullet between the number and the title is no part of the title. */
const BULLET = /^[\s】]*[■□◆◇●◎○・]?\s*/;
const KANJI_NUMERAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九十])";
/**
 * Numberings other offices print, written as the ones below read them (found by rewriting every layout's level
 * cells in each: read as they were, the numbering stayed in the title and the number was lost, with exit 0).
 */
const NUMBERINGS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  // 「(一) 地域経済の活性化」, 「一　…」, 「二、…」: a formal document's kanji numerals (a space or a point after them:
  // 「一人ひとりが…」 is a title).
  [new RegExp(`^[(（](${KANJI_NUMERAL})[)）]\\s*`), (m) => `(${kanjiNumber(m[1]!)}) `],
  [new RegExp(`^(${KANJI_NUMERAL})[\\s、．.]+(?=\\S)`), (m) => `${kanjiNumber(m[1]!)} `],
  // 「ア 観光の振興」, 「イ．…」: a katakana numbering unbracketed, as 「(ア)」 is read.
  [new RegExp(`^([${KATAKANA}])[\\s、．.]+(?=\\S)`), (m) => `(${m[1]}) `],
  // 「第1 安全・安心」: numbered with 第 and no 章 or 節 after it.
  [/^第\s*([0-9０-９]{1,2})[\s、．.]+(?=\S)/, (m) => `${m[1]} `],
  // 「[1] …」, 「<1> …」, 「〈1〉…」: a number in brackets of another kind.
  [/^[[［<＜〈《\u2329]\s*([0-9０-９]{1,2})\s*[\]］>＞〉》\u232a]\s*/, (m) => `(${m[1]}) `],
];
const canonicalNumbering = (t: string): string => {
  for (const [re, to] of NUMBERINGS) {
    const m = re.exec(t);
    if (m && !to(m).includes("null")) return to(m) + t.slice(m[0].length);
  }
  return t;
};

/** 「1 しごとの創生」「基本目標2 ひと」「③ 企業誘致」「(1) …」; a title without a number gets none (0). */
export function readOrdinal(text: string): Ordinal {
  const t = stripHeadingMark(joinTitleLines(text))
    .replace(LABELLED_LEVEL, "")
    // 「【基本目標1 魅力的な… ~丹波ブランドを…~】」: the closing bracket and a tagline in ~…~ are no part of the title.
    .replace(/^(【[^【】]*?)\s*[~〜～][^~〜～]*[~〜～]\s*】$/, "$1】")
    .replace(/^【([^【】]*)】$/, "$1")
    .replace(PROJECT_LINE, "$1")
    // 「⑷コンパクト・プラス・ネットワーク」: a parenthesised digit printed as one character (U+2474…) is 「(4)」.
    .replace(/^[⑴-⒇]/, (c) => `(${c.charCodeAt(0) - 0x2473})`);
  const numbered = canonicalNumbering(t);
  if (numbered !== t) return readOrdinal(numbered);
  if (t === "") return { no: 0, title: "" };
  // 「Ⅰ-1-1 ものづくり産業の振興」, 「政策分野Ⅲ-2 観光立県…」: a code of the plan's parts under a Roman
  // numeral — the last part numbers this one (the Roman numeral alone is the broadest level's). A PDF's
  // text may lose the space after the code (「Ⅰ-1-1ものづくり…」): the last digit still ends it.
  const roman = ROMAN_CODE.exec(t);
  if (roman) return { no: Number(roman[1]!.normalize("NFKC")), title: roman[2]!.trim() };
  const mixed = readPartCode(t);
  if (mixed) return mixed;
  // 「基本目標一 安定した雇用を…」, 「第二章 …」: a level numbered in kanji (after its word only:
  // 「一人ひとりが…」 is a title).
  const kanji = KANJI_ORDINAL.exec(t);
  const kanjiNo = kanji ? kanjiNumber(kanji[1]!) : null;
  if (kanji && kanjiNo) return { no: kanjiNo, title: kanji[2]!.trim() };
  const latin = LATIN_ROMAN.exec(t.normalize("NFKC"));
  if (latin) return { no: LATIN_VALUE[latin[1]!]!, title: latin[2]!.replace(BULLET, "").trim() };
  const other = OTHER_ORDINAL.exec(t);
  if (other) {
    const no = other[2] ? KATAKANA.indexOf(other[2]) + 1 : ROMAN.indexOf(other[3]!) + 1;
    return { no, title: other[4]!.replace(BULLET, "").trim() };
  }
  // 「第1章 安全・安心」, 「第4節 地域福祉」: a plan's chapters and sections.
  const part = /^第\s*([0-9０-９]+)\s*(章|節|編|款|部)[\s.．:：、]*(.*)$/.exec(t);
  if (part) return { no: Number(part[1]!.normalize("NFKC")), title: part[3]!.trim() };
  const m = ORDINAL.exec(t);
  // 「○基幹産業である酪農業、…の持続的発展」 (a plan's 基本的方向 listed as bullets, no numbers): the bullet is no
  // part of the title, as it is none of an indicator's name (general-values.ts).
  if (!m) return crossCuttingOrdinal(t) ?? { no: 0, title: t.replace(/^[○◯]\s*(?=\S{2})/, "") };
  // 「01-02 豊岡で働く魅力が…」, a bare 「1-2」: a code of the parts above and this one — the last part numbers this one
  // (glued to its title too: a word processor's PDF prints a typed space there as its autospacing).
  const code = /^([0-9０-９]+)(?:[-－‐]([0-9０-９]+))+(?=[\s.．:：、)）】\u3040-\u30ff\u3400-\u9fff]|$)/.exec(
    t,
  );
  const last = code ? /([0-9０-９]+)$/.exec(code[0])![1] : undefined;
  const digits = last ?? m[1] ?? m[3];
  const no = digits ? Number(digits.normalize("NFKC")) : CIRCLED.indexOf(m[2]!) + 1;
  return { no, title: (m[4] ?? "").replace(BULLET, "").trim() };
}
