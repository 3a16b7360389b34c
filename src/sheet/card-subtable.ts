/**
 * A table inside a card: 「2 事業の概要 | 事務事業名 | 事業内容 | 担当課 | 事業費 | 交付金」, its rows below with
 * the first cell empty (「| 創業支援実践事業 | セミナーの開催 | 経済振興課 | ¥0 | ¥0 |」). Its header is no row of
 * key–value pairs — read as pairs, 「担当課 | 事業費」 made 事業費 the card's department — and its rows list the
 * project's parts (事務事業), not the card's keys: both are kept out of the card's keys.
 */
import { recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";

/**
 * Whether a card's row is the header of a table inside it: after its first cell (the item's name),
 * three or more short names with no figures, two or more of them names of columns the reader knows.
 */
export function isSubTableHeader(cells: readonly string[]): boolean {
  const names = cells
    .slice(1)
    .map(squash)
    .filter((c) => c !== "");
  if (names.length < 3 || !names.every((c) => c.length <= 8 && !/[0-9０-９]/.test(c))) return false;
  return names.filter((c) => !["extra", "year"].includes(recogniseHeader(c).field)).length >= 2;
}

/** A row of that table: its first cell empty, three or more cells filled. */
export function isSubTableRow(cells: readonly string[]): boolean {
  return squash(cells[0] ?? "") === "" && cells.filter((c) => squash(c) !== "").length >= 3;
}
