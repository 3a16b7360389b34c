/**
 * Department workbooks against the store: the data of a department's workbook (its KPIs of the open
 * year, co-owned ones too, with last year's target and actual and a fingerprint of each row), the
 * preview of an uploaded one (per KPI what would change, with the entry form's checks; conflicts
 * where the web changed a value since the workbook was made) and the confirmed save: the rows that
 * change are saved as drafts in one transaction (review states unchanged), after the plan is made
 * again inside it and found the same as the preview's.
 */

import {
  type DepartmentWorkbook,
  entryOfKpi,
  rowFingerprint,
  type UploadedWorkbook,
  type WorkbookKpi,
} from "../../core/entry/workbook-entry.ts";
import {
  type CurrentRow,
  planWorkbookRow,
  type RowPlan,
  type RowPlanStatus,
} from "../../core/entry/workbook-plan.ts";
import { SoseiError } from "../../core/errors.ts";
import { isEditable } from "../../core/review.ts";
import { type Actor, mayEditKpi } from "../../core/roles.ts";
import type { Kpi } from "../../core/sheet.ts";
import { type Db, inTransaction } from "../db.ts";
import type { AuditContext } from "../repositories/audit.ts";
import {
  EDITABLE_REVIEW_STATES,
  type KpiYearRecord,
  listKpiYears,
  updateKpiYear,
} from "../repositories/kpi-years.ts";
import type { ReviewState } from "../schema.ts";
import { findSheet, type SheetLocator } from "./export-sheet.ts";

export interface WorkbookRowResult extends RowPlan {
  /** `<fiscal year>-<row>`; null when the KPI is not in this year. */
  id: string | null;
  line: number;
  indicator: string;
  state: ReviewState | null;
}

export interface WorkbookPlan {
  fiscalYear: number;
  department: string;
  createdAt: string;
  rows: WorkbookRowResult[];
  counts: Record<RowPlanStatus, number>;
}

const unitOf = (k: Kpi): string | null =>
  k.unit ??
  (k.target.kind === "number" ? k.target.unit : k.finalTarget.kind === "number" ? k.finalTarget.unit : null);

async function rowsOrNone(db: Db, where: SheetLocator): Promise<KpiYearRecord[]> {
  try {
    return await listKpiYears(db, where);
  } catch (e) {
    if (e instanceof SoseiError && e.code === "not_found") return [];
    throw e;
  }
}

/** The departments named by a year's KPIs (co-owners too), in sheet order, with their KPI counts. */
export async function workbookDepartments(
  db: Db,
  where: SheetLocator,
): Promise<{ name: string; kpis: number }[]> {
  const counts = new Map<string, number>();
  for (const r of await listKpiYears(db, where))
    for (const d of new Set(r.kpi.departments)) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].map(([name, kpis]) => ({ name, kpis }));
}

const lockedBecause = (state: ReviewState): string =>
  state === "published"
    ? "公表済みのため変更できません"
    : "提出済み・承認済みのため変更できません（差し戻されると変更できます）";

/** A department's workbook data: its KPIs of the year (co-owned ones too), last year's values beside. */
export async function departmentWorkbook(
  db: Db,
  where: SheetLocator & { department: string },
  now: Date,
): Promise<DepartmentWorkbook> {
  const rows = await listKpiYears(db, { fiscalYear: where.fiscalYear, municipality: where.municipality });
  const mine = rows.filter((r) => r.kpi.departments.includes(where.department));
  if (mine.length === 0)
    throw new SoseiError(
      "not_found",
      `${where.fiscalYear}年度に「${where.department}」が担当するKPIはありません`,
    );
  const last = new Map(
    (await rowsOrNone(db, { ...where, fiscalYear: where.fiscalYear - 1 })).map((r) => [r.kpiId, r]),
  );
  const { municipality } = await findSheet(db, where);
  return {
    municipality,
    fiscalYear: where.fiscalYear,
    department: where.department,
    createdAt: now.toISOString(),
    rows: mine.map((r): WorkbookKpi => {
      const prev = last.get(r.kpiId);
      return {
        kpiId: r.kpiId,
        key: `${r.fiscalYear}-${r.kpi.row}`,
        row: r.kpi.row,
        state: r.reviewState,
        version: r.version,
        fingerprint: rowFingerprint(r.kpi),
        goal: `${r.kpi.goal.no} ${r.kpi.goal.title}`,
        measure: `${r.kpi.measure.no} ${r.kpi.measure.title}`,
        indicator: r.kpi.indicator,
        departments: r.kpi.departments,
        unit: unitOf(r.kpi),
        target: r.kpi.target,
        finalTarget: r.kpi.finalTarget,
        lastYear: prev
          ? { fiscalYear: prev.fiscalYear, target: prev.kpi.target, actual: prev.kpi.actual }
          : null,
        entry: entryOfKpi(r.kpi),
        editable: isEditable(r.reviewState),
      };
    }),
  };
}

/** What the uploaded workbook would change, KPI by KPI (nothing is written). */
export async function previewWorkbookUpload(
  db: Db,
  where: SheetLocator,
  upload: UploadedWorkbook,
  actor: Actor,
): Promise<WorkbookPlan> {
  if (upload.fiscalYear !== where.fiscalYear)
    throw new SoseiError(
      "workbook_wrong_year",
      `このファイルは${upload.fiscalYear}年度のものです。入力中の年度は${where.fiscalYear}年度です（入力中の年度のファイルを作り直してください）`,
    );
  if (actor.role === "department" && actor.department !== upload.department)
    throw new SoseiError(
      "forbidden",
      `このファイルは「${upload.department}」のものです。自分の課（${actor.department ?? "未設定"}）のファイルを使ってください`,
    );
  const rows = await listKpiYears(db, where);
  const byKpi = new Map(rows.map((r) => [r.kpiId as string, r]));
  const last = new Map(
    (await rowsOrNone(db, { ...where, fiscalYear: where.fiscalYear - 1 })).map((r) => [r.kpiId as string, r]),
  );
  const seen = new Set<string>();
  const out: WorkbookRowResult[] = upload.rows.map((up) => {
    const r = byKpi.get(up.kpiId);
    const refused = (message: string): WorkbookRowResult => ({
      id: r ? `${r.fiscalYear}-${r.kpi.row}` : null,
      line: up.line,
      indicator: r?.kpi.indicator ?? up.indicator,
      state: r?.reviewState ?? null,
      status: "invalid",
      changes: [],
      update: {},
      refusals: [`${up.line}行目: ${message}`],
      problems: [],
      warnings: [],
    });
    if (!r || up.fiscalYear !== where.fiscalYear)
      return refused(
        "このKPIは入力中の年度にありません（行を書き加えたり、他のファイルから写したりしないでください）",
      );
    if (seen.has(up.kpiId)) return refused("同じKPIの行が2回あります");
    seen.add(up.kpiId);
    const mayEdit = mayEditKpi(actor, r.kpi.departments);
    const current: CurrentRow = {
      kpi: r.kpi,
      fiscalYear: r.fiscalYear,
      editable: mayEdit && isEditable(r.reviewState),
      lockedBecause: mayEdit ? lockedBecause(r.reviewState) : "他の担当課のKPIです",
      lastActual: last.get(up.kpiId)?.kpi.actual ?? null,
    };
    return {
      id: `${r.fiscalYear}-${r.kpi.row}`,
      line: up.line,
      indicator: r.kpi.indicator,
      state: r.reviewState,
      ...planWorkbookRow(current, up),
    };
  });
  const counts: Record<RowPlanStatus, number> = {
    change: 0,
    unchanged: 0,
    conflict: 0,
    locked: 0,
    invalid: 0,
  };
  for (const r of out) counts[r.status]++;
  return {
    fiscalYear: upload.fiscalYear,
    department: upload.department,
    createdAt: upload.createdAt,
    rows: out,
    counts,
  };
}

/**
 * Saves the rows that change as drafts, all in one transaction. `expected`: the ids the preview
 * showed as changing; if the plan made again here differs (someone saved in between), nothing is
 * saved (workbook_changed). A workbook with an unreadable cell saves nothing (workbook_invalid).
 */
export async function saveWorkbookUpload(
  db: Db,
  where: SheetLocator,
  upload: UploadedWorkbook,
  actor: Actor,
  ctx: AuditContext,
  expected?: readonly string[],
): Promise<WorkbookPlan & { saved: string[] }> {
  return inTransaction(db, async (tx) => {
    const plan = await previewWorkbookUpload(tx, where, upload, actor);
    if (plan.counts.invalid > 0)
      throw new SoseiError(
        "workbook_invalid",
        `読み取れない行が${plan.counts.invalid}件あるため保存しません: ${plan.rows.find((r) => r.status === "invalid")?.refusals[0] ?? ""}`,
      );
    const changing = plan.rows.filter((r) => r.status === "change");
    const ids = changing.map((r) => r.id!);
    if (expected && (ids.length !== expected.length || ids.some((id, i) => id !== expected[i])))
      throw new SoseiError(
        "workbook_changed",
        "確認の後に他の人が内容を変更しました。もう一度ファイルをアップロードして確認してください",
      );
    const byId = new Map((await listKpiYears(tx, where)).map((r) => [`${r.fiscalYear}-${r.kpi.row}`, r]));
    for (const r of changing) {
      const rec = byId.get(r.id!)!;
      await updateKpiYear(
        tx,
        { id: rec.id, version: rec.version, changes: r.update, onlyIn: EDITABLE_REVIEW_STATES },
        ctx,
      );
    }
    return { ...plan, saved: ids };
  });
}
