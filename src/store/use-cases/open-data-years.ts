/**
 * What the open data may show: the published years (every KPI-year of the sheet published), newest
 * first, and per year each row's stable KPI id (kept across years and renames by the matching in
 * saveSheet) and review state, in the sheet's row order.
 */
import type { Db } from "../db.ts";
import { listKpiYears, listYears } from "../repositories/kpi-years.ts";
import type { ReviewState } from "../schema.ts";
import { correctionsOfYear } from "./correction.ts";
import type { SheetLocator } from "./export-sheet.ts";
import { correctionNote } from "./public-year.ts";

export interface YearIdentity {
  kpiIds: string[];
  states: ReviewState[];
  /** Per row, its dated 訂正 note (empty when never corrected): the open data's correction_note. */
  corrections: string[];
}

/** Stored fiscal years, newest first; only the published ones unless `all`. */
export async function openDataYears(db: Db, opts: { all?: boolean } = {}): Promise<number[]> {
  const years = await listYears(db);
  const chosen = years.filter((y) => {
    if (opts.all) return true;
    const total = Object.values(y.counts).reduce((a, b) => a + b, 0);
    return total > 0 && y.counts.published === total;
  });
  return [...new Set(chosen.map((y) => y.fiscalYear))].sort((a, b) => b - a);
}

/** Whether every KPI-year of a stored year is published (the public may see it). */
export async function isPublishedYear(db: Db, fiscalYear: number): Promise<boolean> {
  return (await openDataYears(db)).includes(fiscalYear);
}

/** The KPI ids and review states of a stored year, in row order. */
export async function yearIdentity(db: Db, where: SheetLocator): Promise<YearIdentity> {
  const [rows, corrections] = await Promise.all([listKpiYears(db, where), correctionsOfYear(db, where)]);
  return {
    kpiIds: rows.map((r) => r.kpiId),
    states: rows.map((r) => r.reviewState),
    corrections: rows.map((r) => {
      const c = corrections.get(r.id);
      return c ? correctionNote(c.notes) : "";
    }),
  };
}
