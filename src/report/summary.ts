/** Counts of KPIs per evaluation category for each 大基本目標, as stated and as computed. */
import type { Category, Sheet } from "../core/sheet.ts";
import { evaluationOf, type SheetEvaluationView } from "./evaluation-view.ts";

export const CATEGORIES: readonly Category[] = ["on_track", "mostly_on_track", "delayed", "not_evaluable"];

/** Per category, plus `none` (computed: no evaluation available). */
export type Counts = Record<Category | "none", number>;

export interface GoalSummary {
  goal: { no: number; title: string };
  stated: Counts;
  computed: Counts;
  total: number;
}

const zero = (): Counts => ({ on_track: 0, mostly_on_track: 0, delayed: 0, not_evaluable: 0, none: 0 });

/** Goals in order of first appearance; a final `total` line sums them. */
export function summarise(
  sheet: Sheet,
  evaluation?: SheetEvaluationView | null,
): { goals: GoalSummary[]; total: GoalSummary } {
  const byGoal = new Map<number, GoalSummary>();
  const total: GoalSummary = { goal: { no: 0, title: "合計" }, stated: zero(), computed: zero(), total: 0 };
  for (const kpi of sheet.kpis) {
    let g = byGoal.get(kpi.goal.no);
    if (!g) {
      g = { goal: { no: kpi.goal.no, title: kpi.goal.title }, stated: zero(), computed: zero(), total: 0 };
      byGoal.set(kpi.goal.no, g);
    }
    const computed = evaluationOf(evaluation, kpi)?.computed ?? "none";
    for (const s of [g, total]) {
      s.stated[kpi.evaluation.category] += 1;
      s.computed[computed] += 1;
      s.total += 1;
    }
  }
  return { goals: [...byGoal.values()], total };
}

/** KPIs behind schedule: stated or computed `delayed`. */
export function behindSchedule(sheet: Sheet, evaluation?: SheetEvaluationView | null) {
  return sheet.kpis.filter(
    (k) => k.evaluation.category === "delayed" || evaluationOf(evaluation, k)?.computed === "delayed",
  );
}
