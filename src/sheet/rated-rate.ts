/**
 * 「達成度 | B / 90.5%」 (宮城県's 施策評価): a column whose header names a rate (達成度) printing the KPI's
 * rating letter over its achievement rate in one cell. The column is split in two: the letter is the KPI's
 * evaluation, the percentage its printed rate. A rating column beside it printed once per group of rows
 * (評価原案 on the first row of each 施策, empty under it) rates the group, not each KPI: kept as an extra.
 * With a rating on every row beside it, two ratings would claim the KPI: nothing is changed (the rate is
 * then reported unreadable).
 */
import { squash } from "./columns.ts";
import { LEVEL_FIELDS } from "./field.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

// (The rating a letter or a scale's mark: 「○<br>90.5%」 prints 宮城県's B the way a ◎ / ○ / △ scale does.)
const RATED = /^([A-ZＡ-Ｚ][+＋]?|[◎○〇△▲×])(-?[\d,.]+[%％]|[-‐－―ー−])$/i;
const clean = (t: string) => squash(t.replace(/<br\s*\/?>/gi, ""));

/** 「B<br>90.5%」 → label B and rate 「90.5%」; null when the cell is not a letter over a rate. */
export function splitRatedRate(text: string): { label: string; rate: string } | null {
  const m = RATED.exec(clean(text));
  return m ? { label: m[1]!, rate: m[2]! } : null;
}

export function splitRatedRates(
  seg: { header: FoundHeader; rows: readonly { row: SourceRow }[] },
  issues: ImportIssue[],
): void {
  const cols = seg.header.columns;
  const rows = seg.rows.map((x) => x.row);
  const filled = (r: SourceRow, i: number) => clean(r.cells[i] ?? "") !== "";
  const at = cols.findIndex(
    (c, i) =>
      c.field === "rate" &&
      rows.some((r) => filled(r, i)) &&
      rows.every((r) => !filled(r, i) || splitRatedRate(r.cells[i]!) !== null),
  );
  if (at < 0) return;
  const levelCols = cols.flatMap((c, i) => (LEVEL_FIELDS.has(c.field) ? [i] : []));
  const ratings = cols.flatMap((c, i) => (c.field === "evaluation" ? [i] : []));
  // A group's rating: filled only where a level starts, and missing on some row of the group.
  const perGroup = (i: number) =>
    rows.some((r) => !filled(r, i) && filled(r, at)) &&
    rows.every((r) => !filled(r, i) || levelCols.some((l) => filled(r, l)));
  if (!ratings.every(perGroup)) return;
  for (const i of ratings) cols[i] = { ...cols[i]!, field: "extra" };
  const rateAt = cols.length;
  cols.push({ ...cols[at]!, field: "rate", header: `${cols[at]!.header}(率)` });
  cols[at] = { ...cols[at]!, field: "evaluation" };
  for (const r of rows) {
    const s = filled(r, at) ? splitRatedRate(r.cells[at]!) : null;
    while (r.cells.length < rateAt) r.cells.push("");
    r.cells[at] = s?.label ?? "";
    r.cells[rateAt] = s?.rate ?? "";
  }
  issues.push({
    row: null,
    column: cols[at]!.header,
    kind: "rating_with_rate",
    before: cols[at]!.header,
    after: "評価・達成率",
    confidence: "medium",
    message: `列「${cols[at]!.header}」は評価の記号と達成率を1つのセルに書いているため、評価と達成率に分けて読んだ${
      ratings.length > 0
        ? `(列「${ratings.map((i) => cols[i]!.header).join("」「")}」はまとまりごとの評価として残した)`
        : ""
    }`,
  });
}
