/** A KPI's history across fiscal years, and the KPIs of a plan with their years. */
import { asc, eq } from "drizzle-orm";
import { SoseiError } from "../../core/errors.ts";
import { type KpiId, kpiId } from "../../core/ids.ts";
import { canonicalEvaluation, canonicalValue, withExtra } from "../../core/matching/canonical.ts";
import { earlierPrintedYears, type PrintedYear } from "../../core/printed-years.ts";
import type { Category, Kpi, StatedEvaluation, Value } from "../../core/sheet.ts";
import type { Db } from "../db.ts";
import { kpiDefinitions, kpis, kpiYears, type ReviewState } from "../schema.ts";

export interface KpiHistoryYear {
  kpiYearId: string;
  fiscalYear: number;
  row: number;
  /** The indicator as it read that year (it may have been renamed). */
  indicator: string;
  target: Value;
  actual: Value;
  targetNumber: number | null;
  actualNumber: number | null;
  unit: string | null;
  evaluation: StatedEvaluation;
  category: Category;
  reviewState: ReviewState;
  version: number;
}

export interface KpiHistory {
  kpiId: KpiId;
  planId: string;
  /** Definition versions, oldest first. */
  definitions: (typeof kpiDefinitions.$inferSelect)[];
  years: KpiHistoryYear[];
  /**
   * Earlier years printed in the stored sheets' year columns that were never imported as years of
   * their own (core/printed-years.ts): values at their own periods, no stored rows.
   */
  printedYears: PrintedYear[];
}

export async function kpiHistory(db: Db, id: KpiId | string): Promise<KpiHistory> {
  const [k] = await db.select().from(kpis).where(eq(kpis.id, id));
  if (!k) throw new SoseiError("not_found", `KPI ${id} はありません`);
  const definitions = await db
    .select()
    .from(kpiDefinitions)
    .where(eq(kpiDefinitions.kpiId, id))
    .orderBy(asc(kpiDefinitions.validFrom));
  const rows = await db
    .select()
    .from(kpiYears)
    .where(eq(kpiYears.kpiId, id))
    .orderBy(asc(kpiYears.fiscalYear));
  const years = rows.map((y) => {
    const def = [...definitions].reverse().find((d) => d.validFrom <= y.fiscalYear) ?? definitions[0]!;
    return {
      kpiYearId: y.id,
      fiscalYear: y.fiscalYear,
      row: y.row,
      indicator: def.indicator,
      target: canonicalValue(y.target),
      actual: canonicalValue(y.actual),
      targetNumber: y.targetNumber,
      actualNumber: y.actualNumber,
      unit: y.actualUnit ?? y.targetUnit ?? def.unit,
      evaluation: canonicalEvaluation(y.evaluation),
      category: y.evaluationCategory,
      reviewState: y.reviewState,
      version: y.version,
    };
  });
  const printedYears = earlierPrintedYears(
    rows.map((y) => ({ fiscalYear: y.fiscalYear, kpi: withExtra({} as Kpi, y.extra) })),
  );
  return { kpiId: kpiId(k.id), planId: k.planId, definitions, years, printedYears };
}

/** Every KPI of a plan with its history (one query per table, not per KPI). */
export async function planHistories(db: Db, planId: string): Promise<KpiHistory[]> {
  const ks = await db.select().from(kpis).where(eq(kpis.planId, planId));
  const out: KpiHistory[] = [];
  for (const k of ks) out.push(await kpiHistory(db, k.id));
  return out.sort((a, b) => (a.years[0]?.row ?? 0) - (b.years[0]?.row ?? 0));
}
