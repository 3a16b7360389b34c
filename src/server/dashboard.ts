/** The dashboard summary of one fiscal year: per 大基本目標 counts, behind schedule, disagreements, progress. */
import type { Category, Kpi } from "../core/sheet.ts";
import type { KpiRowRecord, ReviewState, YearRecord } from "./store-adapter.ts";

const CATEGORIES: Category[] = ["on_track", "mostly_on_track", "delayed", "not_evaluable"];
const STATES: ReviewState[] = ["draft", "submitted", "returned", "approved", "published"];

const zero = <K extends string>(keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function buildDashboard(
  year: YearRecord,
  rows: KpiRowRecord[],
  compute: (k: Kpi, fiscalYear: number) => Category,
  includeProgress: boolean,
) {
  const goals = new Map<
    number,
    {
      no: number;
      title: string;
      total: number;
      stated: Record<Category, number>;
      computed: Record<Category, number>;
    }
  >();
  const behind: { id: string; indicator: string; goal: number; departments: string[] }[] = [];
  const disagreements: { id: string; indicator: string; stated: Category; computed: Category }[] = [];
  const progress = new Map<string, Record<ReviewState, number> & { total: number }>();
  for (const r of rows) {
    const k = r.kpi;
    let g = goals.get(k.goal.no);
    if (!g) {
      g = {
        no: k.goal.no,
        title: k.goal.title,
        total: 0,
        stated: zero(CATEGORIES),
        computed: zero(CATEGORIES),
      };
      goals.set(k.goal.no, g);
    }
    const computed = compute(k, r.fiscalYear);
    g.total++;
    g.stated[k.evaluation.category]++;
    g.computed[computed]++;
    if (k.evaluation.category === "delayed")
      behind.push({ id: r.id, indicator: k.indicator, goal: k.goal.no, departments: k.departments });
    if (computed !== "not_evaluable" && computed !== k.evaluation.category)
      disagreements.push({ id: r.id, indicator: k.indicator, stated: k.evaluation.category, computed });
    let p = progress.get(r.department);
    if (!p) {
      p = { ...zero(STATES), total: 0 };
      progress.set(r.department, p);
    }
    p[r.state]++;
    p.total++;
  }
  return {
    fiscalYear: year.fiscalYear,
    municipality: year.municipality,
    published: year.published,
    open: year.open,
    total: rows.length,
    goals: [...goals.values()].sort((a, b) => a.no - b.no),
    behindSchedule: behind,
    disagreements,
    entryProgress:
      includeProgress && year.open
        ? [...progress.entries()]
            .map(([department, p]) => ({ department, ...p }))
            .sort((a, b) => a.department.localeCompare(b.department, "ja"))
        : [],
  };
}
