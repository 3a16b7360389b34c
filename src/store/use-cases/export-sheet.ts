/** exportSheet: a stored year as sheet/1, equal to what was imported (key order included). */
import { and, asc, eq, inArray } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { canonicalEvaluation, canonicalValue, withExtra } from "../../core/matching/canonical.ts";
import type { Kpi, Sheet } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import {
  goals,
  kpiDefinitions,
  kpiYears,
  measures,
  municipalities,
  plans,
  sheets,
  subgoals,
  type TitlesByYear,
} from "../schema.ts";

export interface SheetLocator {
  /** Needed only when several municipalities have this year. */
  municipality?: string | null | undefined;
  fiscalYear: number;
}

export interface StoredSheet {
  sheet: typeof sheets.$inferSelect;
  municipality: string;
  planId: string;
}

/** Finds the stored sheet of a year, or throws not_found / ambiguous_municipality. */
export async function findSheet(db: Db, where: SheetLocator): Promise<StoredSheet> {
  const conds = [eq(sheets.fiscalYear, where.fiscalYear)];
  if (where.municipality) conds.push(eq(municipalities.name, where.municipality));
  const rows = await db
    .select({ sheet: sheets, municipality: municipalities.name, planId: plans.id })
    .from(sheets)
    .innerJoin(plans, eq(plans.id, sheets.planId))
    .innerJoin(municipalities, eq(municipalities.id, plans.municipalityId))
    .where(and(...conds));
  if (rows.length === 0)
    throw new SoseiError(
      "not_found",
      `${where.municipality ? `${where.municipality}の` : ""}${where.fiscalYear}年度のシートは保存されていません`,
    );
  if (rows.length > 1)
    throw new SoseiError(
      "ambiguous_municipality",
      `${where.fiscalYear}年度のシートが複数の自治体にあります（--municipality で指定してください: ${rows
        .map((r) => r.municipality)
        .join("、")}）`,
    );
  return rows[0]!;
}

const titleFor = (titles: TitlesByYear, fallback: string, fy: number): string => {
  if (titles[String(fy)] !== undefined) return titles[String(fy)]!;
  const earlier = Object.keys(titles)
    .map(Number)
    .filter((y) => y <= fy)
    .sort((a, b) => b - a)[0];
  return earlier === undefined ? fallback : (titles[String(earlier)] ?? fallback);
};

/** The KPIs of a stored sheet, in row order, with their KPI ids. */
export async function loadSheetKpis(db: Db, sheetId: string, fy: number): Promise<{ id: KpiId; kpi: Kpi }[]> {
  const years = await db
    .select()
    .from(kpiYears)
    .where(eq(kpiYears.sheetId, sheetId))
    .orderBy(asc(kpiYears.row));
  return kpisOfRows(db, years, () => fy);
}

/**
 * Stored kpi_years rows as sheet/1 KPIs (in the given order), each read with the definition and titles
 * valid in its year (`fyOf`, default the row's own fiscal year). A fixed number of queries however
 * many rows: one sheet's rows, or one KPI's rows across years (its history).
 */
export async function kpisOfRows(
  db: Db,
  years: (typeof kpiYears.$inferSelect)[],
  fyOf: (row: typeof kpiYears.$inferSelect) => number = (y) => y.fiscalYear,
): Promise<{ id: KpiId; kpi: Kpi }[]> {
  if (years.length === 0) return [];
  const defs = await db
    .select()
    .from(kpiDefinitions)
    .where(
      inArray(
        kpiDefinitions.kpiId,
        years.map((y) => y.kpiId),
      ),
    )
    .orderBy(asc(kpiDefinitions.validFrom));
  // The definition valid in a row's year: the latest with validFrom <= that year (defs are oldest first).
  const defsOfKpi = new Map<string, (typeof defs)[number][]>();
  for (const d of defs) defsOfKpi.set(d.kpiId, [...(defsOfKpi.get(d.kpiId) ?? []), d]);
  const defOfRow = new Map<(typeof years)[number], (typeof defs)[number]>();
  for (const y of years) {
    const fy = fyOf(y);
    for (const d of defsOfKpi.get(y.kpiId) ?? []) if (d.validFrom <= fy) defOfRow.set(y, d);
  }
  const measureIds = [...new Set([...defOfRow.values()].map((d) => d.measureId))];
  // Each measure with its subgoal and goal in one query (three queries, one after the other, before).
  const tree = measureIds.length
    ? await db
        .select({ measure: measures, subgoal: subgoals, goal: goals })
        .from(measures)
        .innerJoin(subgoals, eq(subgoals.id, measures.subgoalId))
        .innerJoin(goals, eq(goals.id, subgoals.goalId))
        .where(inArray(measures.id, measureIds))
    : [];
  const m = new Map(tree.map((t) => [t.measure.id, t.measure]));
  const s = new Map(tree.map((t) => [t.subgoal.id, t.subgoal]));
  const g = new Map(tree.map((t) => [t.goal.id, t.goal]));
  return years.map((y) => {
    const fy = fyOf(y);
    const d = defOfRow.get(y);
    if (!d) throw new SoseiError("store_inconsistent", `KPI ${y.kpiId} has no definition for ${fy}`);
    const mea = m.get(d.measureId)!;
    const sub = s.get(mea.subgoalId)!;
    const goal = g.get(sub.goalId)!;
    const kpi: Kpi = {
      row: y.row,
      goal: { no: goal.no, title: titleFor(goal.titles, goal.title, fy) },
      subgoal: { no: sub.no, title: titleFor(sub.titles, sub.title, fy) },
      measure: { no: mea.no, title: titleFor(mea.titles, mea.title, fy) },
      initiatives: d.initiatives,
      status: y.status,
      indicator: d.indicator,
      target: canonicalValue(y.target),
      actual: canonicalValue(y.actual),
      finalTarget: canonicalValue(d.finalTarget),
      evaluation: canonicalEvaluation(y.evaluation),
      reason: y.reason,
      challenge: y.challenge,
      nextSteps: y.nextSteps,
      departments: d.departments,
    };
    return { id: kpiId(y.kpiId), kpi: withExtra(kpi, y.extra) };
  });
}

/** The stored sheet of a year as sheet/1. */
export async function exportSheet(db: Db, where: SheetLocator): Promise<Sheet> {
  const found = await findSheet(db, where);
  const kpis = await loadSheetKpis(db, found.sheet.id, where.fiscalYear);
  const sheet: Sheet = { format: "sheet/1" } as Sheet;
  if (found.sheet.hasMunicipality) sheet.municipality = found.sheet.sheetMunicipality;
  sheet.fiscalYear = found.sheet.fiscalYear;
  if (found.sheet.hasSource) sheet.source = found.sheet.source;
  sheet.kpis = kpis.map((k) => k.kpi);
  return withExtra(sheet, found.sheet.extra);
}
