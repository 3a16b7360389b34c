/** Fiscal years: the list, a year's dashboard and KPI rows (the sheet), publishing a year. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  dashboardSchema,
  FISCAL_YEAR_MAX,
  FISCAL_YEAR_MIN,
  kpiListQuerySchema,
  yearListSchema,
  yearResultSchema,
  yearSheetSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { buildDashboard } from "../dashboard.ts";
import { kpiMatchesSearch, presentYear } from "../presenters.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

/** `{year}` in a path: a fiscal year such as 2022. */
export const yearParams = z.object({
  year: z.coerce.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX),
});
const VISIBILITY =
  "The public sees published years only (an unpublished year answers 404); a row under correction (訂正) as last published.";

const listYears = createRoute({
  method: "get",
  path: "/api/years",
  operationId: "listYears",
  summary: "Stored fiscal years, with which is open and which are published",
  description: roles("public", VISIBILITY),
  responses: { 200: json(yearListSchema, "The years") },
});

const getDashboard = createRoute({
  method: "get",
  path: "/api/years/{year}/dashboard",
  operationId: "getDashboard",
  summary: "A year's summary: per 大基本目標, behind schedule, disagreements, entry progress",
  description: roles("public", `${VISIBILITY} Entry progress for logged-in users only.`),
  request: { params: yearParams },
  responses: { 200: json(dashboardSchema, "The dashboard"), ...errors(400, 404) },
});

const listKpis = createRoute({
  method: "get",
  path: "/api/years/{year}/kpis",
  operationId: "listKpis",
  summary: "A year's KPI rows, filtered (goal, department, evaluation, disagreement, words)",
  description: roles("public", VISIBILITY),
  request: { params: yearParams, query: kpiListQuerySchema },
  responses: {
    200: json(yearSheetSchema, "The rows, and the sheet's 数値目標 and scale"),
    ...errors(400, 404),
  },
});

const publishYear = createRoute({
  method: "post",
  path: "/api/years/{year}/publish",
  operationId: "publishYear",
  summary: "Publish a year whose KPIs are all approved",
  description: roles("publishYear", "Needs the x-csrf-token header. Not all approved: 409 not_all_approved."),
  middleware: [allow("publishYear")] as const,
  request: { params: yearParams },
  responses: { 200: json(yearResultSchema, "The published year"), ...errors(400, 401, 403, 404, 409) },
});

export function yearRoutes({ services, cachedJson }: RouteDeps) {
  const { store } = services;
  const { present, visibleYear, rowsOf } = helpers(services);
  const app = router();

  app.openapi(listYears, (c) =>
    cachedJson(c, async () => {
      const years = await store.listYears();
      const visible = c.get("user") ? years : years.filter((y) => y.publicVisible);
      return c.json({ years: visible.map(presentYear) }, 200);
    }),
  );

  app.openapi(getDashboard, (c) =>
    cachedJson(c, async () => {
      const y = await visibleYear(c, c.req.valid("param").year);
      const rows = await rowsOf(c, y.fiscalYear);
      return c.json(buildDashboard(y, rows, services.computeCategory, Boolean(c.get("user"))), 200);
    }),
  );

  app.openapi(listKpis, (c) =>
    cachedJson(c, async () => {
      const y = await visibleYear(c, c.req.valid("param").year);
      const f = c.req.valid("query");
      const rows = (await rowsOf(c, y.fiscalYear)).map(present).filter((r) => {
        const k = r.kpi;
        if (f.goal !== undefined && k.goal.no !== f.goal) return false;
        if (f.department && !k.departments.includes(f.department)) return false;
        if (f.evaluation && k.evaluation.category !== f.evaluation) return false;
        if ((f.disagreement === "1" || f.disagreement === "true") && !r.disagreement) return false;
        // Every word must match (NFKC on both sides): `出生 子育て` finds KPIs with both words.
        if (f.q && !kpiMatchesSearch(k, f.q)) return false;
        return true;
      });
      const printed = (await store.sheetExtensions?.(y.fiscalYear)) ?? { numericGoals: [], scale: null };
      return c.json({ year: presentYear(y), rows, ...printed }, 200);
    }),
  );

  app.openapi(publishYear, async (c) => {
    const u = requireUser(c, "publishYear");
    const { year } = c.req.valid("param");
    if (!(await store.year(year))) throw new SoseiError("not_found", `${year}年度のデータがありません`);
    await store.publishYear(year, u.username);
    const y = await store.year(year);
    if (!y) throw new SoseiError("not_found", `${year}年度のデータがありません`);
    return c.json({ year: presentYear(y) }, 200);
  });
  return app;
}
