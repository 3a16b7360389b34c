/**
 * 「検証会議の意見」 over A / B / C (鹿児島市): a committee's opinion given as a letter of its own legend
 * printed under the table (「検証会議の意見 A 引き続き、現状の取組を推進すべき B … C …」) — a rating of the
 * work, on a scale that is not the KPI's. Read as comments, every KPI's comment was a bare 「A」. The column
 * is kept as an extra (reported) when its every cell is a mark and a legend line headed by the column's
 * name explains them; marks under comments with no such line are refused (role-content.ts).
 */
import { FIELD_JA } from "./column-fields.ts";
import { escapeRegExp, squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { headedLegendBlocks } from "./legend-blocks.ts";
import { contentKind } from "./role-content.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

// 「方向性」 over A–D (嘉麻市: 【方向性】 A:拡充・発展 B:現状維持 …): the 施策's future course on its own legend, not
// the KPI's direction (増加 / 減少) — kept as an extra the same way.
const WORDS = new Set(["comments", "nextSteps", "reason", "direction"]);

/** The legend line headed by the column's name that sets off each of its marks as a label. */
function ownLegend(header: string, marks: ReadonlySet<string>, texts: readonly string[]): string | null {
  // The whole name (wrapped over lines, 「検証\n会議の意見」) or a two-row header's lower name.
  const names = [squash(header), squash(header.split(/\s+/).at(-1) ?? "")].filter((n) => n.length >= 2);
  // (A heading alone on its line over one line per label, 「【方向性】」 / 「A:拡充・発展」 / …, is read joined.)
  for (const text of headedLegendBlocks(texts)) {
    const t = text.replace(/<br\s*\/?>/gi, " ").trim();
    if (!names.some((n) => squash(t).startsWith(n))) continue;
    // Each mark set off as a label: no letter or digit beside it (a word processor's PDF may lose the
    // spaces around it, 「…の意見A引き続き…B全般的には…」).
    const labelled = [...marks].every((m) =>
      new RegExp(String.raw`(?<![A-Za-z0-9])${escapeRegExp(m)}(?![A-Za-z0-9])\s*[:：]?\s*[^\s:：]`, "u").test(
        t,
      ),
    );
    if (labelled) return t;
  }
  return null;
}

export function opinionMarksAsExtra(
  header: FoundHeader,
  rows: readonly SourceRow[],
  issues: ImportIssue[],
  legendTexts: readonly string[],
): void {
  header.columns.forEach((c, col) => {
    if (c.confirmed || !WORDS.has(c.field)) return;
    const cells = rows.map((r) => (r.cells[col] ?? "").trim()).filter((t) => squash(t) !== "");
    if (cells.length < 2 || cells.some((t) => contentKind(t) !== "mark")) return;
    const line = ownLegend(c.header, new Set(cells), legendTexts);
    if (!line) return;
    issues.push({
      row: null,
      column: c.header,
      kind: "opinion_marks_kept",
      before: FIELD_JA[c.field],
      after: FIELD_JA.extra,
      confidence: "medium",
      message: `列「${c.header}」は記号(${[...new Set(cells)].join("・")})で、表の下の「${line.slice(0, 30)}…」がその意味を示す別の評価尺度です: 指標の評価ではないため、そのまま残しました`,
    });
    c.field = "extra";
  });
}
