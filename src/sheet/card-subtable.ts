/**
 * A table inside a card: 「2 事業の概要 | 事務事業名 | 事業内容 | 担当課 | 事業費 | 交付金」, its rows below with
 * the first cell empty (「| 創業支援実践事業 | セミナーの開催 | 経済振興課 | ¥0 | ¥0 |」). Its header is no row of
 * key–value pairs — read as pairs, 「担当課 | 事業費」 made 事業費 the card's department — and its rows list the
 * project's parts (事務事業), not the card's keys: both are kept out of the card's keys.
 */
import { recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import { LEVEL_FIELDS } from "./field.ts";

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
  const fields = names.map((c) => recogniseHeader(c).field);
  // Keys with their values (「大区分 | 健康福祉 | 担当部局 | 民生部」): a level's key before a word no header
  // names, or a department's own name, is a row of pairs — a table's header names its columns only.
  if (names.some(isDepartmentName)) return false;
  if (fields.some((f, i) => LEVEL_FIELDS.has(f) && fields[i + 1] === "extra")) return false;
  return fields.filter((f) => !["extra", "year"].includes(f)).length >= 2;
}

/** 「民生部」, 「道路河川整備課」: a department's name (「担当課」, 「所管部」 name the column). */
const isDepartmentName = (c: string) => !/^(担当|所管|主管|事業担当)/.test(c) && /.(課|部|室|局|係)$/.test(c);

/** A row of that table: its first cell empty, three or more cells filled. */
export function isSubTableRow(cells: readonly string[]): boolean {
  return squash(cells[0] ?? "") === "" && cells.filter((c) => squash(c) !== "").length >= 3;
}
