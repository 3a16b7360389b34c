/**
 * Round 59 (kagamino-kensho): a rating column under a word the reader does not know as a rating's (「推移」), whose
 * cells are marks (◎ / ↗ / → / ↘ / -) that a legend line explains — and that line is captioned by the column's own
 * header (「推移の見方 ◎:目標値を達成 ↗:基準値より改善 …」, 「推移:…」, 「【推移】…」). The caption ties the legend to
 * that column, so its marks are the KPI's rating, not a direction or a trend kept as an extra. Read only when the
 * table has no rating column: a second rating-like column beside a read one stays what its header says.
 * Without the caption the column is not read (reading-plausibility.ts and round59-guards.ts then refuse the sheet
 * when the legend explains its marks).
 */
import { escapeRegExp, squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { SourceRow } from "./types.ts";

/** An arrow printed as a rating's mark (↗ better, → level, ↘ worse), a legend's label like ◎ or A (read-legend.ts). */
export const ARROW_MARK = "[↑↗→↘↓⇧⇗⇒⇘⇩➚➙➘]";

const DASH = /^[-‐－―ー−]$/;

/** The legend line whose caption is `header` (the header first, then 「の見方」「の凡例」「の評価」, a colon or a space). */
export function captionedLegend(header: string, legendTexts: readonly string[]): string | null {
  const h = squash(header);
  if (h.length < 2 || h.length > 8) return null;
  const caption = new RegExp(
    `^[【［\\[〔(（]?${escapeRegExp(h)}[】］\\]〕)）]?(?:の(?:見方|凡例|評価|区分))?\\s*[:：]?\\s*\\S`,
    "u",
  );
  return legendTexts.map((l) => l.trim()).find((l) => caption.test(l)) ?? null;
}

/** The one column the captioned legend explains, when the table has no rating column; else null. */
export function captionedRatingColumn(
  header: FoundHeader,
  rows: readonly SourceRow[],
  legendTexts: readonly string[],
): number | null {
  if (header.columns.some((c) => c.field === "evaluation")) return null;
  const found = header.columns.flatMap((m, col) => {
    if (m.confirmed || m.field !== "extra") return [];
    const line = captionedLegend(m.header, legendTexts);
    if (!line) return [];
    // (A heading merged across the sheet, the same text in every cell, is no row of the column.)
    const body = rows.filter((r) => new Set(r.cells.map(squash).filter((t) => t !== "")).size > 1);
    const cells = body
      .map((r) => squash(r.cells[col] ?? ""))
      .filter((t) => t !== "" && t !== squash(m.header));
    const paired = (t: string) =>
      DASH.test(t) || new RegExp(`(^|[\\s　、,])${escapeRegExp(t)}\\s*[:：]`, "u").test(line);
    const marks = cells.filter((t) => !DASH.test(t));
    // (One mark is enough: the caption, not a count, ties the legend to the column — a 数値目標 table of one row.)
    return marks.length >= 1 && cells.every((t) => t.length <= 4 && paired(t)) ? [col] : [];
  });
  return found.length === 1 ? found[0]! : null;
}
