/**
 * Department workbooks as files, for the web (routes/workbooks.ts) and the CLI (`sosei workbook`):
 * one department's XLSX, a ZIP of every department's, and reading an upload into its preview.
 * The data and the rules are the store's use case (department-workbook.ts); the file is src/sheet's.
 */
import type { UploadedWorkbook } from "../core/entry/workbook-entry.ts";
import { WORKBOOK_FIELD_JA } from "../core/entry/workbook-plan.ts";
import type { Actor } from "../core/roles.ts";
import {
  readDepartmentWorkbook,
  workbookFileName,
  writeDepartmentWorkbook,
  zipWorkbooks,
} from "../sheet/index.ts";
import {
  type Db,
  departmentWorkbook,
  previewWorkbookUpload,
  type SheetLocator,
  type WorkbookPlan,
  workbookDepartments,
} from "../store/index.ts";
import type { Download } from "./outputs.ts";

/** An uploaded workbook waiting for its confirmation (services.pendingWorkbooks). */
export interface PendingWorkbook {
  userId: string;
  fileName: string;
  upload: UploadedWorkbook;
  /** The ids the preview showed as changing: the confirmation saves exactly these, or nothing. */
  changing: string[];
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One department's workbook of the year. */
export async function departmentWorkbookDownload(
  db: Db,
  where: SheetLocator,
  department: string,
  now: Date,
): Promise<Download> {
  const data = await departmentWorkbook(db, { ...where, department }, now);
  return {
    body: await writeDepartmentWorkbook(data),
    contentType: XLSX,
    filename: workbookFileName(where.fiscalYear, department),
  };
}

/** Every department's workbook of the year in one ZIP. */
export async function allWorkbooksDownload(db: Db, where: SheetLocator, now: Date): Promise<Download> {
  const files = [];
  for (const d of await workbookDepartments(db, where)) {
    const data = await departmentWorkbook(db, { ...where, department: d.name }, now);
    files.push({
      name: workbookFileName(where.fiscalYear, d.name),
      body: await writeDepartmentWorkbook(data),
    });
  }
  return {
    body: await zipWorkbooks(files),
    contentType: "application/zip",
    filename: `${where.fiscalYear}年度_課別KPI記入シート.zip`,
  };
}

/** Reads an uploaded workbook (bounded, refused with workbook_unreadable) and plans it against the store. */
export async function previewWorkbookFile(
  db: Db,
  where: SheetLocator,
  bytes: Uint8Array,
  actor: Actor,
): Promise<{ upload: UploadedWorkbook; plan: WorkbookPlan }> {
  const upload = await readDepartmentWorkbook(bytes);
  return { upload, plan: await previewWorkbookUpload(db, where, upload, actor) };
}

/** The preview as the API and the CLI show it (the store's `update` values left out). */
export const presentPlan = (plan: WorkbookPlan) => ({
  fiscalYear: plan.fiscalYear,
  department: plan.department,
  createdAt: plan.createdAt,
  counts: plan.counts,
  rows: plan.rows.map((r) => ({
    id: r.id,
    line: r.line,
    indicator: r.indicator,
    state: r.state,
    status: r.status,
    changes: r.changes,
    refusals: r.refusals,
    problems: r.problems.map((p) => ({ code: p.code, message: p.message })),
    warnings: r.warnings,
  })),
});

const STATUS_JA = {
  change: "変更",
  unchanged: "変更なし",
  conflict: "競合",
  locked: "変更不可",
  invalid: "読めない",
};

/** The preview as text (the CLI): per KPI its status, what changes, the checks. */
export function formatPlan(plan: WorkbookPlan): string {
  const c = plan.counts;
  const lines = [
    `${plan.fiscalYear}年度 ${plan.department}: 変更 ${c.change}件・変更なし ${c.unchanged}件・競合 ${c.conflict}件・変更不可 ${c.locked}件・読めない ${c.invalid}件`,
  ];
  for (const r of plan.rows) {
    if (r.status === "unchanged") continue;
    lines.push(`  [${STATUS_JA[r.status]}] ${r.line}行目 ${r.indicator}`);
    for (const ch of r.changes)
      lines.push(
        `      ${WORKBOOK_FIELD_JA[ch.field]}: ${ch.before === "" ? "（空欄）" : ch.before} → ${ch.after === "" ? "（空欄）" : ch.after}`,
      );
    for (const m of r.refusals) lines.push(`      ✕ ${m}`);
    for (const p of r.problems) lines.push(`      提出前に: ${p.message}`);
    for (const w of r.warnings) lines.push(`      確認: ${w.message}`);
  }
  return `${lines.join("\n")}\n`;
}
