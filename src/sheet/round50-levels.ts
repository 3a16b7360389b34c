/**
 * Round 50's level rules: a 施策の方向性 column that is the plan's only level under the goal, and the goal headings
 * of a 数値目標・KPI list (「基本目標1関係(…)」, then 「基本目標1関係」 with no name under the list's KPI part).
 */
import type { Sheet } from "../core/sheet.ts";
import type { ColumnMeaning } from "./column-fields.ts";
import { squash } from "./columns.ts";
import type { ImportIssue, SourceTable } from "./types.ts";

const DIRECTION_OF_MEASURES = /^施策の方向性?$/;

/**
 * 「基本目標 | 施策の方向性 | KPI」 or 「基本目標1 …」 lines over 「施策の方向性 | KPI」 (松原市): 施策の方向性 is the level
 * directly above the KPI — the measure — when no column names a 施策 or a middle level. So it is when it stands right of
 * the plan's levels printed from the goal down (「基本目標 | 具体的な施策 | 施策の方向性」: the levels broadest first, the
 * last the measure; the one before it then the middle level). Beside a 施策 column with no goal column (豊中市: 施策 |
 * 施策の方向性 | 指標) it stays what it was read as, the work under that 施策 (initiatives).
 */
export function directionOfMeasuresAsLevel(columns: ColumnMeaning[]): void {
  const named = columns.filter((c) => DIRECTION_OF_MEASURES.test(squash(c.header)));
  if (named.length !== 1 || named[0]!.confirmed || named[0]!.field !== "initiatives") return;
  const at = columns.indexOf(named[0]!);
  const levels = columns.filter((c) => c.field === "goal" || c.field === "subgoal" || c.field === "measure");
  const lowest = levels.every((c) => columns.indexOf(c) < at);
  const fromGoal = levels[0]?.field === "goal" && levels.length < 3;
  if (levels.length === 0 || (lowest && fromGoal) || !levels.some((c) => c.field !== "goal"))
    named[0]!.field = "measure";
}

/**
 * 「基本目標1関係(県内にしごとをつくり、安心して働けるようにする)」 (神奈川県の数値目標・KPI一覧表): 関係 says the
 * rows below are "about goal 1"; the goal's name is the bracket. The line becomes 「基本目標1 県内に…」; a bare
 * 「基本目標1関係」 becomes 「基本目標1」 (its name is the one the sheet gave goal 1 before: goalNamesByNumber).
 */
export function goalRelationHeading(text: string): string {
  return text.replace(
    /^(\s*[■□◆◇●]?\s*基本目標\s*([0-9０-９]{1,2}|[①-⑳]))\s*関係\s*(?:[(（]([^()（）]+)[)）])?\s*$/,
    (_m, head: string, _no: string, name: string | undefined) => (name ? `${head} ${name.trim()}` : head),
  );
}

/**
 * 「基本目標1関係」 over the KPI part of a list whose 数値目標 part printed 「基本目標1関係(県内に…)」: the same goal, named
 * once. A goal with a number and no name takes the name the sheet gives that number elsewhere — only one name
 * (two different names for goal 1 say nothing certain: it stays as read).
 */
export function namedGoalsByNumber(sheet: Sheet, issues: ImportIssue[]): void {
  const items = [...sheet.kpis, ...(sheet.numericGoals ?? [])];
  const names = new Map<number, Set<string>>();
  for (const k of items)
    if (k.goal.no > 0 && k.goal.title !== "")
      names.set(k.goal.no, (names.get(k.goal.no) ?? new Set()).add(k.goal.title));
  const named = new Set<number>();
  for (const k of items) {
    const found = names.get(k.goal.no);
    if (k.goal.no <= 0 || k.goal.title !== "" || found?.size !== 1) continue;
    k.goal = { no: k.goal.no, title: [...found][0]! };
    named.add(k.goal.no);
  }
  for (const no of named)
    issues.push({
      row: null,
      column: "基本目標",
      kind: "goal_named_by_number",
      before: `基本目標${no}`,
      after: `基本目標${no} ${[...names.get(no)!][0]}`,
      confidence: "medium",
      message: `名前のない「基本目標${no}」の見出しに、同じシートが基本目標${no}に付けた名前を当てた`,
    });
}

/**
 * 「(1)未病産業」 alone on a line above a table, under a goal's heading (「基本目標1関係」): the plan's numbered level
 * the rows below sit in, printed with no level word — the measure. Not a sentence (no 「。」 or 「、」), short,
 * and only under a goal: with no goal above, a bracketed number is as likely a note's item.
 */
export function bracketNumberedLevel(text: string, goalAbove: boolean): "measure" | null {
  const t = text.trim();
  if (!goalAbove || t.length > 30 || /[。、,，:：]/.test(t)) return null;
  return /^[(（]\s*[0-9０-９]{1,2}\s*[)）]\s*[^\s0-9０-９(（]/.test(t) ? "measure" : null;
}

/**
 * 「基本目標1関係」 (read 「基本目標1」 by goalRelationHeading), 「基本目標2」: a goal's word and number alone on a line —
 * the goal's heading with its name left to another line of the sheet (namedGoalsByNumber), as 「-基本目標1-」 is.
 */
export const bareGoalLine = (text: string): "goal" | null =>
  /^[■□◆◇●]?\s*基本目標\s*(?:[0-9０-９]{1,2}|[①-⑳])$/.test(text.trim()) ? "goal" : null;

/** goalRelationHeading over every cell and line of a table, before it is read (a heading in a row of the worksheet too). */
export function withGoalRelationHeadings(table: SourceTable): SourceTable {
  return {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: r.cells.map(goalRelationHeading) })),
    outside: table.outside.map((o) => ({ ...o, text: goalRelationHeading(o.text) })),
  };
}
