/**
 * 「達成状況 | 未達成<br>(1,820人)」 (加古川市's 数値目標の達成状況): a rating printed with the KPI's actual in brackets
 * under it, a note outside the table saying what the brackets hold (「※…達成状況の( )内は令和元(2019)年(度)の
 * 実績値です。」), and no actual column of its own. The column is split in two: the label is the evaluation, the
 * bracketed figure the actual, at the year the note names. Without such a note the bracket could as well be a
 * rate or a target: nothing is changed (the table is then refused for want of an actual column).
 */
import { recogniseHeader } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import { findYear } from "./header-years.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

/** A label (no digit) then a figure in brackets: 「未達成(1,820人)」, 「達成(2,408件)」. */
const RATED_FIGURE = /^([^\d()（）]{1,10})[(（]([^()（）]*\d[^()（）]*)[)）]$/;
/** A note saying the brackets hold the actuals: 「( )内は令和元(2019)年(度)の実績値」. */
const BRACKETS_ARE_ACTUALS = /[(（][)）]内(?:の(?:数値|値))?は([^。]*?)の?実績/;

/** The note's words after 「( )内は」 when a text outside the table says the brackets hold actuals. */
function bracketNote(sheetTexts: readonly string[], header: string): string | null {
  for (const raw of sheetTexts) {
    const t = squash(raw);
    const m = BRACKETS_ARE_ACTUALS.exec(t);
    if (!m) continue;
    // A note naming another column's brackets (「基準値の( )内は…」) says nothing of this one.
    const before = t.slice(0, m.index);
    const named = /([^、。※\s]{1,12})の$/.exec(before)?.[1];
    if (named && !squash(header).includes(named) && !named.includes(squash(header))) continue;
    return m[1]!;
  }
  return null;
}

export function splitRatedActuals(
  segments: readonly { header: FoundHeader; rows: readonly { row: SourceRow }[] }[],
  sheetTexts: readonly string[],
  issues: ImportIssue[],
): void {
  for (const seg of segments) {
    const h = seg.header;
    if (h.columns.some((c) => c.field === "actual")) continue;
    const width = h.columns.length;
    const col = h.columns.findIndex((c, i) => {
      if (c.field !== "evaluation" || c.confirmed) return false;
      // (A line merged across the table, a heading or a note in every cell, is no record of the columns.)
      const cells = seg.rows
        .filter((r) => new Set(r.row.cells.map(squash).filter((t) => t !== "")).size > 1)
        .map((r) => squash(r.row.cells[i] ?? ""))
        .filter((t) => t !== "");
      return cells.length > 0 && cells.every((t) => RATED_FIGURE.test(t));
    });
    if (col < 0) continue;
    const m = h.columns[col]!;
    const note = bracketNote(sheetTexts, m.header);
    if (note === null) continue;
    const period = findYear(note);
    const actualHeader = "実績値";
    h.columns.push({ ...recogniseHeader(actualHeader), field: "actual", period, header: actualHeader });
    h.texts.push(actualHeader);
    for (const r of seg.rows) {
      const cells = r.row.cells;
      while (cells.length < width) cells.push("");
      const rated = RATED_FIGURE.exec(squash(cells[col] ?? ""));
      cells[col] = rated ? rated[1]! : (cells[col] ?? "");
      cells[h.columns.length - 1] = rated ? rated[2]! : "";
    }
    issues.push({
      row: null,
      column: m.header,
      kind: "paired_values_split",
      before: m.header,
      after: `評価 / 実績値${period ? `(${period.year}年度)` : ""}`,
      confidence: "high",
      message: `列「${m.header}」の「評価(数値)」を、表の外の注記(「( )内は…実績」)のとおり評価と括弧内の実績値に分けて読んだ`,
    });
  }
}
