/**
 * A sheet whose KPIs sit under a level a step below the goal (「政策の柱1 …」, 「基本的方向① …」) and under no goal at
 * all: that level is the broadest the sheet prints, its top — the goal, as a level column of those words is read when
 * nothing names one above it (column-fields.ts). Printed as heading lines instead of a column, the same level was kept
 * as the subgoal under an empty goal with exit 0 (scripts/relocate-levels.mts).
 */
import type { Sheet } from "../core/sheet.ts";
import type { ImportIssue } from "./types.ts";

export function broadestAsGoal(sheet: Sheet, issues: ImportIssue[]): void {
  const items = [...sheet.kpis, ...(sheet.numericGoals ?? [])];
  if (sheet.kpis.length === 0 || items.some((k) => k.goal.no > 0 || k.goal.title !== "")) return;
  if (!sheet.kpis.some((k) => k.subgoal.title !== "" || k.subgoal.no > 0)) return;
  for (const k of sheet.kpis) {
    k.goal = k.subgoal;
    k.subgoal = { no: 0, title: "" };
  }
  issues.push({
    row: null,
    column: null,
    kind: "broadest_level_as_goal",
    before: "基本目標なし",
    after: null,
    confidence: "medium",
    message:
      "基本目標の見出しがなく、その下の階層(柱・基本的方向など)が最も上の階層のため、基本目標として読んだ",
  });
}
