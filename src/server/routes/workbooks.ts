/**
 * Department workbooks of the open year: download one department's XLSX (a department its own) or a
 * ZIP of all (planning); upload a filled one → a preview per KPI and a token (nothing saved);
 * confirm → the changing rows saved as drafts (review states unchanged), or nothing when the store
 * changed since the preview. Conflicts (edited on the web since the workbook was made) and
 * submitted rows are listed and never written.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  workbookDepartmentsSchema,
  workbookPreviewSchema,
  workbookSavedSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { openYearOf } from "../../core/review.ts";
import { saveWorkbookUpload, workbookDepartments } from "../../store/index.ts";
import { allow, type Ctx, type RouteDeps, requireUser, router } from "../context.ts";
import { WORKBOOK_UPLOAD_PATH } from "../middleware.ts";
import { attachment, type Download } from "../outputs.ts";
import {
  allWorkbooksDownload,
  departmentWorkbookDownload,
  presentPlan,
  previewWorkbookFile,
} from "../workbook-files.ts";
import { errors, json, roles } from "./openapi-helpers.ts";
import { multipartFileBody, uploadedFile } from "./uploaded-file.ts";

const binary = z.string().openapi({ format: "binary" });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const OWN = "A department only its own (department may be omitted).";

const listWorkbookDepartments = createRoute({
  method: "get",
  path: "/api/workbooks",
  operationId: "listWorkbookDepartments",
  summary: "The open year and the departments that have a workbook (a department: its own)",
  description: roles("editKpi"),
  middleware: [allow("editKpi")] as const,
  responses: {
    200: json(workbookDepartmentsSchema, "The departments and their KPI counts"),
    ...errors(401, 403),
  },
});

const downloadDepartmentWorkbook = createRoute({
  method: "get",
  path: "/api/workbooks/department.xlsx",
  operationId: "downloadDepartmentWorkbook",
  summary: "A department's workbook of the open year (its KPIs, co-owned too; cells to fill unlocked)",
  description: roles("editKpi", OWN),
  middleware: [allow("editKpi")] as const,
  request: { query: z.object({ department: z.string().min(1).max(100).optional() }) },
  responses: {
    200: { description: "The workbook", content: { [XLSX]: { schema: binary } } },
    ...errors(400, 401, 403, 404),
  },
});

const downloadAllWorkbooks = createRoute({
  method: "get",
  path: "/api/workbooks/all.zip",
  operationId: "downloadAllDepartmentWorkbooks",
  summary: "Every department's workbook of the open year in one ZIP",
  description: roles("importSheet"),
  middleware: [allow("importSheet")] as const,
  responses: {
    200: { description: "The ZIP", content: { "application/zip": { schema: binary } } },
    ...errors(401, 403, 404),
  },
});

const uploadDepartmentWorkbook = createRoute({
  method: "post",
  path: WORKBOOK_UPLOAD_PATH,
  operationId: "uploadDepartmentWorkbook",
  summary: "Read a filled department workbook: per KPI what would change, and a token (nothing saved)",
  description: roles(
    "editKpi",
    `${OWN} Needs the x-csrf-token header. Multipart field \`file\`, at most 10 MB.`,
  ),
  middleware: [allow("editKpi")] as const,
  request: {
    body: multipartFileBody,
  },
  responses: {
    200: json(workbookPreviewSchema, "The preview and the token to confirm it"),
    ...errors(400, 401, 403, 404, 409, 413, 422),
  },
});

const confirmDepartmentWorkbook = createRoute({
  method: "post",
  path: `${WORKBOOK_UPLOAD_PATH}/{token}/confirm`,
  operationId: "confirmDepartmentWorkbook",
  summary: "Save a previewed workbook's changes as drafts (within 30 minutes, by the same user)",
  description: roles(
    "editKpi",
    "Needs the x-csrf-token header. Saves exactly the rows the preview showed as changing, or nothing (409 workbook_changed).",
  ),
  middleware: [allow("editKpi")] as const,
  request: { params: z.object({ token: z.string().min(1).max(200) }) },
  responses: { 201: json(workbookSavedSchema, "What was saved"), ...errors(401, 403, 404, 409, 422) },
});

export function workbookRoutes({ services }: RouteDeps) {
  const { store, db } = services;
  const app = router();
  const openYear = async () => {
    const open = openYearOf(await store.listYears());
    if (!open) throw new SoseiError("not_found", "入力中の年度がありません（年度を開始してください）");
    return { fiscalYear: open.fiscalYear, municipality: services.municipality };
  };
  const send = (d: Download) =>
    new Response(new Uint8Array(d.body) as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: { "content-type": d.contentType, "content-disposition": attachment(d.filename) },
    });
  const departmentOf = (c: Ctx, asked: string | undefined) => {
    const u = requireUser(c, "editKpi");
    if (u.role !== "department") {
      if (!asked) throw new SoseiError("validation_failed", "担当課を指定してください（department）");
      return asked;
    }
    if (asked && asked !== u.department)
      throw new SoseiError("forbidden", "他の担当課の記入シートは取得できません");
    if (!u.department) throw new SoseiError("forbidden", "このアカウントには担当課が設定されていません");
    return u.department;
  };

  app.openapi(listWorkbookDepartments, async (c) => {
    const u = requireUser(c, "editKpi");
    const open = openYearOf(await store.listYears());
    if (!open) return c.json({ fiscalYear: null, departments: [] }, 200);
    const all = await workbookDepartments(db, {
      fiscalYear: open.fiscalYear,
      municipality: services.municipality,
    });
    const departments = u.role === "department" ? all.filter((d) => d.name === u.department) : all;
    return c.json({ fiscalYear: open.fiscalYear, departments }, 200);
  });

  app.openapi(downloadDepartmentWorkbook, async (c) => {
    const department = departmentOf(c, c.req.valid("query").department);
    return send(
      await departmentWorkbookDownload(db, await openYear(), department, services.clock.now()),
    ) as never;
  });

  app.openapi(downloadAllWorkbooks, async () => {
    return send(await allWorkbooksDownload(db, await openYear(), services.clock.now())) as never;
  });

  app.openapi(uploadDepartmentWorkbook, async (c) => {
    const u = requireUser(c, "editKpi");
    const { fileName, bytes } = await uploadedFile(c);
    const { upload, plan } = await previewWorkbookFile(db, await openYear(), bytes, u);
    const token = services.newToken();
    const changing = plan.rows.filter((r) => r.status === "change").map((r) => r.id!);
    services.pendingWorkbooks.add(token, { userId: u.id, fileName, upload, changing });
    return c.json({ token, fileName, ...presentPlan(plan) }, 200);
  });

  app.openapi(confirmDepartmentWorkbook, async (c) => {
    const u = requireUser(c, "editKpi");
    const { token } = c.req.valid("param");
    const p = services.pendingWorkbooks.get(token, u.id);
    if (!p)
      throw new SoseiError(
        "not_found",
        "確認待ちの記入シートが見つかりません。もう一度ファイルを選んでください",
      );
    const saved = await saveWorkbookUpload(
      db,
      await openYear(),
      p.upload,
      u,
      {
        actor: u.id,
        clock: services.clock,
        ids: services.ids,
      },
      p.changing,
    );
    services.pendingWorkbooks.delete(token);
    return c.json(
      {
        fiscalYear: saved.fiscalYear,
        department: saved.department,
        saved: saved.saved,
        counts: saved.counts,
      },
      201,
    );
  });
  return app;
}
