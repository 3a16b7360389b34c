/**
 * A form that has its answers written as numbers prints the choices in the column's own header
 * (「事業効果 (選択肢) 1.地方創生に非常に効果的であった 2.…」, 「今後の方針 (選択肢) 1.追加等更に発展させる …」).
 * The header reads by its words before 「(選択肢)」; the choices are the column's legend: a rating's digits
 * keep their digit and take their meaning from it, any other column's digit stands for the chosen words
 * (a bare 「3」 is no next step).
 */
import type { FoundHeader } from "./find-header.ts";
import { headerChoices, withoutChoices } from "./header-choices-text.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/**
 * Applies each header's choices: a legend line for the rating column (「事業効果 1:… 2:…」, read with the
 * sheet's other legend lines), the chosen words for a digit in any other column. A digit no choice
 * has stays as printed (the content checks refuse it where words belong).
 */
export function applyHeaderChoices(
  segments: readonly { header: FoundHeader; rows: readonly { row: SourceRow }[] }[],
  legendTexts: string[],
  issues: ImportIssue[],
): void {
  for (const seg of segments)
    seg.header.columns.forEach((c, col) => {
      const choices = headerChoices(seg.header.texts[col] ?? c.header);
      if (choices.length === 0) return;
      if (c.field === "evaluation") {
        legendTexts.push(
          `${withoutChoices(c.header).trim()} ${choices.map((x) => `${x.no}:${x.words}`).join(" ")}`,
        );
        return;
      }
      for (const r of seg.rows) {
        const cell = (r.row.cells[col] ?? "").trim();
        const chosen = choices.find((x) => x.no === cell.normalize("NFKC"));
        if (!chosen) continue;
        r.row.cells[col] = chosen.words;
        issues.push({
          row: r.row.row,
          column: withoutChoices(c.header).trim(),
          kind: "choice_from_header",
          before: cell,
          after: chosen.words,
          confidence: "high",
          message: `番号「${cell}」を列見出しの選択肢「${chosen.words}」として読んだ`,
        });
      }
    });
}
