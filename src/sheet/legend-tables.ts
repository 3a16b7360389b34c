/**
 * A legend printed as a small table of its own (| 評価 | 内容 | / | A | 目標を達成 | / | B | … |), as
 * offices lay one out in Excel under the sheet, instead of a line 「A:目標を達成 B:…」. Its rows are no
 * KPIs (each was refused as an indicator with no value: 13 of 14 layouts so printed were refused):
 * they are read here as the legend lines they stand for, before any reader sees the table.
 */
import { squash } from "./columns.ts";
import { isKnownEvaluationLabel } from "./parse-evaluation-label.ts";
import type { ImportIssue, SourceRow, SourceTable } from "./types.ts";

/** A rating mark: a letter (with + or −), a symbol, a circled or a single digit. */
// (A dash too: 「- | 実績値が未公表のため評価できない」, the row of a legend table for KPIs with nothing to rate.)
const MARK = /^([A-Za-zＡ-Ｚａ-ｚ][+＋\-－]?|[◎○〇◯●△▲×✕☆★◇◆□■]|[①-⑳]|[0-9０-９]|[-−－―])$/;
/** The names over such a table's two columns. */
const LABEL_HEAD = /^(評価|区分|判定|達成度|進捗(度|状況)?|記号|評価区分|ランク)$/;
const MEANING_HEAD = /^(内容|基準|説明|意味|定義|評価基準|判定基準|状況|評価の基準|区分の説明)$/;

const filled = (r: SourceRow) =>
  r.cells.flatMap((t, c) => (squash(t) === "" ? [] : [{ c, t: t.replace(/<br\s*\/?>/gi, "").trim() }]));

/** A Markdown table's |---|---| line, when the reader kept it. */
const isRule = (r: SourceRow | undefined) =>
  !!r && filled(r).length > 0 && r.cells.every((t) => t.trim() === "" || /^:?-{3,}:?$/.test(t.trim()));

/** A row of two neighbouring cells: a mark and what it means (words, not a figure). */
function markRow(r: SourceRow): { c: number; mark: string; printed: string; meaning: string } | null {
  const f = filled(r);
  if (f.length !== 2 || f[1]!.c !== f[0]!.c + 1) return null;
  // (compared squashed, where 「①」 is 「1」 as in every cell; written as printed)
  const printed = f[0]!.t;
  const mark = squash(printed);
  const meaning = f[1]!.t;
  if (!(MARK.test(printed) || MARK.test(mark) || isKnownEvaluationLabel(mark))) return null;
  if (!/[^\d\s.,%()（）]/.test(meaning) || squash(meaning).length < 2) return null;
  return { c: f[0]!.c, mark, printed, meaning };
}

/**
 * The table with each legend table's rows taken out as the lines they stand for (「A:目標を達成」),
 * and an issue per legend table. A run counts when it has two marks or more, all in the same two
 * columns, and the marks are printed in cells of the table's other rows (the ratings they explain).
 */
export function readLegendTables(table: SourceTable): { table: SourceTable; issues: ImportIssue[] } {
  const rows = table.rows;
  const taken = new Set<number>();
  const replaced = new Map<number, SourceRow>();
  const outside = [...table.outside];
  const issues: ImportIssue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const first = markRow(rows[i]!);
    if (!first) continue;
    let j = i;
    const run = [first];
    let b = i - 1;
    while (b >= 0 && isRule(rows[b])) b--;
    const above = b >= 0 ? rows[b]!.cells.map(squash).join("\t") : undefined;
    // Rows the legend goes on past: a blank row, a Markdown |---| line, its names printed again
    // where an extractor saw a page break (then in a table of its own).
    const again = (r: SourceRow) => above !== undefined && r.cells.map(squash).join("\t") === above;
    const skippable = (r: SourceRow) => filled(r).length === 0 || isRule(r) || again(r);
    while (j + 1 < rows.length) {
      let k = j + 1;
      while (k < rows.length && skippable(rows[k]!)) k++;
      const crossed = rows[k]?.block !== rows[i]!.block;
      if (k >= rows.length || (crossed && !rows.slice(j + 1, k).some(again))) break;
      const next = markRow(rows[k]!);
      if (!next || next.c !== first.c || run.some((x) => x.mark === next.mark)) break;
      run.push(next);
      j = k;
    }
    if (run.length < 2) continue;
    // The marks printed in the table's other cells (each line of a cell: 「B<br>90.5%」 prints the
    // mark over its rate); in a workbook, on the same worksheet or another (a legend worksheet).
    const marksOf = (keep: (r: SourceRow) => boolean) =>
      new Set(
        rows
          .filter((r, k) => (k < i || k > j) && keep(r))
          .flatMap((r) => r.cells.flatMap((t) => t.split(/<br\s*\/?>|\n/i).map(squash))),
      );
    const explains = (m: Set<string>) => run.filter((x) => m.has(x.mark)).length >= 2;
    if (!explains(marksOf(() => true))) {
      i = j;
      continue;
    }
    const apart = !explains(marksOf((r) => r.sheet === rows[i]!.sheet));
    // The names over it (評価 | 内容), when printed: the legend's lead word.
    // (past a Markdown table's |---|---| line, when the reader kept it)
    let h = i - 1;
    while (h >= 0 && isRule(rows[h])) h--;
    const head = h >= 0 ? filled(rows[h]!) : [];
    const named =
      head.length === 2 &&
      head[0]!.c === first.c &&
      head[1]!.c === first.c + 1 &&
      (LABEL_HEAD.test(squash(head[0]!.t).replace(/^[※＊*]/, "")) || MEANING_HEAD.test(squash(head[1]!.t)));
    // Digits (1 | 目標を達成) are a legend only under its names: a run of numbered rows is a list too.
    if (!named && run.some((x) => /^\d$/.test(x.mark))) {
      i = j;
      continue;
    }
    if (named) for (let k = h; k < i; k++) taken.add(k);
    const lead = named ? `${head[0]!.t} ` : "";
    // One line, as the legend prints when it is not a table (a line of one label reads as a note):
    // outside the table beside it; on a worksheet of its own, that worksheet's one line, read after
    // the sheet's own legend (read-general.ts), whose row numbers are another worksheet's.
    const line = `${lead}${run.map((x) => `${x.printed}:${x.meaning}`).join(" ")}`;
    for (let k = i + (apart ? 1 : 0); k <= j; k++) taken.add(k);
    if (apart) replaced.set(i, { ...rows[i]!, cells: [line] });
    else outside.push({ row: rows[i]!.row, text: line });
    issues.push({
      row: rows[i]!.row,
      column: null,
      kind: "legend_table",
      before: run.map((x) => `${x.printed}|${x.meaning}`).join(" / "),
      after: run.map((x) => `${x.printed}:${x.meaning}`).join(" "),
      confidence: "high",
      message: `記号と意味の2列の表(${run.length}行)を評価の凡例として読んだ`,
    });
    i = j;
  }
  if (taken.size === 0 && replaced.size === 0) return { table, issues };
  return {
    table: {
      ...table,
      rows: rows.flatMap((r, k) => (taken.has(k) ? [] : [replaced.get(k) ?? r])),
      outside: outside.sort((a, b) => a.row - b.row),
    },
    issues,
  };
}
