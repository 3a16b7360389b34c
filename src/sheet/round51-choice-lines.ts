import { squash } from "./columns.ts";

/**
 * 「今後の方針 事業の発展/事業の継続/事業の改善/事業の中止/事業の終了」 on a row of its own under the table (a
 * worksheet's legend lines): one of the table's own column names, then the choices that column takes — a
 * legend of the column, not the last row's continuation. Two choices at least, each short, set apart by 「/」,
 * 「・」, 「、」 or 「,」 (a sentence after a column's name is no list).
 */
export function isColumnChoiceLine(text: string, columns: readonly { header: string }[] = []): boolean {
  const t = text
    .replace(/<br\s*\/?>/gi, " ")
    .normalize("NFKC")
    .trim();
  for (const { header } of columns) {
    const h = squash(header);
    if ([...h].length < 2 || !t.startsWith(h)) continue;
    // (The column's name set off by a space or a colon: 「今後の方針事業…」 glued is no such line.)
    const rest = /^\s*[:：]\s*|^\s+/.exec(t.slice(h.length));
    if (!rest) continue;
    const items = t
      .slice(h.length + rest[0].length)
      .split(/\s*[/／・、,，]\s*/)
      .filter((x) => x !== "");
    if (items.length >= 2 && items.every((x) => [...x].length <= 15 && !/[。]/.test(x))) return true;
  }
  return false;
}

/**
 * A row of choices under the table, not a row of it: circled choices (「<今後の方針> ①事業の継続 ②事業の発展(…)
 * …」, two at least) or a column's name before its choices (above).
 */
export function isChoiceList(text: string, columns: readonly { header: string }[] = []): boolean {
  return (text.match(/[①-⑳]/g) ?? []).length >= 2 || isColumnChoiceLine(text, columns);
}
