/**
 * A header's second row naming the columns of the groups above it (神石高原町: 「【1次評価】内部での評価」 over
 * 評価 | 評価の理由, 「策定委員会の評価【2次評価】」 over 「KPI達成に有効であったと評価した委員数」 | … | 意見), where
 * the names are longer than a sub-header's short words: the row is told by where its cells stand, not by
 * their length — every name under a group that spans two columns or more, every column of such a group
 * named, nothing under the columns the row above names alone.
 */
import { isEmpty, squash } from "./columns.ts";
import { withoutChoices } from "./header-choices-text.ts";

/** Each group of the row above: its first and last column (a name printed once over empty cells, or repeated by Excel). */
function spans(top: readonly string[], width: number): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (let i = 0; i < width; i++) {
    if (isEmpty(top[i] ?? "")) continue;
    let last = i;
    while (last + 1 < width && (isEmpty(top[last + 1] ?? "") || squash(top[last + 1]!) === squash(top[i]!)))
      last++;
    out.push({ first: i, last });
    i = last;
  }
  return out;
}

export function namesUnderGroups(top: readonly string[], bottom: readonly string[]): boolean {
  const width = Math.max(top.length, bottom.length);
  const name = (c: string) => squash(withoutChoices(c));
  // Names, not a row of data: no figures, no sentences.
  const filled = bottom.filter((c) => !isEmpty(c));
  if (filled.length < 2 || filled.some((c) => /[0-9。]/.test(name(c)) || name(c).length > 40)) return false;
  // A trailing empty column (a table that ends before the worksheet does) belongs to no group.
  let end = width;
  while (end > 0 && isEmpty(top[end - 1] ?? "") && isEmpty(bottom[end - 1] ?? "")) end--;
  let groups = 0;
  for (const s of spans(top, end)) {
    const under = bottom.slice(s.first, s.last + 1);
    if (s.first === s.last) {
      // A column named alone above: nothing below it (or the same name, Excel repeating a merge down).
      const b = under[0] ?? "";
      if (!isEmpty(b) && squash(b) !== squash(top[s.first]!)) return false;
      continue;
    }
    const named = under.filter((c) => !isEmpty(c)).length;
    if (named === 0) continue;
    if (named !== under.length) return false;
    groups++;
  }
  // Every name stands under a group (none under an empty cell before the first name above).
  const firstNamed = top.findIndex((c) => !isEmpty(c));
  if (bottom.slice(0, Math.max(firstNamed, 0)).some((c) => !isEmpty(c))) return false;
  return groups >= 1;
}
