/**
 * A table typed with full-width letters and digits (「ＫＰＩ①」, 「(Ｈ２６)４，３５６億円」, 「Ａ」), or
 * with its era years in kanji as formal documents print them (「令和五年度」, 「平成二十七年度」), read as
 * the same table typed with half-width digits: every reader's patterns are written for one form, and
 * an office that types the other is as common as one that does not. Reported once, with how many cells.
 * A year printed in both calendars (「令和元(2019)年度」, 「2014(平成26)年度」, 「2019年度(令和元年度)」) is read as one:
 * the second only glosses the first when the two agree (left as printed when they do not, and in sentences).
 */
import { findEra, warekiToGregorian } from "../core/wareki.ts";
import { foldAlphanumerics } from "./columns.ts";
import type { ImportIssue, SourceTable } from "./types.ts";

export function foldTableWidths(table: SourceTable): { table: SourceTable; issue: ImportIssue | null } {
  let cells = 0;
  let example: [string, string] | null = null;
  const fold = (text: string) => {
    const once = foldKanjiEraYears(foldAlphanumerics(text));
    // (A sentence keeps its years as written: 「平成29(2017)年度に比べると…」 is a reason, read as text.)
    const folded = /[。、]/.test(once) ? once : foldDualYears(once);
    if (folded !== text) {
      cells++;
      example ??= [text, folded];
    }
    return folded;
  };
  const folded: SourceTable = {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(fold) })),
    outside: table.outside.map((o) => ({ ...o, text: fold(o.text) })),
  };
  const ex = example as [string, string] | null;
  return {
    table: folded,
    issue: ex
      ? {
          row: null,
          column: null,
          kind: "width_folded",
          before: ex[0].slice(0, 80),
          after: ex[1].slice(0, 80),
          confidence: "high",
          message: `全角の英数字や漢数字の年、二通りに書かれた年を一つの書き方に揃えて読みました(${cells}セル。例:「${ex[0].slice(0, 20)}」→「${ex[1].slice(0, 20)}」)`,
        }
      : null,
  };
}

const KANJI_DIGITS = "〇一二三四五六七八九";
/** 「五」 → 5, 「二十七」 → 27, 「三十」 → 30; null for what is no number of 1–99. */
export function kanjiNumber(k: string): number | null {
  const ten = k.indexOf("十");
  const digit = (d: string) => (d === "" ? null : KANJI_DIGITS.indexOf(d));
  if (ten < 0) return k.length === 1 ? digit(k) : null;
  const tens = ten === 0 ? 1 : digit(k.slice(0, ten));
  const ones = k.slice(ten + 1) === "" ? 0 : digit(k.slice(ten + 1));
  if (tens === null || ones === null || tens < 0 || ones < 0 || ten > 1 || k.length - ten > 2) return null;
  return tens * 10 + ones;
}

/**
 * 「令和五年度」 → 「令和5年度」, 「平成二十七年」 → 「平成27年」 (only a year after an era's name), also
 * where a header wrapped in its cell between the era and its year (「平成<br>二十七年度目標値」: the
 * year was lost and the title's year read as the evaluated one, exit 0).
 */
export function foldKanjiEraYears(text: string): string {
  if (!/(令和|平成|昭和)(<br\s*\/?>|\n)?[〇一二三四五六七八九十]/.test(text)) return text;
  return text.replace(
    /(令和|平成|昭和)(<br\s*\/?>|\n)?([〇一二三四五六七八九十]{1,4})(?=年)/g,
    (all, era, br, k) => {
      const n = kanjiNumber(k);
      return n && n > 0 ? `${era}${br ?? ""}${n}` : all;
    },
  );
}

const ERA = "令和|平成|昭和|[RHS]";
const same = (era: string, n: string, western: string) => {
  const e = findEra(era);
  return (
    e !== null && e !== undefined && warekiToGregorian(e, n === "元" ? 1 : Number(n)) === Number(western)
  );
};
/** 「令和元(2019)年度」 → 「令和元年度」, 「2014(H26)年度」 → 「2014年度」, where the two years are one (see above). */
export function foldDualYears(text: string): string {
  if (!/\d/.test(text)) return text;
  // 「H.28」, 「R.3年度」: an era's letter with a point; 「FY2019」: a fiscal year in English.
  const plain = text
    .replace(/(?<![A-Za-z])([RH])[.．](元|\d{1,2})(?![\d.])/g, "$1$2")
    .replace(/(?<![A-Za-z])FY\s?((?:19|20)\d{2})(?!\d)/g, "$1年度");
  if (!/[(（]/.test(plain)) return plain;
  return (
    plain
      // 「令和元(2019)年度」, 「平成26年度(2014年度)」: the era's year first.
      .replace(
        new RegExp(`(${ERA})(元|\\d{1,2})(年度?)?[(（]((?:19|20)\\d{2})(?:年度?)?[)）](年度?)?`, "g"),
        (all, era, n, inner, western, outer) =>
          same(era, n, western) && (inner || outer) ? `${era}${n}${inner ?? outer}` : all,
      )
      // 「2019(令和元)年度」, 「2014年度(平成26年度)」: the western year first.
      .replace(
        new RegExp(`((?:19|20)\\d{2})(年度?)?[(（](${ERA})(元|\\d{1,2})(?:年度?)?[)）](年度?)?`, "g"),
        (all, western, inner, era, n, outer) =>
          same(era, n, western) && (inner || outer) ? `${western}${inner ?? outer}` : all,
      )
  );
}
