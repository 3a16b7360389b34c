/**
 * Cells no reader reads, accounted for as dropped: the header rows a print repeats on each page
 * inside a table (a PDF's), and the cells Excel hides (a hidden worksheet, row or column).
 */
import type { DroppedCell, ImportIssue, SourceTable } from "./types.ts";

/** The cells a print repeated on each page inside a table (SourceTable.printedAgain), as dropped. */
export const printedAgainDropped = (table: SourceTable): DroppedCell[] =>
  (table.printedAgain ?? []).map((o) => ({
    row: o.row,
    column: "印刷の見出し",
    text: o.text,
    reason: "各ページに印刷された表の見出し(表の途中)",
  }));

/** Cells Excel hides (SourceTable.hidden), as dropped; the report says so once. */
export const hiddenDropped = (table: SourceTable): DroppedCell[] =>
  (table.hidden ?? []).map((o) => ({
    row: o.row,
    column: o.column,
    text: o.text,
    reason: "Excel で非表示のシート・行・列(印刷されないため読まない)",
  }));

export function hiddenIssue(table: SourceTable): ImportIssue | null {
  const hidden = table.hidden ?? [];
  if (hidden.length === 0) return null;
  return {
    row: null,
    column: hidden[0]!.column,
    kind: "hidden_cells_skipped",
    before: hidden[0]!.text.slice(0, 80),
    after: null,
    confidence: "high",
    message: `Excel で非表示にされたシート・行・列の ${hidden.length} セルは、印刷されないため読みませんでした(例: ${hidden[0]!.column}「${hidden[0]!.text.slice(0, 20)}」)。読む必要があれば再表示してから取り込んでください`,
  };
}
