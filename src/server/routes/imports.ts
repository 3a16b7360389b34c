/**
 * Import in two steps: upload → the import report and a token (nothing saved); confirm → saved,
 * all or nothing. A published year cannot be replaced.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { importPreviewSchema, remapImportRequestSchema, yearResultSchema } from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { parseScale } from "../../sheet/index.ts";
import { allow, type RouteDeps, requireUser, router } from "../context.ts";
import { correctedProfile, layoutFingerprint, profileToSave } from "../import-mapping.ts";
import { presentYear } from "../presenters.ts";
import { readUpload } from "../web-import.ts";
import { errors, json, roles } from "./openapi-helpers.ts";
import { multipartImportBody, uploadedFile } from "./uploaded-file.ts";

const previewImport = createRoute({
  method: "post",
  path: "/api/imports",
  operationId: "previewImport",
  summary: "Read an uploaded sheet (Markdown/PDF text, CSV, XLSX, sheet/1 JSON): the report and a token",
  description: roles(
    "importSheet",
    'Needs the x-csrf-token header. Multipart field `file`, at most 10 MB; optional field `scale` (JSON, `{"bands":[{"label":"A","category":"on_track"}]}`): what the rating marks mean when the file prints no legend (a refusal `import_failed` lists them in `details.scaleLabels`).',
  ),
  middleware: [allow("importSheet")] as const,
  request: {
    body: multipartImportBody,
  },
  responses: {
    200: json(importPreviewSchema, "What would be saved, and the token to confirm it"),
    ...errors(400, 401, 403, 413, 422),
  },
});

const remapImport = createRoute({
  method: "post",
  path: "/api/imports/{token}/mapping",
  operationId: "remapImport",
  summary: "Read a previewed upload again with corrected column meanings: a new preview and token",
  description: roles(
    "importSheet",
    "Needs the x-csrf-token header. `columns`: the corrected fields by table and column (the preview's `mapping.fields`); the others stay as recognised; `fiscalYear`: another year's worksheet to read (`mapping.yearSheets`). Confirming the new token saves this mapping for the municipality.",
  ),
  middleware: [allow("importSheet")] as const,
  request: {
    params: z.object({ token: z.string().min(1).max(200) }),
    body: { required: true, content: { "application/json": { schema: remapImportRequestSchema } } },
  },
  responses: {
    200: json(importPreviewSchema, "The upload read with the corrected mapping"),
    ...errors(400, 401, 403, 404, 422),
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

/** The form's `scale` field: what each rating mark means ({"bands":[{"label":"A","category":"on_track"}, …]}). */
function scaleField(text: string) {
  try {
    return parseScale(JSON.parse(text));
  } catch (e) {
    throw new SoseiError("invalid_profile", `評価基準(scale)を読めません: ${(e as Error).message}`);
  }
}

export function importRoutes({ services }: RouteDeps) {
  const { store } = services;
  const app = router();

  app.openapi(previewImport, async (c) => {
    const u = requireUser(c, "importSheet");
    const { fileName, bytes, fields } = await uploadedFile(c);
    const scale = fields.scale ? scaleField(fields.scale) : null;
    return c.json(await readUpload(services, { bytes, fileName, userId: u.id, scale }), 200);
  });

  app.openapi(remapImport, async (c) => {
    const u = requireUser(c, "importSheet");
    const { token } = c.req.valid("param");
    const p = services.pendingImports.get(token, u.id);
    if (!p?.bytes || !p.recognised)
      throw new SoseiError(
        "not_found",
        "確認待ちの取り込みが見つかりません。もう一度ファイルを選んでください",
      );
    const body = c.req.valid("json");
    const fixed = correctedProfile(p.recognised, body.columns, body.fiscalYear);
    if ("error" in fixed) throw new SoseiError("invalid_profile", fixed.error);
    const preview = await readUpload(
      services,
      { bytes: p.bytes, fileName: p.fileName, userId: u.id },
      fixed.profile,
    );
    services.pendingImports.delete(token);
    return c.json(preview, 200);
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
    // The mapping confirmed with the import is the municipality's from now on (a table's columns).
    const r = p.recognised;
    const profile =
      r && r.columns.length > 0
        ? { profile: { ...profileToSave(r) }, fingerprint: layoutFingerprint(r), source: p.fileName }
        : null;
    await store.saveSheet(p.sheet, u.id, profile);
    services.pendingImports.delete(token);
    const saved = await store.year(p.sheet.fiscalYear);
    if (!saved) throw new SoseiError("not_found", `${p.sheet.fiscalYear}年度のデータがありません`);
    return c.json({ year: presentYear(saved) }, 201);
  });
  return app;
}
