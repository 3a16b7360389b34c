/** The review cycle: a year's rows for reviewers, and the steps submit / return / approve. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  bulkTransitionRequestSchema,
  bulkTransitionResultSchema,
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  rowResultSchema,
  transitionRequestSchema,
  yearRowsSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { checkTransition, mayTransition, openYearOf, type ReviewAction } from "../../core/review.ts";
import { rolesText } from "../../core/roles.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { assertSubmittable, previousYearRows, rowWarnings } from "../entry-checks.ts";
import { presentYear } from "../presenters.ts";
import type { KpiRowRecord, UserRecord } from "../store-adapter.ts";
import { kpiParams } from "./kpis.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const getReview = createRoute({
  method: "get",
  path: "/api/review",
  operationId: "getReview",
  summary: "A year's rows for review (without `year`: the open year, else the newest)",
  description: roles("viewReview"),
  middleware: [allow("viewReview")] as const,
  request: {
    query: z.object({ year: z.coerce.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX).optional() }),
  },
  responses: { 200: json(yearRowsSchema, "The year and all its rows"), ...errors(400, 401, 403) },
});

const transitionKpiYear = createRoute({
  method: "post",
  path: "/api/kpis/{id}/transitions",
  operationId: "transitionKpiYear",
  summary: "Take a review step: submit (draft/returned →), return with a comment, approve",
  description: `submit — ${rolesText("submit")} (a department its own KPIs); return, approve — ${rolesText("review")} Needs the x-csrf-token header. A return needs a comment. A step not allowed from the current state: 409 invalid_transition. A submit needs an actual (or 評価不可 with a reason from the list) and a reason when 進捗の遅れ (400 entry_incomplete), and confirmWarnings when the values look implausible (400 warnings_unconfirmed).`,
  middleware: [allow("submit")] as const,
  request: {
    params: kpiParams,
    body: { required: true, content: { "application/json": { schema: transitionRequestSchema } } },
  },
  responses: { 200: json(rowResultSchema, "The row in its new state"), ...errors(400, 401, 403, 404, 409) },
});

const bulkTransitionKpiYears = createRoute({
  method: "post",
  path: "/api/review/transitions",
  operationId: "bulkTransitionKpiYears",
  summary: "Approve (or return, with one comment) the selected KPI-years; one result per row",
  description: roles(
    "review",
    "Needs the x-csrf-token header. Each row moves on its own: a row that cannot (a stale version, another state) is listed with its error and the others still move.",
  ),
  middleware: [allow("review")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: bulkTransitionRequestSchema } } },
  },
  responses: { 200: json(bulkTransitionResultSchema, "One result per row"), ...errors(400, 401, 403) },
});

interface Step {
  action: ReviewAction;
  version: number;
  comment?: string | undefined;
  confirmWarnings?: boolean | undefined;
}

export function reviewRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { present, loadKpi, presentConflict } = helpers(services);
  const app = router();

  /** One review step on one row: who may, from which state, what a submit needs; then the store. */
  const takeStep = async (u: UserRecord, r: KpiRowRecord, body: Step): Promise<KpiRowRecord> => {
    if (!mayTransition(u, body.action, r.kpi.departments))
      throw new SoseiError("forbidden", "この操作の権限がありません");
    const step = checkTransition(r.state, body.action, body.comment);
    if (!step.ok) {
      if (step.problem === "comment_required")
        throw new SoseiError("validation_failed", "差し戻すときはコメントを書いてください", {
          field: "comment",
        });
      throw new SoseiError("invalid_transition", `現在の状態（${r.state}）からはこの操作はできません`, {
        state: r.state,
        action: body.action,
      });
    }
    // A stale version is a conflict first (the department sees the current row), then the checks.
    if (body.action === "submit" && body.version === r.version)
      await assertSubmittable(store, r, body.confirmWarnings === true);
    return store.transition(r, body.version, step.to, step.comment, u.id).catch(presentConflict);
  };

  app.openapi(getReview, async (c) => {
    requireUser(c, "viewReview");
    const years = await store.listYears();
    const year = c.req.valid("query").year ?? (openYearOf(years) ?? years.at(-1))?.fiscalYear;
    const y = years.find((x) => x.fiscalYear === year);
    if (!y) return c.json({ year: null, rows: [] }, 200);
    const rows = await store.kpisOfYear(y.fiscalYear);
    const previous = await previousYearRows(store, y.fiscalYear);
    const shown = rows.map((r) => ({ ...present(r), warnings: rowWarnings(r, previous.get(r.kpiId)) }));
    return c.json({ year: presentYear(y), rows: shown }, 200);
  });

  app.openapi(transitionKpiYear, async (c) => {
    const u = requireUser(c);
    const r = await loadKpi(c, c.req.valid("param").id);
    return c.json({ row: present(await takeStep(u, r, c.req.valid("json"))) }, 200);
  });

  app.openapi(bulkTransitionKpiYears, async (c) => {
    const u = requireUser(c, "review");
    const { action, comment, items } = c.req.valid("json");
    if (action === "return" && !comment?.trim())
      throw new SoseiError("validation_failed", "差し戻すときはコメントを書いてください", {
        field: "comment",
      });
    const results = [];
    for (const item of items) {
      try {
        const r = await loadKpi(c, item.id);
        const saved = await takeStep(u, r, { action, version: item.version, comment });
        results.push({ id: item.id, ok: true, row: present(saved) });
      } catch (e) {
        if (!(e instanceof SoseiError)) throw e;
        results.push({ id: item.id, ok: false, error: { code: e.code, message: e.message } });
      }
    }
    return c.json({ results }, 200);
  });
  return app;
}
