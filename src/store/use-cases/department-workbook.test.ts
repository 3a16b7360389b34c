/**
 * Department workbooks against the store (PGlite and PostgreSQL): the data written, the preview of a
 * filled workbook, the confirmed save as drafts, the same upload twice, a web edit in between (a
 * conflict, never overwritten), submitted rows, unreadable cells, another year or department.
 * The XLSX file itself is tested in src/sheet; here the upload is the reader's output, built by hand.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.ts";
import type { DepartmentWorkbook, UploadedWorkbook, WorkbookEntry } from "../../core/entry/workbook-entry.ts";
import { sequentialIds } from "../../core/ids.ts";
import type { Actor } from "../../core/roles.ts";
import type { Sheet } from "../../core/sheet.ts";
import { listKpiYears, transitionReview, updateKpiYear } from "../repositories/kpi-years.ts";
import { describeOnBackends } from "../test-backends.ts";
import {
  departmentWorkbook,
  previewWorkbookUpload,
  saveWorkbookUpload,
  workbookDepartments,
} from "./department-workbook.ts";
import { openYear } from "./open-year.ts";
import { saveSheet } from "./save-sheet.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const kakuu2022 = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;

/** The workbook as the reader would give it back, with some cells filled (by KPI row). */
function filled(
  data: DepartmentWorkbook,
  fill: Record<number, Partial<WorkbookEntry>> = {},
): UploadedWorkbook {
  return {
    fiscalYear: data.fiscalYear,
    department: data.department,
    municipality: data.municipality,
    createdAt: data.createdAt,
    rows: data.rows.map((k, i) => ({
      line: 4 + i,
      kpiId: k.kpiId,
      fiscalYear: data.fiscalYear,
      version: k.version,
      fingerprint: k.fingerprint,
      indicator: k.indicator,
      entry: { ...k.entry, ...fill[k.row] },
      original: k.entry,
    })),
  };
}

const planning: Actor = { role: "planning", department: null };
const sangyo: Actor = { role: "department", department: "産業振興課" };
const where = { fiscalYear: 2023 };

await describeOnBackends("department workbooks on %s", "workbooks", (db) => {
  const clock = fixedClock("2024-05-01T09:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "planner-1", clock, ids: sequentialIds("w") };
    await saveSheet(db().db, kakuu2022, ctx);
    await openYear(db().db, { fiscalYear: 2023 }, ctx);
  });

  it("holds the department's KPIs (co-owned ones too) with last year's values and empty cells to fill", async () => {
    expect(await workbookDepartments(db().db, where)).toEqual([
      { name: "産業振興課", kpis: 2 },
      { name: "商工労働課", kpis: 1 },
      { name: "観光課", kpis: 2 },
      { name: "企画課", kpis: 2 },
      { name: "子育て支援課", kpis: 1 },
    ]);
    const wb = await departmentWorkbook(db().db, { ...where, department: "商工労働課" }, clock.now());
    expect(wb).toMatchObject({ municipality: "架空市", fiscalYear: 2023, department: "商工労働課" });
    expect(wb.createdAt).toBe("2024-05-01T09:00:00.000Z");
    const [k] = wb.rows;
    expect(k).toMatchObject({ row: 2, indicator: "市内事業所の従業者数", state: "draft", editable: true });
    expect(k!.lastYear?.actual.raw).toBe("5.08万人(令和3年)");
    expect(k!.entry).toEqual({
      actualText: "",
      evaluation: "",
      notEvaluable: "",
      reason: "",
      status: "",
      challenge: "",
      nextSteps: "",
    });
    await expect(
      departmentWorkbook(db().db, { ...where, department: "財政課" }, clock.now()),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("previews what changes, saves drafts equal to what was typed, and a second upload changes nothing", async () => {
    const wb = await departmentWorkbook(db().db, { ...where, department: "産業振興課" }, clock.now());
    expect((await previewWorkbookUpload(db().db, where, filled(wb), sangyo)).counts).toMatchObject({
      unchanged: 2,
      change: 0,
    });
    const upload = filled(wb, {
      1: { actualText: "41件", evaluation: "順調に進捗", status: "セミナーを4回開いた" },
      2: { actualText: "4.9万人(令和4年)", evaluation: "進捗の遅れ(コロナ)", reason: "" },
    });
    const preview = await previewWorkbookUpload(db().db, where, upload, sangyo);
    expect(preview.rows.map((r) => [r.id, r.status])).toEqual([
      ["2023-1", "change"],
      ["2023-2", "change"],
    ]);
    expect(preview.rows[0]!.changes).toEqual([
      { field: "actual", before: "", after: "41件" },
      { field: "evaluation", before: "", after: "順調に進捗" },
      { field: "status", before: "", after: "セミナーを4回開いた" },
    ]);
    // the entry form's check: a delay needs its reason (shown; the draft is saved anyway)
    expect(preview.rows[1]!.problems.map((p) => p.code)).toEqual(["delay_reason_required"]);
    const saved = await saveWorkbookUpload(db().db, where, upload, sangyo, ctx, ["2023-1", "2023-2"]);
    expect(saved.saved).toEqual(["2023-1", "2023-2"]);
    const rows = await listKpiYears(db().db, where);
    const r1 = rows.find((r) => r.kpi.row === 1)!;
    expect(r1.kpi.actual).toMatchObject({ kind: "number", value: 41, unit: "件", raw: "41件" });
    expect(r1.kpi.evaluation).toEqual({ category: "on_track", covid: false, label: "順調に進捗" });
    expect(r1.kpi.status).toBe("セミナーを4回開いた");
    expect(r1.reviewState).toBe("draft");
    expect(rows.find((r) => r.kpi.row === 2)!.kpi.evaluation).toMatchObject({
      category: "delayed",
      covid: true,
    });
    // the same file again: nothing changes, nothing is written
    const again = await previewWorkbookUpload(db().db, where, upload, sangyo);
    expect(again.counts).toMatchObject({ unchanged: 2, change: 0, conflict: 0 });
    const versions = rows.map((r) => r.version);
    expect((await saveWorkbookUpload(db().db, where, upload, sangyo, ctx, [])).saved).toEqual([]);
    expect((await listKpiYears(db().db, where)).map((r) => r.version)).toEqual(versions);
  });

  it("keeps 評価不可 with its reason from the list in the evaluation; その他 needs its text", async () => {
    const wb = await departmentWorkbook(db().db, { ...where, department: "産業振興課" }, clock.now());
    const upload = filled(wb, {
      1: { evaluation: "評価不可", notEvaluable: "統計の公表前" },
      2: { evaluation: "評価不可", notEvaluable: "その他" },
    });
    const plan = await previewWorkbookUpload(db().db, where, upload, sangyo);
    expect(plan.rows[0]!.changes).toEqual([
      { field: "evaluation", before: "", after: "評価不可（統計の公表前）" },
    ]);
    expect(plan.rows[0]!.problems).toEqual([]);
    expect(plan.rows[1]!.problems.map((p) => p.code)).toEqual(["not_evaluable_text_required"]);
    await saveWorkbookUpload(db().db, where, upload, sangyo, ctx, ["2023-1", "2023-2"]);
    const r1 = (await listKpiYears(db().db, where)).find((r) => r.kpi.row === 1)!;
    expect(r1.kpi.evaluation).toMatchObject({
      category: "not_evaluable",
      notEvaluableReason: "statistics_pending",
    });
    expect((await previewWorkbookUpload(db().db, where, upload, sangyo)).counts.unchanged).toBe(2);
    const again = await departmentWorkbook(db().db, { ...where, department: "産業振興課" }, clock.now());
    expect(again.rows[0]!.entry).toMatchObject({ evaluation: "評価不可", notEvaluable: "統計の公表前" });
  });

  it("shows a KPI edited on the web since the workbook was made as a conflict and never overwrites it", async () => {
    const wb = await departmentWorkbook(db().db, { ...where, department: "産業振興課" }, clock.now());
    const r1 = (await listKpiYears(db().db, where)).find((r) => r.kpi.row === 1)!;
    await updateKpiYear(
      db().db,
      {
        id: r1.id,
        version: r1.version,
        changes: {
          actual: {
            kind: "number",
            value: 39,
            unit: "件",
            raw: "39件",
            period: { year: 2023, basis: "fiscal" },
          },
        },
      },
      ctx,
    );
    const upload = filled(wb, { 1: { actualText: "41件" }, 2: { actualText: "4.9万人(令和4年)" } });
    const preview = await previewWorkbookUpload(db().db, where, upload, planning);
    expect(preview.rows.map((r) => r.status)).toEqual(["conflict", "change"]);
    await saveWorkbookUpload(db().db, where, upload, planning, ctx, ["2023-2"]);
    const after = await listKpiYears(db().db, where);
    expect(after.find((r) => r.kpi.row === 1)!.kpi.actual.raw).toBe("39件");
    expect(after.find((r) => r.kpi.row === 2)!.kpi.actual.raw).toBe("4.9万人(令和4年)");
    expect(preview.rows[0]!.refusals[0]).toContain("Web画面で「実績値」が変更されています");
    // the web typed the same value as the workbook: no conflict, nothing to change
    const same = filled(wb, { 1: { actualText: "39件" } });
    expect((await previewWorkbookUpload(db().db, where, same, planning)).rows[0]!.status).toBe("unchanged");
    // a cell the department did not touch changes nothing: the web's 実績値 stays, its 課題 is saved
    const other = filled(wb, { 1: { challenge: "担い手の確保" } });
    const merged = await previewWorkbookUpload(db().db, where, other, planning);
    expect(merged.rows.map((r) => r.status)).toEqual(["change", "unchanged"]);
    expect(merged.rows[0]!.changes).toEqual([{ field: "challenge", before: "", after: "担い手の確保" }]);
    // a workbook without the original cells: the row's fingerprint decides (edited since → conflict)
    const old = filled(wb, { 1: { challenge: "担い手の確保" } });
    for (const r of old.rows) r.original = null;
    expect((await previewWorkbookUpload(db().db, where, old, planning)).rows[0]!.status).toBe("conflict");
  });

  it("keeps submitted rows, refuses unreadable cells, another year, another department, a changed plan", async () => {
    const wb = await departmentWorkbook(db().db, { ...where, department: "産業振興課" }, clock.now());
    const r2 = (await listKpiYears(db().db, where)).find((r) => r.kpi.row === 2)!;
    await transitionReview(db().db, { id: r2.id, version: r2.version, to: "submitted" }, ctx);
    const locked = filled(wb, { 2: { actualText: "4.9万人" } });
    expect((await previewWorkbookUpload(db().db, where, locked, sangyo)).rows[1]).toMatchObject({
      status: "locked",
      refusals: ["提出済み・承認済みのため変更できません（差し戻されると変更できます）"],
    });
    const bad = filled(wb, { 1: { actualText: "41件", evaluation: "まあまあ" } });
    const plan = await previewWorkbookUpload(db().db, where, bad, sangyo);
    expect(plan.rows[0]!.status).toBe("invalid");
    expect(plan.rows[0]!.refusals[0]).toBe(
      "4行目「評価」: 「まあまあ」は選択肢にありません（一覧から選んでください）",
    );
    await expect(saveWorkbookUpload(db().db, where, bad, sangyo, ctx)).rejects.toMatchObject({
      code: "workbook_invalid",
    });
    await expect(
      previewWorkbookUpload(db().db, where, { ...filled(wb), fiscalYear: 2022 }, sangyo),
    ).rejects.toMatchObject({ code: "workbook_wrong_year" });
    await expect(
      previewWorkbookUpload(db().db, where, filled(wb), { role: "department", department: "観光課" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const ok = filled(wb, { 1: { actualText: "41件" } });
    await expect(saveWorkbookUpload(db().db, where, ok, sangyo, ctx, [])).rejects.toMatchObject({
      code: "workbook_changed",
    });
    expect((await listKpiYears(db().db, where)).find((r) => r.kpi.row === 1)!.kpi.actual.kind).toBe(
      "missing",
    );
  });
});
