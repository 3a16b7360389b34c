/** A year's sheet as downloads: sheet/1 JSON (imports back exactly) and CSV. */
import { createRoute, z } from "@hono/zod-openapi";
import { sheetSchema } from "../../core/api/index.ts";
import { helpers, type RouteDeps, router } from "../context.ts";
import { sheetCsv } from "../presenters.ts";
import { errors, roles } from "./openapi-helpers.ts";
import { yearParams } from "./years.ts";

const exportYearJson = createRoute({
  method: "get",
  path: "/api/years/{year}/export.json",
  operationId: "exportYearJson",
  summary: "The year's sheet as sheet/1 JSON (a download)",
  description: roles("public", "The public: published years only."),
  request: { params: yearParams },
  responses: {
    200: { description: "sheet/1", content: { "application/json": { schema: sheetSchema } } },
    ...errors(400, 404),
  },
});

const exportYearCsv = createRoute({
  method: "get",
  path: "/api/years/{year}/export.csv",
  operationId: "exportYearCsv",
  summary: "The year's sheet as CSV (UTF-8 with BOM, one line per KPI; a download)",
  description: roles("public", "The public: published years only."),
  request: { params: yearParams },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...errors(400, 404),
  },
});

export function exportRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { visibleYear, rowsOf } = helpers(services);
  const app = router();

  app.openapi(exportYearJson, async (c) => {
    const y = await visibleYear(c, c.req.valid("param").year);
    // The public's copy shows a row under correction (訂正) as last published.
    const sheet = c.get("user")
      ? await store.exportSheet(y.fiscalYear)
      : {
          ...(await store.exportSheet(y.fiscalYear)),
          kpis: (await rowsOf(c, y.fiscalYear)).map((r) => r.kpi),
        };
    c.header("content-disposition", `attachment; filename="sheet-${y.fiscalYear}.json"`);
    return c.json(sheet, 200);
  });

  app.openapi(exportYearCsv, async (c) => {
    const y = await visibleYear(c, c.req.valid("param").year);
    const rows = await rowsOf(c, y.fiscalYear);
    c.header("content-disposition", `attachment; filename="sheet-${y.fiscalYear}.csv"`);
    return c.body(sheetCsv(rows), 200, { "content-type": "text/csv; charset=utf-8" });
  });
  return app;
}
