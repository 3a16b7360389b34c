/**
 * The KPIs of a plan as they stand in a fiscal year: for each KPI the definition in effect that
 * year (its latest version from or before it; else its earliest) and its place in the goal tree,
 * with titles as printed up to that year. Used to open a year and to show the strategy for editing.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { canonicalValue } from "../../core/matching/canonical.ts";
import type { Kpi } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import { goals, kpiDefinitions, kpis, measures, subgoals, type TitlesByYear } from "../schema.ts";

export interface PlanKpi {
  kpiId: string;
  retiredFrom: number | null;
  createdAt: Date;
  /** "001/002/003": goal/subgoal/measure numbers, for ordering KPIs that have no row yet. */
  pathOrder: string;
  definition: typeof kpiDefinitions.$inferSelect;
  /** The KPI's tree and definition fields; the per-year fields are empty. */
  kpi: Omit<
    Kpi,
    "row" | "status" | "target" | "actual" | "evaluation" | "reason" | "challenge" | "nextSteps"
  >;
}

export function titleAsOf(titles: TitlesByYear, fallback: string, fy: number): string {
  const years = Object.keys(titles)
    .map(Number)
    .sort((a, b) => b - a);
  const y = years.find((x) => x <= fy) ?? years[years.length - 1];
  return y === undefined ? fallback : (titles[String(y)] ?? fallback);
}

const pad = (n: number) => String(n).padStart(4, "0");

export async function planKpiDefinitions(db: Db, planId: string, fy: number): Promise<PlanKpi[]> {
  const ks = await db.select().from(kpis).where(eq(kpis.planId, planId)).orderBy(asc(kpis.createdAt));
  if (ks.length === 0) return [];
  const defs = await db
    .select()
    .from(kpiDefinitions)
    .where(
      inArray(
        kpiDefinitions.kpiId,
        ks.map((k) => k.id),
      ),
    )
    .orderBy(asc(kpiDefinitions.validFrom));
  const defOf = new Map<string, typeof kpiDefinitions.$inferSelect>();
  for (const d of defs) if (!defOf.has(d.kpiId) || d.validFrom <= fy) defOf.set(d.kpiId, d);
  const goalRows = await db.select().from(goals).where(eq(goals.planId, planId));
  const subRows = goalRows.length
    ? await db
        .select()
        .from(subgoals)
        .where(
          inArray(
            subgoals.goalId,
            goalRows.map((g) => g.id),
          ),
        )
    : [];
  const meaRows = subRows.length
    ? await db
        .select()
        .from(measures)
        .where(
          inArray(
            measures.subgoalId,
            subRows.map((s) => s.id),
          ),
        )
    : [];
  const g = new Map(goalRows.map((r) => [r.id, r]));
  const s = new Map(subRows.map((r) => [r.id, r]));
  const m = new Map(meaRows.map((r) => [r.id, r]));
  const out: PlanKpi[] = [];
  for (const k of ks) {
    const d = defOf.get(k.id);
    const mea = d && m.get(d.measureId);
    const sub = mea && s.get(mea.subgoalId);
    const goal = sub && g.get(sub.goalId);
    if (!d || !mea || !sub || !goal) continue;
    out.push({
      kpiId: k.id,
      retiredFrom: k.retiredFrom ?? null,
      createdAt: k.createdAt,
      pathOrder: `${pad(goal.no)}/${pad(sub.no)}/${pad(mea.no)}`,
      definition: d,
      kpi: {
        goal: { no: goal.no, title: titleAsOf(goal.titles, goal.title, fy) },
        subgoal: { no: sub.no, title: titleAsOf(sub.titles, sub.title, fy) },
        measure: { no: mea.no, title: titleAsOf(mea.titles, mea.title, fy) },
        initiatives: d.initiatives,
        indicator: d.indicator,
        finalTarget: canonicalValue(d.finalTarget),
        departments: d.departments,
      },
    });
  }
  return out;
}
