import type { Ordinal } from "../core/sheet.ts";
import type { ColumnMeaning, Field } from "./column-fields.ts";
import { isEmpty, squash } from "./columns.ts";
import { groupRatedColumns } from "./group-cells.ts";
import { refuse } from "./refuse-reading.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

export const isDash = (t: string) => /^[-‐－―ー−]?$/.test(squash(t));
// 「(2) 」, 「2. 」, 「②」 before an indicator's name: the list's numbering, no part of the name.
const ITEM_NUMBER = /^\s*(?:[(（]\d{1,3}[)）]|\d{1,3}[.．]|[①-⑳])\s*/u;

/** A table's row once its continuation lines are joined to it. */
export interface MergedRow {
  row: number;
  cells: string[];
  heading: Partial<Record<"goal" | "subgoal" | "measure", Ordinal>>;
  /** Under a 数値目標 section (or table): an outcome goal, not a KPI. */
  goals: boolean;
}

/**
 * One segment's source rows → its records: a row with no indicator, value, rating or level goes on
 * the row above (a wrap), a row of dashes names no KPI, and a KPI row under a project printed once
 * for its KPIs takes the project's own cells. `used` counts the source cells read.
 */
export function mergeRows(
  cols: readonly ColumnMeaning[],
  rows: readonly { row: SourceRow; heading: MergedRow["heading"]; goals: boolean }[],
  issues: ImportIssue[],
): { merged: MergedRow[]; used: number } {
  const idx = (f: Field) => cols.flatMap((c, i) => (c.field === f ? [i] : []));
  let used = 0;
  const merged: MergedRow[] = [];
  const keyCols = [
    ...idx("indicator"),
    ...idx("target"),
    ...idx("actual"),
    ...idx("evaluation"),
    ...idx("baseline"),
    ...idx("finalTarget"),
  ];
  const recordLike = new Map<number, number[]>();
  const headings = new Map(rows.map((r) => [r.row, r.heading]));
  const rated = groupRatedColumns(
    cols,
    rows.map((r) => r.row),
    (row) => {
      const h = headings.get(row);
      return h && Object.keys(h).length > 0 ? JSON.stringify(h) : "";
    },
  );
  // The column of a row of one cell printed before any record (「新しい雇用の創出」 over its rows): a heading's place.
  let leadLone: number | null = null;
  for (const { row, heading, goals } of rows) {
    const cells = [...row.cells];
    used += cells.filter((c) => !isEmpty(c)).length;
    // 「指標②」 alone in the indicator's cell: a slot of the form left empty, no indicator.
    for (const c of idx("indicator"))
      if (/^(指標|KPI)\s*([①-⑳]|[0-9０-９]{1,2})$/i.test((cells[c] ?? "").replace(/<br\s*\/?>/gi, "").trim()))
        cells[c] = "";
    const filled = cells.flatMap((t, c) => (isEmpty(t) ? [] : [c]));
    const prev = merged.at(-1);
    const hierarchyCols = [...idx("goal"), ...idx("subgoal"), ...idx("measure")];
    if (
      prev &&
      keyCols.every((c) => isEmpty(cells[c] ?? "")) &&
      hierarchyCols.every((c) => isEmpty(cells[c] ?? ""))
    ) {
      // A wrapped row goes on over a line or two. Three or more rows of several cells each, with no
      // indicator, value or rating, under one row are records of their own (a split print's later
      // page read as rows: 事業の評価 | 外部有識者からの意見 …), not its continuation.
      if (filled.length >= 2) recordLike.set(prev.row, [...(recordLike.get(prev.row) ?? []), row.row]);
      // A row of one cell where such a row stood before the first record is that row's kind again — a heading of the
      // rows below it, not the row above wrapped (joined so, the heading was lost with exit 0: relocate-levels.mts).
      if (filled.length === 1 && filled[0] === leadLone)
        refuse(
          `${row.row}行目「${cells[leadLone]!.slice(0, 30)}」は一つのセルだけの行で、表の最初の記録の前にも同じ形の行があります。上の行の続きか、下の行の見出しか決められません`,
        );
      if ((recordLike.get(prev.row)?.length ?? 0) >= 3)
        refuse(
          `${prev.row}行目の下の${recordLike.get(prev.row)!.join("・")}行目に、指標名も数値も評価もないまま複数のセルがあります。上の行の続きか別の記録か決められません`,
        );
      cells.forEach((t, c) => {
        if (isEmpty(t)) return;
        const before = prev.cells[c] ?? "";
        prev.cells[c] = isEmpty(before) ? t : `${before}<br>${t}`;
      });
      issues.push({
        row: row.row,
        column: null,
        kind: "row_merged",
        before: cells.filter((t) => !isEmpty(t)).join(" | "),
        after: `${prev.row}行目に連結`,
        confidence: "medium",
        message: "指標名・数値・評価のない行を上の行の続きとして連結",
      });
      continue;
    }
    // A row with neither indicator nor any value (all 「-」) names no KPI: its cells are reported. (An item
    // number before the dash, 「(2) -」, as a list numbering every row prints it, names none either.)
    if (!prev && filled.length === 1) leadLone = filled[0]!;
    if (
      idx("indicator").every((c) => isDash((cells[c] ?? "").replace(ITEM_NUMBER, ""))) &&
      [...idx("target"), ...idx("actual"), ...idx("baseline"), ...idx("finalTarget")].every((c) =>
        isDash(cells[c] ?? ""),
      )
    ) {
      issues.push({
        row: row.row,
        column: null,
        kind: "row_without_kpi",
        before: cells.filter((t) => !isEmpty(t)).join(" | "),
        after: null,
        confidence: "high",
        message: "指標名も値もない(「-」のみの)行: 指標にはせず、報告に残す",
      });
      continue;
    }
    const project = idx("initiatives")[0];
    const above = merged.at(-1);
    if (
      project !== undefined &&
      above &&
      isEmpty(cells[project] ?? "") &&
      !isEmpty(above.cells[project] ?? "")
    ) {
      // A KPI row under a project printed once for its KPIs (merged cells in the original): the
      // project's own cells — its name, evaluation, opinions, next steps — are the project's.
      const inherited: string[] = [];
      for (const f of [
        "initiatives",
        "evaluation",
        "comments",
        "nextSteps",
        "reason",
        "departments",
      ] as const)
        for (const c of idx(f))
          if (isEmpty(cells[c] ?? "") && !isEmpty(above.cells[c] ?? "")) {
            cells[c] = above.cells[c]!;
            inherited.push(cols[c]!.header);
          }
      if (inherited.length > 0)
        issues.push({
          row: row.row,
          column: inherited.join("、"),
          kind: "project_cells_inherited",
          before: null,
          after: `${above.row}行目と同じ事業`,
          confidence: "medium",
          message: `事業名の欄が空の行は上の事業の指標: 事業単位の欄(${inherited.join("、")})を上の行から引き継ぎ`,
        });
    }
    // A KPI row inside a 施策 rated once (group-cells.ts): the 施策's rating and opinions.
    const prior = merged.at(-1);
    if (rated && prior && rated.under.has(row.row)) {
      const taken = rated.inherit.filter((c) => isEmpty(cells[c] ?? "") && !isEmpty(prior.cells[c] ?? ""));
      for (const c of taken) cells[c] = prior.cells[c]!;
      if (taken.length > 0)
        issues.push({
          row: row.row,
          column: taken.map((c) => cols[c]!.header).join("、"),
          kind: "group_cells_inherited",
          before: null,
          after: `${prior.row}行目と同じ施策`,
          confidence: "medium",
          message: `評価が施策ごとに一度だけ書かれた表: 施策の欄が空の行は上の施策の指標として、${taken.map((c) => cols[c]!.header).join("、")}を上の行から引き継ぎ`,
        });
    }
    merged.push({ row: row.row, cells: [...cells], heading, goals });
  }
  return { merged, used };
}
