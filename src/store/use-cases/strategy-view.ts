/**
 * The strategy as the editor shows it: a plan's goal tree (every node, with or without KPIs), each
 * KPI's definition as of a fiscal year, its targets per year and the years opened for it.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { canonicalValue } from "../../core/matching/canonical.ts";
import type { Db } from "../db.ts";
import { listDepartments } from "../repositories/departments.ts";
import { resolveMunicipality } from "../repositories/municipalities.ts";
import {
  goals,
  kpis,
  kpiTargets,
  kpiYears,
  measures,
  plans,
  type ReviewState,
  sheets,
  subgoals,
} from "../schema.ts";
import { planKpiDefinitions, titleAsOf } from "./plan-kpis.ts";

type Plan = typeof plans.$inferSelect;

function pickPlan(all: Plan[], planId: string | undefined, fy: number | undefined): Plan | null {
  if (planId) return all.find((p) => p.id === planId) ?? null;
  if (fy !== undefined) {
    const covering = all.find((p) => p.startYear <= fy && fy <= p.endYear);
    if (covering) return covering;
  }
  return all.at(-1) ?? null;
}

export async function strategyView(
  db: Db,
  input: {
    municipality?: string | null | undefined;
    planId?: string | undefined;
    fiscalYear?: number | undefined;
  },
) {
  const m = await resolveMunicipality(db, input.municipality);
  const all = await db
    .select()
    .from(plans)
    .where(eq(plans.municipalityId, m.id))
    .orderBy(asc(plans.startYear));
  const plan = pickPlan(all, input.planId, input.fiscalYear);
  const departments = (await listDepartments(db)).map((d) => ({
    id: d.id,
    name: d.name,
    position: d.position,
  }));
  const planOut = (p: Plan) => ({
    id: p.id,
    name: p.name,
    startYear: p.startYear,
    endYear: p.endYear,
    previousPlanId: p.previousPlanId ?? null,
  });
  if (!plan)
    return { plans: all.map(planOut), plan: null, fiscalYear: null, years: [], goals: [], departments };

  const years = (
    await db
      .select({ fy: sheets.fiscalYear })
      .from(sheets)
      .where(eq(sheets.planId, plan.id))
      .orderBy(asc(sheets.fiscalYear))
  ).map((s) => s.fy);
  // Shown as of the asked year, else the newest opened one (titles and definitions as then printed).
  const fy =
    input.fiscalYear !== undefined && input.fiscalYear >= plan.startYear && input.fiscalYear <= plan.endYear
      ? input.fiscalYear
      : (years.at(-1) ?? plan.startYear);

  const defs = await planKpiDefinitions(db, plan.id, fy);
  const ids = defs.map((d) => d.kpiId);
  const [kpiRows, targetRows, yearRows] = ids.length
    ? await Promise.all([
        db.select().from(kpis).where(inArray(kpis.id, ids)),
        db.select().from(kpiTargets).where(inArray(kpiTargets.kpiId, ids)),
        db
          .select({
            kpiId: kpiYears.kpiId,
            fy: kpiYears.fiscalYear,
            state: kpiYears.reviewState,
            target: kpiYears.target,
          })
          .from(kpiYears)
          .where(inArray(kpiYears.kpiId, ids))
          .orderBy(asc(kpiYears.fiscalYear)),
      ])
    : [[], [], []];
  const previousOf = new Map(kpiRows.map((k) => [k.id, k.previousKpiId ?? null]));

  const goalRows = await db.select().from(goals).where(eq(goals.planId, plan.id)).orderBy(asc(goals.no));
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
        .orderBy(asc(subgoals.no))
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
        .orderBy(asc(measures.no))
    : [];

  const kpiOut = (d: (typeof defs)[number]) => {
    const targets = new Map<number, unknown>();
    const states: { fiscalYear: number; state: ReviewState }[] = [];
    for (const y of yearRows)
      if (y.kpiId === d.kpiId) {
        states.push({ fiscalYear: y.fy, state: y.state });
        if (y.target.kind !== "missing") targets.set(y.fy, canonicalValue(y.target));
      }
    for (const t of targetRows) if (t.kpiId === d.kpiId) targets.set(t.fiscalYear, canonicalValue(t.target));
    const def = d.definition;
    return {
      id: d.kpiId,
      indicator: def.indicator,
      unit: def.unit ?? null,
      direction: def.direction ?? null,
      baseline: def.baseline ? canonicalValue(def.baseline) : null,
      finalTarget: canonicalValue(def.finalTarget),
      departments: def.departments,
      initiatives: def.initiatives,
      retiredFrom: d.retiredFrom,
      previousKpiId: previousOf.get(d.kpiId) ?? null,
      targets: [...targets.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([fiscalYear, target]) => ({ fiscalYear, target: target as ReturnType<typeof canonicalValue> })),
      years: states,
    };
  };
  const byMeasure = new Map<string, ReturnType<typeof kpiOut>[]>();
  for (const d of [...defs].sort((a, b) => a.pathOrder.localeCompare(b.pathOrder)))
    byMeasure.set(d.definition.measureId, [...(byMeasure.get(d.definition.measureId) ?? []), kpiOut(d)]);
  const node = (r: { id: string; no: number; title: string; titles: Record<string, string> }) => ({
    id: r.id,
    no: r.no,
    title: titleAsOf(r.titles, r.title, fy),
  });
  return {
    plans: all.map(planOut),
    plan: planOut(plan),
    fiscalYear: fy,
    years,
    goals: goalRows.map((g) => ({
      ...node(g),
      subgoals: subRows
        .filter((s) => s.goalId === g.id)
        .map((s) => ({
          ...node(s),
          measures: meaRows
            .filter((me) => me.subgoalId === s.id)
            .map((me) => ({ ...node(me), kpis: byMeasure.get(me.id) ?? [] })),
        })),
    })),
    departments,
  };
}
