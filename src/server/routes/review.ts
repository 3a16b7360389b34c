/** The review cycle: a year's rows for reviewers, and the steps submit / return / approve. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  rowResultSchema,
  transitionRequestSchema,
  yearRowsSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { checkTransition, mayTransition, openYearOf } from "../../core/review.ts";
import { rolesText } from "../../core/roles.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { presentYear } from "../presenters.ts";
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
  description: `submit — ${rolesText("submit")} (a department its own KPIs); return, approve — ${rolesText("review")} Needs the x-csrf-token header. A return needs a comment. A step not allowed from the current state: 409 invalid_transition.`,
  middleware: [allow("submit")] as const,
  request: {
    params: kpiParams,
    body: { required: true, content: { "application/json": { schema: transitionRequestSchema } } },
  },
  responses: { 200: json(rowResultSchema, "The row in its new state"), ...errors(400, 401, 403, 404, 409) },
});

export function reviewRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { present, loadKpi, presentConflict } = helpers(services);
  const app = router();

  app.openapi(getReview, async (c) => {
    requireUser(c, "viewReview");
    const years = await store.listYears();
    const year = c.req.valid("query").year ?? (openYearOf(years) ?? years.at(-1))?.fiscalYear;
    const y = years.find((x) => x.fiscalYear === year);
    if (!y) return c.json({ year: null, rows: [] }, 200);
    const rows = await store.kpisOfYear(y.fiscalYear);
    return c.json({ year: presentYear(y), rows: rows.map(present) }, 200);
  });

  app.openapi(transitionKpiYear, async (c) => {
    const u = requireUser(c);
    const r = await loadKpi(c, c.req.valid("param").id);
    const body = c.req.valid("json");
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
    const saved = await store.transition(r, body.version, step.to, step.comment, u.id).catch(presentConflict);
    return c.json({ row: present(saved) }, 200);
  });
  return app;
}
