/**
 * A value column whose header prints a year the reader did not read (「2019実績値」 before the glued
 * western year was known: every value then took the title's year, and the sheet was written with the
 * wrong year, exit 0) is refused, naming the column: a year printed over values says which year they
 * are, and a reading that lost it is not to be written. Years the header's own rules set aside (a
 * bracketed 「(R1)」 already read, a 「2017」 inside a word) are read or not years, so only a bare
 * year-like run next to the value's words counts.
 */
import type { ColumnMeaning } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { NotASheet } from "./types.ts";

const VALUE_FIELDS = new Set(["baseline", "actual", "target", "finalTarget"]);
/**
 * 「2019」, 「R1」, 「平成31」, 「令和元」 not inside a longer number; a bare year in brackets (「実績値(24年度)」
 * with no era to count it in: two such columns were read as the title's one year).
 */
const YEARISH =
  /(?<![\d.,])(?:(?:19|20)\d{2}|(?:令和|平成|[RH])\s?(?:元|\d{1,2}))(?![\d.,])|[(（]\d{1,2}年度?[)）]/;

export function unreadHeaderYear(m: ColumnMeaning): string | null {
  if (!VALUE_FIELDS.has(m.field) || m.period || m.confirmed) return null;
  return YEARISH.exec(squash(m.header))?.[0] ?? null;
}

export function checkHeaderYearsRead(
  segments: readonly { header: { columns: readonly ColumnMeaning[] } }[],
): void {
  for (const s of segments)
    s.header.columns.forEach((m, col) => {
      const year = unreadHeaderYear(m);
      if (year === null) return;
      throw new NotASheet(
        "unrecognised_columns",
        `${col + 1}列目「${m.header}」は年度「${year}」を含む見出しですが、その年度が読み取れません。値を別の年度として書かないよう取り込みません。` +
          `列の意味を --profile で指定してください(例: {"columns":[{"col":${col + 1},"field":"${m.field}","year":${/^(19|20)\d{2}$/.test(year) ? year : 2023}}]})`,
      );
    });
}
