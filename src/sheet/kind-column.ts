/**
 * A column saying which kind each indicator is (「区分」 over 数値目標 / KPI), as sheets print when they list a
 * 基本目標's 数値目標 and its 施策's KPIs in one table. 区分 was read as the rating, and the sheet refused (its
 * words explained by no legend). The column is kept as an extra, and the rows it marks 数値目標 (or 成果指標,
 * KGI) are read as numeric goals, kept apart from the KPIs; a blank cell continues the kind above (merged).
 * A 施策評価 printing each 施策's 目標指標 as 成果指標 and 活動指標 (the outcome and the output of one 施策, no 数値目標,
 * KGI or KPI among the kinds) marks two kinds of the same level's indicators: every row is a KPI there — reading the
 * 成果指標 rows as numeric goals lost half of them (the rows below shifted, exit 0).
 */

import { FIELD_JA } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { FoundHeader } from "./find-header.ts";
import type { ImportIssue, SourceRow } from "./types.ts";

const KIND_HEADER = /^(区分|種別|分類|種類|指標区分|指標の?(種別|種類|区分))$/;
export const GOAL_KIND = /^(数値目標|成果指標|KGI|基本目標の数値目標)$/i;
export const KPI_KIND = /^(KPI|重要業績評価指標(\(KPI\))?|活動指標|施策のKPI)$/i;
const OUTCOME_OUTPUT = /^(成果指標|活動指標)$/;

export function kindColumnAsGoals(
  seg: { header: FoundHeader; rows: { row: SourceRow; goals?: boolean }[] },
  issues: ImportIssue[],
): void {
  seg.header.columns.forEach((c, col) => {
    if (c.confirmed || !KIND_HEADER.test(squash(c.header))) return;
    const cells = seg.rows.map((x) => squash(x.row.cells[col] ?? "").normalize("NFKC"));
    const filled = cells.filter((t) => t !== "");
    if (filled.length < 2 || !filled.every((t) => GOAL_KIND.test(t) || KPI_KIND.test(t))) return;
    const sameLevel = filled.every((t) => OUTCOME_OUTPUT.test(t)) && filled.includes("活動指標");
    let goal = false;
    seg.rows.forEach((x, i) => {
      if (cells[i] !== "") goal = !sameLevel && GOAL_KIND.test(cells[i]!);
      if (goal) x.goals = true;
    });
    issues.push({
      row: null,
      column: c.header,
      kind: "kind_column",
      before: FIELD_JA[c.field],
      after: FIELD_JA.extra,
      confidence: "high",
      message: sameLevel
        ? `列「${c.header}」は指標の種類(成果指標・活動指標)を示す列: 評価ではなく、どちらも同じ施策の指標(KPI)として読んだ`
        : `列「${c.header}」は指標の種類(${[...new Set(filled)].join("・")})を示す列: 評価ではなく、「数値目標」の行は数値目標として指標(KPI)と分けて読んだ`,
    });
    c.field = "extra";
  });
}
