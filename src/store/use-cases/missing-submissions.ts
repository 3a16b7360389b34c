/**
 * Who has not submitted yet: per department (each owner of a co-owned KPI counts it), the KPIs of a
 * year still in draft or returned, with the year's entry deadline. Planning's view of the year.
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db.ts";
import { listDepartments } from "../repositories/departments.ts";
import { kpiYears, type ReviewState, sheets } from "../schema.ts";
import { findSheet, loadSheetKpis, type SheetLocator } from "./export-sheet.ts";

export interface DepartmentProgress {
  department: string;
  total: number;
  /** Submitted, approved or published. */
  submitted: number;
  /** Still with the department: draft or returned (row, indicator, state). */
  pending: { row: number; indicator: string; state: ReviewState }[];
}

export interface MissingSubmissions {
  fiscalYear: number;
  municipality: string;
  entryDeadline: string | null;
  departments: DepartmentProgress[];
}

const WITH_DEPARTMENT: ReviewState[] = ["draft", "returned"];

export async function missingSubmissions(db: Db, where: SheetLocator): Promise<MissingSubmissions> {
  const found = await findSheet(db, where);
  const [sheet] = await db.select().from(sheets).where(eq(sheets.id, found.sheet.id));
  const states = new Map(
    (
      await db
        .select({ kpiId: kpiYears.kpiId, state: kpiYears.reviewState })
        .from(kpiYears)
        .where(eq(kpiYears.sheetId, found.sheet.id))
        .orderBy(asc(kpiYears.row))
    ).map((r) => [r.kpiId, r.state]),
  );
  const rows = await loadSheetKpis(db, found.sheet.id, where.fiscalYear);
  const order = new Map((await listDepartments(db)).map((d, i) => [d.name, i]));
  const by = new Map<string, DepartmentProgress>();
  for (const { id, kpi } of rows) {
    const state = states.get(id) ?? "draft";
    for (const dep of kpi.departments.length ? kpi.departments : ["（担当課なし）"]) {
      const p = by.get(dep) ?? { department: dep, total: 0, submitted: 0, pending: [] };
      p.total += 1;
      if (WITH_DEPARTMENT.includes(state)) p.pending.push({ row: kpi.row, indicator: kpi.indicator, state });
      else p.submitted += 1;
      by.set(dep, p);
    }
  }
  const departments = [...by.values()].sort(
    (a, b) =>
      (order.get(a.department) ?? 1e9) - (order.get(b.department) ?? 1e9) ||
      a.department.localeCompare(b.department),
  );
  return {
    fiscalYear: where.fiscalYear,
    municipality: found.municipality,
    entryDeadline: sheet?.entryDeadline ?? null,
    departments,
  };
}
