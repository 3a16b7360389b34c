/**
 * Publication with confirmation and correction (訂正): what publishing a year makes public (for the
 * confirmation), and reopening a published KPI-year with a reason. The department then edits the
 * row (it is `returned`, the reason as the return comment), planning approves it, and publishing the
 * year again (publishYear) dates the correction. Until then the public sees the last published value.
 */
import { createRoute } from "@hono/zod-openapi";
import { openCorrectionRequestSchema, publishPreviewSchema, rowResultSchema } from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { reopenForCorrection } from "../../store/index.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { kpiParams } from "./kpis.ts";
import { errors, json, roles } from "./openapi-helpers.ts";
import { yearParams } from "./years.ts";

const getPublishPreview = createRoute({
  method: "get",
  path: "/api/years/{year}/publish-preview",
  operationId: "getPublishPreview",
  summary: "What publishing the year makes public: KPI count, departments, rows not approved, corrections",
  description: roles("publishYear"),
  middleware: [allow("publishYear")] as const,
  request: { params: yearParams },
  responses: { 200: json(publishPreviewSchema, "The preview"), ...errors(400, 401, 403, 404) },
});

const openCorrection = createRoute({
  method: "post",
  path: "/api/kpis/{id}/correction",
  operationId: "openCorrection",
  summary:
    "Reopen a published KPI-year for a correction (訂正) with a reason; it goes back to the department",
  description: roles(
    "publishYear",
    "Needs the x-csrf-token header. Not published: 409 invalid_transition; a stale version: 409 version_conflict.",
  ),
  middleware: [allow("publishYear")] as const,
  request: {
    params: kpiParams,
    body: { required: true, content: { "application/json": { schema: openCorrectionRequestSchema } } },
  },
  responses: {
    200: json(rowResultSchema, "The row, back with the department"),
    ...errors(400, 401, 403, 404, 409),
  },
});

export function publicationRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { present, loadKpi, rowsOf } = helpers(services);
  const ctx = (actor: string) => ({ actor, clock: services.clock, ids: services.ids });
  const app = router();

  app.openapi(getPublishPreview, async (c) => {
    requireUser(c, "publishYear");
    const { year } = c.req.valid("param");
    if (!(await store.year(year))) throw new SoseiError("not_found", `${year}年度のデータがありません`);
    const rows = await rowsOf(c, year);
    const ok = rows.filter((r) => r.state === "approved" || r.state === "published");
    const perDepartment = new Map<string, number>();
    for (const r of ok)
      for (const d of r.kpi.departments) perDepartment.set(d, (perDepartment.get(d) ?? 0) + 1);
    const corrections = await store.correctionsOfYear?.(year);
    return c.json(
      {
        fiscalYear: year,
        total: rows.length,
        publishable: ok.length,
        departments: [...perDepartment].map(([department, count]) => ({ department, count })),
        notApproved: rows
          .filter((r) => r.state !== "approved" && r.state !== "published")
          .map((r) => ({ id: r.id, row: r.row, indicator: r.kpi.indicator, state: r.state })),
        corrections: rows.flatMap((r) => {
          const open = corrections?.get(r.storeId)?.notes.find((n) => n.republishedAt === null);
          return open ? [{ id: r.id, indicator: r.kpi.indicator, reason: open.reason }] : [];
        }),
        canPublish: rows.length > 0 && ok.length === rows.length,
      },
      200,
    );
  });

  app.openapi(openCorrection, async (c) => {
    const u = requireUser(c, "publishYear");
    const r = await loadKpi(c, c.req.valid("param").id);
    const { version, reason } = c.req.valid("json");
    await reopenForCorrection(services.db, { id: r.storeId, version, reason }, ctx(u.id));
    return c.json({ row: present(await loadKpi(c, r.id)) }, 200);
  });
  return app;
}
