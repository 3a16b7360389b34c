/**
 * Round 56: Excel saves a merged cell to CSV in its first cell only. A two-row header whose upper row groups the lower
 * one (「平成28年度」 merged over 実績 | 達成率, 「平成29年度」 over the same) comes out as 「平成28年度,,平成29年度,,」 over
 * 「実績,達成率,実績,達成率」: the year over its first column alone. The card reader then took the upper row for a card's
 * year grid and refused the sheet (no actual in its years), where the workbook itself reads right. The lost merge is put
 * back — the group's word copied into the empty cells after it — only where the lower row is a row of column names
 * (its first cell empty, as under the merged level columns; no figure among its cells) with a name under every cell of
 * the group, so that the CSV reads as the workbook it was saved from.
 */
import type { SourceTable } from "./types.ts";

const filled = (t: string | undefined) => (t ?? "").trim() !== "";
/** A figure, a rate or a dash: a row holding one is data, not column names. */
const FIGURE = /^[-－―ー−]?[\d,.]+\s*%?$|^[-－―ー−]$/;

export function refillLostMerges(rows: SourceTable["rows"]): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const up = rows[i]!.cells;
    const down = rows[i + 1]!.cells;
    if (filled(down[0]) || up.filter(filled).length < 3) continue;
    const names = down.filter(filled);
    if (names.length < 2 || names.some((t) => FIGURE.test(t.trim()))) continue;
    // Every name of the lower row under a group of the upper row: a filled cell, or an empty one after a filled one.
    const spans: [number, number][] = [];
    for (let c = 0; c < up.length; c++) {
      if (!filled(up[c]) || filled(up[c + 1]) || !filled(down[c]) || !filled(down[c + 1])) continue;
      let end = c + 1;
      while (end + 1 < up.length && !filled(up[end + 1]) && filled(down[end + 1])) end++;
      spans.push([c, end]);
      c = end;
    }
    if (spans.length === 0) continue;
    const covered = (c: number) => spans.some(([a, b]) => c >= a && c <= b);
    if (down.some((t, c) => filled(t) && !covered(c))) continue;
    for (const [a, b] of spans) for (let c = a + 1; c <= b; c++) up[c] = up[a]!;
    i++;
  }
}
