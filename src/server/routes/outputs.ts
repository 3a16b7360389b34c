/**
 * The official outputs of a year as downloads: the printed sheet (PDF, A4 landscape), the workbook
 * (XLSX, numbers typed), the sheet CSV for Excel (imports back) and the open data CSV (kpi_id,
 * review_state). Logged-in users get any stored year, a year not yet published marked 案; the public
 * gets published years only (404 otherwise). The files are made by ../outputs.ts.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { helpers, type RouteDeps, router } from "../context.ts";
import { attachment, type Download, openDataDownload, type SheetFormat, sheetDownload } from "../outputs.ts";
import { errors, roles } from "./openapi-helpers.ts";
import { yearParams } from "./years.ts";

const binary = z.string().openapi({ format: "binary" });
const PUBLIC_NOTE =
  "The public: published years only. Logged-in users: any stored year, marked 案 until published.";

const download = (operationId: string, file: string, contentType: string, summary: string) =>
  createRoute({
    method: "get",
    path: `/api/years/{year}/${file}`,
    operationId,
    summary,
    description: roles("public", PUBLIC_NOTE),
    request: { params: yearParams },
    responses: {
      200: { description: summary, content: { [contentType]: { schema: binary } } },
      ...errors(400, 404),
    },
  });

const downloadSheetPdf = download(
  "downloadSheetPdf",
  "sheet.pdf",
  "application/pdf",
  "The official sheet as PDF (A4 landscape, bundled Japanese font)",
);
const downloadSheetXlsx = download(
  "downloadSheetXlsx",
  "sheet.xlsx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "The sheet as Excel in the city's layout (targets and actuals as numbers; imports back)",
);
const downloadSheetCsv = download(
  "downloadSheetCsv",
  "sheet.csv",
  "text/csv",
  "The sheet as CSV for Excel (14 printed columns, formula-like cells neutralised; imports back)",
);
const downloadOpenData = download(
  "downloadOpenData",
  "open-data.csv",
  "text/csv",
  "The year's open data CSV (docs/open-data.md: kpi_id and review_state on every row)",
);

export function outputRoutes({ services }: RouteDeps) {
  const { visibleYear } = helpers(services);
  const db = services.db;
  const where = (fiscalYear: number) => ({ fiscalYear, municipality: services.municipality });
  const send = (d: Download) =>
    new Response(new Uint8Array(d.body) as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: { "content-type": d.contentType, "content-disposition": attachment(d.filename) },
    });
  const app = router();
  const sheetRoute = (route: typeof downloadSheetPdf, format: SheetFormat) =>
    app.openapi(route, async (c) => {
      const y = await visibleYear(c, c.req.valid("param").year);
      return send(
        await sheetDownload(db, where(y.fiscalYear), format, !c.get("user"), services.printPdf),
      ) as never;
    });
  sheetRoute(downloadSheetPdf, "pdf");
  sheetRoute(downloadSheetXlsx, "xlsx");
  sheetRoute(downloadSheetCsv, "csv");
  app.openapi(downloadOpenData, async (c) => {
    const y = await visibleYear(c, c.req.valid("param").year);
    return send(await openDataDownload(db, where(y.fiscalYear), !c.get("user"))) as never;
  });
  return app;
}
