/**
 * A schedule's year columns read as that year's target (「工程(年度別事業計画)」 over H23 | H24 | H25,
 * column-fields.ts) print the step planned where the year has no figure: 「推進」, 「→」 (the step above goes
 * on), 「検討」, 「実施」. Such a cell is no target value: it is left empty (reported), so the year has no
 * target, and a cell with a figure (「3市町村」) stays that year's target.
 */
import { SCHEDULE } from "./column-fields.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** A planned step in words or arrows, no figure (「推進」, 「→」, 「検討・実施」). */
const STEP = /^[\s→⇒―ー－\-~〜～・、]*([^\d０-９]{0,10})[\s→⇒―ー－\-~〜～]*$/;

export function scheduleStepsAsNoFigure(header: FoundHeader, rows: SourceRow[], issues: ImportIssue[]): void {
  const cols = header.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.field === "target" && c.period && SCHEDULE.test(wordsOf(c.header)));
  if (cols.length === 0) return;
  for (const row of rows)
    for (const { c, i } of cols) {
      const cell = row.cells[i] ?? "";
      const t = cell.replace(/<br\s*\/?>/gi, "").trim();
      if (t === "" || !STEP.test(t)) continue;
      row.cells[i] = "";
      issues.push({
        row: row.row,
        column: c.header,
        kind: "schedule_step",
        before: t,
        after: null,
        confidence: "high",
        message: `工程の「${t}」は数値の目標ではないため、この年度の目標値はないものとして読んだ`,
      });
    }
}

/** The header's words without brackets and years (「工程(年度別事業計画) H25」 → 工程). */
const wordsOf = (header: string): string =>
  header
    .replace(/<br\s*\/?>/gi, "")
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/(平成|令和|[HR])\s*(\d{1,2}|元)年?度?|(19|20)\d{2}年?度?/g, "")
    .replace(/\s/g, "");
