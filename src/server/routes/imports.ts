/**
 * Import in two steps: upload → the import report and a token (nothing saved); confirm → saved,
 * all or nothing. A published year cannot be replaced.
 */
import path from "node:path";
import { createRoute, z } from "@hono/zod-openapi";
import { importPreviewSchema, yearResultSchema } from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { allow, type RouteDeps, requireUser, router } from "../context.ts";
import { presentImportReport } from "../importer.ts";
import { presentYear } from "../presenters.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const previewImport = createRoute({
  method: "post",
  path: "/api/imports",
  operationId: "previewImport",
  summary: "Read an uploaded sheet (Markdown/PDF text, CSV, XLSX, sheet/1 JSON): the report and a token",
  description: roles("importSheet", "Needs the x-csrf-token header. Multipart field `file`, at most 10 MB."),
  middleware: [allow("importSheet")] as const,
  request: {
    body: {
      required: true,
      // A plain schema, not zod: the handler reads the upload itself and answers invalid_upload.
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { file: { type: "string", format: "binary" } },
            required: ["file"],
          },
        },
      },
    },
  },
  responses: {
    200: json(importPreviewSchema, "What would be saved, and the token to confirm it"),
    ...errors(400, 401, 403, 413, 422),
  },
});

const confirmImport = createRoute({
  method: "post",
  path: "/api/imports/{token}/confirm",
  operationId: "confirmImport",
  summary: "Save a previewed import (within 30 minutes, by the same user)",
  description: roles("importSheet", "Needs the x-csrf-token header. A published year: 409 year_published."),
  middleware: [allow("importSheet")] as const,
  request: { params: z.object({ token: z.string().min(1).max(200) }) },
  responses: { 201: json(yearResultSchema, "The saved year"), ...errors(401, 403, 404, 409) },
});

export function importRoutes({ services }: RouteDeps) {
  const { store } = services;
  const app = router();

  app.openapi(previewImport, async (c) => {
    const u = requireUser(c, "importSheet");
    if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data"))
      throw new SoseiError("invalid_upload", "ファイルを multipart/form-data の file 欄で送ってください");
    const form = await c.req.parseBody().catch(() => {
      throw new SoseiError("invalid_upload", "アップロードを読み取れません");
    });
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw new SoseiError("invalid_upload", "ファイルが選ばれていないか、空のファイルです");
    // The browser's file name is only a label: keep no directory part (either slash), ever.
    const fileName = path.basename(file.name.replaceAll("\\", "/"));
    const outcome = await services.importSheet(new Uint8Array(await file.arrayBuffer()), fileName);
    const report = presentImportReport(outcome);
    if (!outcome.ok)
      throw new SoseiError("import_failed", `${fileName} を読み込めませんでした: ${outcome.error.message}`, {
        report,
      });
    const token = services.newToken();
    services.pendingImports.add(token, { sheet: outcome.sheet, fileName, userId: u.id });
    const existing = await store.year(outcome.sheet.fiscalYear);
    return c.json(
      {
        token,
        fileName,
        fiscalYear: outcome.sheet.fiscalYear,
        municipality: outcome.sheet.municipality ?? null,
        kpiCount: outcome.sheet.kpis.length,
        replaces: existing ? presentYear(existing) : null,
        report,
      },
      200,
    );
  });

  app.openapi(confirmImport, async (c) => {
    const u = requireUser(c, "importSheet");
    const { token } = c.req.valid("param");
    const p = services.pendingImports.get(token, u.id);
    if (!p)
      throw new SoseiError(
        "not_found",
        "確認待ちの取り込みが見つかりません。もう一度ファイルを選んでください",
      );
    const existing = await store.year(p.sheet.fiscalYear);
    if (existing?.published)
      throw new SoseiError("year_published", `${p.sheet.fiscalYear}年度は公表済みのため置き換えできません`);
    await store.saveSheet(p.sheet, u.id);
    services.pendingImports.delete(token);
    const saved = await store.year(p.sheet.fiscalYear);
    if (!saved) throw new SoseiError("not_found", `${p.sheet.fiscalYear}年度のデータがありません`);
    return c.json({ year: presentYear(saved) }, 201);
  });
  return app;
}
