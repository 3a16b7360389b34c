/**
 * Round 60's card rules (a 先行型 交付金's 効果検証 printed as cards, one a project):
 * - 「重要業績評価指標(KPI) | 新規立地企業数 | 単位 | 社」: a key row whose first key is a long name the reader knows
 *   (over ten characters, so no short key by its length) and whose second cell is a value no header names — the pairs
 *   start at the first cell. (A group label before a key, 「位置付け | 基本目標 | 3 …」, is a word no header names
 *   before one it does: the pairs start at the second, as before.)
 * - 「区分 | 事業開始前(H27.3) | H28.3 | H29.3」: a card's year grid headed by the dates its figures were taken (the end
 *   of each fiscal year, as the national 交付金 forms date them) — each date the fiscal year it closes (「H28.3」:
 *   平成27年度), as target-month.ts reads a 目標年月.
 */
import { recogniseHeader } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { fiscalYearOfMonth } from "./target-month.ts";
import { NotASheet } from "./types.ts";

/** Whether a key row's pairs start at its first cell: a known long key, then a value no header names. */
export function knownLongKeyFirst(cells: readonly string[]): boolean {
  const first = squash(cells[0] ?? "");
  if (first.length <= 10 || /[:：。]/.test(first)) return false;
  const key = recogniseHeader(first);
  if (key.field === "extra" || key.period) return false;
  return !isEmpty(cells[1] ?? "") && recogniseHeader(cells[1] ?? "").field === "extra";
}

/** 「H28.3」, 「R4.3」, 「2016.3」 alone in a grid's header: the fiscal year the date closes (null for any other cell). */
export function gridDateYear(cell: string): number | null {
  const t = squash(cell);
  // (A full date with 年 and 月 is a title's or a key's: the grid prints the short form.)
  if (!/^(?:H|R|平成|令和|(?:19|20)\d{2})/.test(t) || /年度/.test(t)) return null;
  return fiscalYearOfMonth(t);
}

/**
 * 「H27.9 | H28.3」: two dates of one grid closing the same fiscal year (a half-year's figure beside the year's) — which
 * one is the year's figure the grid does not say; refused, naming both cells, rather than one read over the other.
 */
export function checkGridDates(cells: readonly string[]): void {
  const seen = new Map<number, string>();
  for (const c of cells) {
    const y = gridDateYear(c);
    if (y === null) continue;
    const before = seen.get(y);
    if (before !== undefined)
      throw new NotASheet(
        "implausible_reading",
        `年度の見出しの「${squash(before)}」と「${squash(c)}」はどちらも${y}年度(4月〜翌3月)の日付です。どちらが${y}年度の値か決められません。` +
          "読み違いを避けるため取り込みません。--profile で列の意味(年度)を指定してください",
      );
    seen.set(y, c);
  }
}
