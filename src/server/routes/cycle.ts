/** The yearly cycle: open a year from the plan, the department master list, who has not submitted. */
import { createRoute } from "@hono/zod-openapi";
import {
  createDepartmentRequestSchema,
  departmentListSchema,
  departmentSchema,
  missingSubmissionsSchema,
  openYearRequestSchema,
  openYearResultSchema,
} from "../../core/api/index.ts";
import { departments, missingSubmissions, openYear } from "../../store/index.ts";
import { allow, type RouteDeps, requireUser, router } from "../context.ts";
import { errors, json, roles } from "./openapi-helpers.ts";
import { yearParams } from "./years.ts";

const openYearRoute = createRoute({
  method: "post",
  path: "/api/years/{year}/open",
  operationId: "openYear",
  summary:
    "Open a fiscal year from the plan: its KPIs, departments, final and yearly targets; actuals empty; drafts",
  description: roles(
    "openYear",
    "Needs the x-csrf-token header. A year that exists: 409 year_exists; outside the plan: 409 year_outside_plan.",
  ),
  middleware: [allow("openYear")] as const,
  request: {
    params: yearParams,
    body: { required: true, content: { "application/json": { schema: openYearRequestSchema } } },
  },
  responses: { 201: json(openYearResultSchema, "The opened year"), ...errors(400, 401, 403, 404, 409) },
});

const listDepartmentsRoute = createRoute({
  method: "get",
  path: "/api/departments",
  operationId: "listDepartments",
  summary: "The department master list (担当課), in display order",
  description: roles("read"),
  middleware: [allow("read")] as const,
  responses: { 200: json(departmentListSchema, "The departments"), ...errors(401) },
});

const createDepartmentRoute = createRoute({
  method: "post",
  path: "/api/departments",
  operationId: "createDepartment",
  summary: "Add a department to the master list",
  description: roles("editStrategy", "Needs the x-csrf-token header. A listed name: 409 department_exists."),
  middleware: [allow("editStrategy")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: createDepartmentRequestSchema } } },
  },
  responses: { 201: json(departmentSchema, "The new department"), ...errors(400, 401, 403, 409) },
});

const listMissingSubmissionsRoute = createRoute({
  method: "get",
  path: "/api/years/{year}/missing-submissions",
  operationId: "listMissingSubmissions",
  summary:
    "Per department, the KPIs of a year not yet submitted (draft or returned), with the entry deadline",
  description: roles("viewReview"),
  middleware: [allow("viewReview")] as const,
  request: { params: yearParams },
  responses: { 200: json(missingSubmissionsSchema, "Who has not submitted"), ...errors(400, 401, 403, 404) },
});

export function cycleRoutes({ services }: RouteDeps) {
  const db = services.db;
  const ctx = (actor: string) => ({ actor, clock: services.clock, ids: services.ids });
  const app = router();

  app.openapi(openYearRoute, async (c) => {
    const u = requireUser(c, "openYear");
    const { year } = c.req.valid("param");
    const body = c.req.valid("json");
    const r = await openYear(
      db,
      { fiscalYear: year, municipality: services.municipality, entryDeadline: body.entryDeadline ?? null },
      ctx(u.username),
    );
    const { sheetId: _s, planId: _p, ...shown } = r;
    return c.json(shown, 201);
  });

  app.openapi(listDepartmentsRoute, async (c) => {
    requireUser(c, "read");
    const list = await departments.listDepartments(db);
    return c.json({ departments: list.map((d) => ({ id: d.id, name: d.name, position: d.position })) }, 200);
  });

  app.openapi(createDepartmentRoute, async (c) => {
    const u = requireUser(c, "editStrategy");
    const d = await departments.createDepartment(db, c.req.valid("json"), ctx(u.username));
    return c.json({ id: d.id, name: d.name, position: d.position }, 201);
  });

  app.openapi(listMissingSubmissionsRoute, async (c) => {
    requireUser(c, "viewReview");
    const { year } = c.req.valid("param");
    return c.json(
      await missingSubmissions(db, { fiscalYear: year, municipality: services.municipality }),
      200,
    );
  });
  return app;
}
