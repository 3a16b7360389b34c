/**
 * A header that names two values of one year, the second in brackets (「実績値(29年度目標値)」), over
 * cells printed the same way (「17,861人(16,507人)」): the figure before the bracket is the actual, the
 * bracketed one that year's target — two columns printed in one. And a bare year before a role word
 * (「31年度目標値」) is that year in the era the sheet counts in (its title's 「平成30年…」).
 */
import { recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { SheetTexts } from "./general-roles.ts";
import { findYear } from "./header-years.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const PAIRED = /^(実績値?|現状値)[(（](\d{1,2})年度(目標値?)[)）]$/;
const BARE_ROLE = /^(\d{1,2})年度(目標値?|実績値?|基準値)$/;
/** A figure with a bare year in brackets: 「16,507人(26年度)」, 「650人(24〜26年度平均)」 (an average ending 26年度). */
const YEAR_CELL = /^([^()（）]*\d[^()（）]*)[(（](?:\d{1,2}\s*[〜~～ー-]\s*)?(\d{1,2})年度(平均)?[)）]$/;
/** A figure, then another in brackets: 「17,861人(16,507人)」, 「9.6%(15.0%)」, 「1.55(1.57)」. */
const PAIR_CELL = /^([^()（）]*\d[^()（）]*)[(（]([^()（）]*\d[^()（）]*)[)）]$/;

function eraYear(era: string, n: string): ReturnType<typeof findYear> {
  if (era === "") return null;
  try {
    return findYear(`${era}${n}年度`);
  } catch {
    return null;
  }
}

export function splitBracketedRoles(
  segments: readonly { header: FoundHeader; rows: readonly { row: SourceRow }[] }[],
  sheetTexts: readonly string[],
  issues: ImportIssue[],
): void {
  const era = new SheetTexts([...sheetTexts]).era();
  for (const seg of segments) {
    const h = seg.header;
    const width = h.columns.length;
    for (let col = 0; col < width; col++) {
      const m = h.columns[col]!;
      const name = squash(m.header);
      if (["baseline", "actual", "target"].includes(m.field))
        eraYearCells(seg.rows, col, m.header, era, issues);
      const bare = BARE_ROLE.exec(name);
      if (bare && !m.period && !m.confirmed) {
        const period = eraYear(era, bare[1]!);
        if (period) h.columns[col] = { ...m, period };
        continue;
      }
      const paired = PAIRED.exec(name);
      if (!paired || m.confirmed || m.field !== "actual") continue;
      const cells = seg.rows.map((r) => squash(r.row.cells[col] ?? "")).filter((t) => t !== "");
      // Only when every filled cell is printed as the header says: a figure and one in brackets.
      if (cells.length === 0 || !cells.every((t) => PAIR_CELL.test(t))) continue;
      const period = eraYear(era, paired[2]!);
      if (!period) continue;
      h.columns[col] = { ...m, period };
      const targetHeader = `${paired[2]}年度${paired[3]}`;
      h.columns.push({ ...recogniseHeader(targetHeader), field: "target", period, header: targetHeader });
      h.texts.push(targetHeader);
      for (const r of seg.rows) {
        const cells = r.row.cells;
        while (cells.length < width) cells.push("");
        const pair = PAIR_CELL.exec(squash(cells[col] ?? ""));
        cells[col] = pair ? pair[1]! : (cells[col] ?? "");
        cells[h.columns.length - 1] = pair ? pair[2]! : "";
      }
      issues.push({
        row: null,
        column: m.header,
        kind: "paired_values_split",
        before: m.header,
        after: `実績値 / ${targetHeader}`,
        confidence: "high",
        message: `列「${m.header}」の値「実績(目標)」を、実績値と括弧内の${targetHeader}に分けて読んだ`,
      });
    }
  }
}

/**
 * 「16,507人(26年度)」: the bracketed bare year is the figure's, in the sheet's era — written on a line of
 * its own (「(平成26年度)」), as the value reader takes a year printed under its figure. An average over
 * years (「(24〜26年度平均)」) is taken at its last year; the issue keeps what was printed.
 */
function eraYearCells(
  rows: readonly { row: SourceRow }[],
  col: number,
  header: string,
  era: string,
  issues: ImportIssue[],
): void {
  if (era === "") return;
  for (const r of rows) {
    const cell = squash(r.row.cells[col] ?? "");
    const m = YEAR_CELL.exec(cell);
    if (!m) continue;
    r.row.cells[col] = `${m[1]}\n(${era}${m[2]}年度)`;
    if (m[3])
      issues.push({
        row: r.row.row,
        column: header,
        kind: "average_at_last_year",
        before: cell,
        after: `${m[1]} (${era}${m[2]}年度)`,
        confidence: "medium",
        message: `「${cell}」は複数年度の平均のため、最後の${era}${m[2]}年度の値として読んだ`,
      });
  }
}
