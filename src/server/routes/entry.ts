/**
 * Department entry: the open year's rows a user may edit (with last year beside them and the comments
 * on each card), withdrawing a submission before review starts, replying to a comment.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  commentResultSchema,
  entryListSchema,
  rowResultSchema,
  withdrawRequestSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { openYearOf } from "../../core/review.ts";
import { mayEditKpi } from "../../core/roles.ts";
import { findSheet, withdrawSubmission } from "../../store/index.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { previousYearRows, rowWarnings } from "../entry-checks.ts";
import { presentComment, presentYear } from "../presenters.ts";
import type { KpiRowRecord } from "../store-adapter.ts";
import { kpiParams } from "./kpis.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const getEntry = createRoute({
  method: "get",
  path: "/api/entry",
  operationId: "getEntry",
  summary:
    "The open year's rows this user may edit (a department: its own, co-owned KPIs included), with last year's values and the comments; rows of earlier years reopened for a correction (訂正)",
  description: roles("editKpi"),
  middleware: [allow("editKpi")] as const,
  responses: { 200: json(entryListSchema, "The open year and its editable rows"), ...errors(401, 403) },
});

const withdrawKpiYear = createRoute({
  method: "post",
  path: "/api/kpis/{id}/withdraw",
  operationId: "withdrawKpiYear",
  summary: "Take a submitted KPI back to draft, until review starts (approved or returned: refused)",
  description: roles(
    "submit",
    "A department only its own KPIs. Needs the x-csrf-token header. Not submitted: 409 invalid_transition; a stale version: 409 version_conflict.",
  ),
  middleware: [allow("submit")] as const,
  request: {
    params: kpiParams,
    body: { required: true, content: { "application/json": { schema: withdrawRequestSchema } } },
  },
  responses: { 200: json(rowResultSchema, "The row, back in draft"), ...errors(400, 401, 403, 404, 409) },
});

const replyToComment = createRoute({
  method: "post",
  path: "/api/kpis/{id}/replies",
  operationId: "replyToComment",
  summary: "Reply to a comment on a KPI of a year (the department answers the committee or planning)",
  description: roles("submit", "A department only on its own KPIs. Needs the x-csrf-token header."),
  middleware: [allow("submit")] as const,
  request: {
    params: kpiParams,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            parentId: z.string().min(1).max(100),
            body: z.string().trim().min(1, "返信を入力してください").max(4000),
          }),
        },
      },
    },
  },
  responses: { 201: json(commentResultSchema, "The reply"), ...errors(400, 401, 403, 404) },
});

export function entryRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { present, loadKpi, rowsOf, presentConflict } = helpers(services);
  const app = router();

  /** The rows as entry cards: last year beside each, its warnings and its comments. */
  const entryRows = async (rows: KpiRowRecord[], fiscalYear: number) => {
    const previous = await previousYearRows(store, fiscalYear);
    const commentsByRow = await store.commentsOfRows(rows);
    const out = [];
    for (const r of rows) {
      const p = previous.get(r.kpiId);
      out.push({
        ...present(r),
        warnings: rowWarnings(r, p),
        previous: p
          ? {
              fiscalYear: p.fiscalYear,
              actual: p.kpi.actual,
              evaluation: p.kpi.evaluation,
              computed: services.computeCategory(p.kpi, p.fiscalYear),
              status: p.kpi.status,
              reason: p.kpi.reason,
              challenge: p.kpi.challenge,
              nextSteps: p.kpi.nextSteps,
            }
          : null,
        comments: (commentsByRow.get(r.storeId) ?? []).map(presentComment),
      });
    }
    return out;
  };

  app.openapi(getEntry, async (c) => {
    const u = requireUser(c, "editKpi");
    const years = await store.listYears();
    const mine = (rows: KpiRowRecord[]) => rows.filter((r) => mayEditKpi(u, r.kpi.departments));
    // A year published and now under correction: its reopened rows (not the published ones).
    const reopened = [];
    for (const y of years.filter((y) => y.publicVisible && !y.published))
      reopened.push(
        ...(await entryRows(
          mine(await rowsOf(c, y.fiscalYear)).filter((r) => r.state !== "published"),
          y.fiscalYear,
        )),
      );
    const open = openYearOf(years);
    if (!open) return c.json({ year: null, entryDeadline: null, rows: [], reopened }, 200);
    const rows = await entryRows(mine(await store.kpisOfYear(open.fiscalYear)), open.fiscalYear);
    const found = await findSheet(services.db, {
      fiscalYear: open.fiscalYear,
      municipality: services.municipality,
    }).catch(() => null);
    return c.json(
      { year: presentYear(open), entryDeadline: found?.sheet.entryDeadline ?? null, rows, reopened },
      200,
    );
  });

  app.openapi(withdrawKpiYear, async (c) => {
    const u = requireUser(c, "submit");
    const r = await loadKpi(c, c.req.valid("param").id);
    if (!mayEditKpi(u, r.kpi.departments))
      throw new SoseiError("forbidden", "他の担当課のKPIは取り下げできません");
    const ctx = { actor: u.id, clock: services.clock, ids: services.ids };
    try {
      await withdrawSubmission(services.db, { id: r.storeId, version: c.req.valid("json").version }, ctx);
    } catch (e) {
      // The store's conflict carries only the state: answer with the whole current row, like a save.
      if (e instanceof SoseiError && e.code === "version_conflict")
        presentConflict(new SoseiError(e.code, e.message, { current: await store.kpiByKey(r.id) }));
      throw e;
    }
    return c.json({ row: present((await store.kpiByKey(r.id))!) }, 200);
  });

  app.openapi(replyToComment, async (c) => {
    const u = requireUser(c, "submit");
    const r = await loadKpi(c, c.req.valid("param").id);
    if (!mayEditKpi(u, r.kpi.departments))
      throw new SoseiError("forbidden", "他の担当課のKPIには返信できません");
    const { parentId, body } = c.req.valid("json");
    const saved = await store.addComment(r, body, u.id, parentId);
    return c.json({ comment: presentComment(saved) }, 201);
  });
  return app;
}
