/** One KPI of one year: its page (history, comments, audit) and saving its values (entry.ts: the entry list). */
import { createRoute, z } from "@hono/zod-openapi";
import { kpiDetailSchema, rowResultSchema, updateKpiRequestSchema } from "../../core/api/index.ts";
import { withKpiUnit } from "../../core/entry/kpi-entry.ts";
import { SoseiError } from "../../core/errors.ts";
import { earlierPrintedYears } from "../../core/printed-years.ts";
import { isEditable } from "../../core/review.ts";
import { mayEditKpi } from "../../core/roles.ts";
import type { Kpi } from "../../core/sheet.ts";
import { parseValue } from "../../core/value/parse-value.ts";
import type { KpiYearChanges } from "../../store/repositories/kpi-years.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { presentAudit, presentComment, presentCorrections } from "../presenters.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

/** `{id}` in a path: `<fiscal year>-<row>`, e.g. 2022-5. */
export const kpiParams = z.object({ id: z.string().regex(/^\d{4}-\d+$/) });

const getKpi = createRoute({
  method: "get",
  path: "/api/kpis/{id}",
  operationId: "getKpi",
  summary: "A KPI of a year with its history across years; comments and audit for logged-in users",
  description: roles("public", "The public sees published years only."),
  request: { params: kpiParams },
  responses: { 200: json(kpiDetailSchema, "The KPI"), ...errors(400, 404) },
});

const updateKpiYear = createRoute({
  method: "put",
  path: "/api/kpis/{id}",
  operationId: "updateKpiYear",
  summary: "Save the actual value and narrative of a KPI in draft or returned (optimistic: `version`)",
  description: roles(
    "editKpi",
    "A department only its own KPIs. Needs the x-csrf-token header. A stale version: 409 version_conflict with the current row.",
  ),
  middleware: [allow("editKpi")] as const,
  request: {
    params: kpiParams,
    body: { required: true, content: { "application/json": { schema: updateKpiRequestSchema } } },
  },
  responses: { 200: json(rowResultSchema, "The saved row"), ...errors(400, 401, 403, 404, 409) },
});

/** The period of the "actual" column for a fiscal year: the target's own period when it names one. */
function columnPeriod(kpi: Kpi, fiscalYear: number) {
  const t = kpi.target;
  if (t.kind === "number" || t.kind === "segmented") return t.period;
  return { year: fiscalYear, basis: "fiscal" as const };
}

export function kpiRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { present, loadKpi, historyOf, presentConflict } = helpers(services);
  const app = router();

  app.openapi(getKpi, async (c) => {
    const r = await loadKpi(c, c.req.valid("param").id);
    const loggedIn = Boolean(c.get("user"));
    const visible = await historyOf(c, r);
    const history = visible.map((h) => ({
      id: h.id,
      fiscalYear: h.fiscalYear,
      state: h.state,
      target: h.kpi.target,
      actual: h.kpi.actual,
      finalTarget: h.kpi.finalTarget,
      evaluation: h.kpi.evaluation,
      computed: services.computeCategory(h.kpi, h.fiscalYear),
      ...presentCorrections(h),
    }));
    return c.json(
      {
        row: present(r),
        history,
        // Earlier years the visible sheets printed in their year columns (never stored as years).
        printedYears: earlierPrintedYears(visible),
        comments: loggedIn ? (await store.commentsOf(r)).map(presentComment) : [],
        audit: loggedIn ? (await store.auditOf(r)).map(presentAudit) : [],
      },
      200,
    );
  });

  app.openapi(updateKpiYear, async (c) => {
    const u = requireUser(c, "editKpi");
    const r = await loadKpi(c, c.req.valid("param").id);
    if (!mayEditKpi(u, r.kpi.departments))
      throw new SoseiError("forbidden", "他の担当課のKPIは編集できません");
    const body = c.req.valid("json");
    if (!isEditable(r.state))
      throw new SoseiError(
        "invalid_transition",
        "提出後・承認後のKPIは編集できません（差し戻されると編集できます）",
        { state: r.state },
      );
    const changes: KpiYearChanges = {};
    if (body.actualText !== undefined) {
      if (body.actualText.trim() === "") changes.actual = { kind: "missing", raw: "" };
      else {
        const pv = parseValue(body.actualText, columnPeriod(r.kpi, r.fiscalYear));
        if (!pv.ok)
          throw new SoseiError("invalid_value", `実績値を読み取れません: ${pv.problem.message}`, {
            field: "actualText",
            problem: pv.problem,
          });
        changes.actual = withKpiUnit(pv.value, r.kpi);
      }
    }
    if (body.reason !== undefined) changes.reason = body.reason;
    if (body.challenge !== undefined) changes.challenge = body.challenge;
    if (body.nextSteps !== undefined) changes.nextSteps = body.nextSteps;
    if (body.status !== undefined) changes.status = body.status;
    if (body.evaluation) {
      // A reason for 評価不可 belongs to 評価不可 only: another category drops it.
      const { notEvaluableReason, notEvaluableText, ...evaluation } = body.evaluation;
      changes.evaluation =
        evaluation.category === "not_evaluable" && notEvaluableReason
          ? {
              ...evaluation,
              notEvaluableReason,
              ...(notEvaluableReason === "other" ? { notEvaluableText: notEvaluableText ?? null } : {}),
            }
          : evaluation;
    }
    const saved = await store.updateKpi(r, body.version, changes, u.id).catch(presentConflict);
    return c.json({ row: present(saved) }, 200);
  });
  return app;
}
