/**
 * Editing the strategy (planning, admin): the goal tree, KPIs and their targets per fiscal year, the
 * department list, revising the plan, the entry deadline. Thin handlers over the store's use cases
 * (src/store/use-cases/edit-strategy.ts, revise-plan.ts), which write every change to the audit log.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  createKpiRequestSchema,
  createNodeRequestSchema,
  departmentSchema,
  entryDeadlineRequestSchema,
  entryDeadlineResultSchema,
  idResultSchema,
  kpiIdResultSchema,
  okSchema,
  retireKpiRequestSchema,
  revisePlanRequestSchema,
  revisePlanResultSchema,
  setKpiTargetsRequestSchema,
  strategyQuerySchema,
  strategySchema,
  updateDepartmentRequestSchema,
  updateKpiDefinitionRequestSchema,
  updateNodeRequestSchema,
  type ValueInput,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import type { Value } from "../../core/sheet.ts";
import { parseValue } from "../../core/value/parse-value.ts";
import {
  createKpi,
  createTreeNode,
  type Db,
  departments,
  findSheet,
  inTransaction,
  type KpiFields,
  retireKpi,
  retitleTreeNode,
  revisePlan,
  setEntryDeadline,
  setKpiTarget,
  strategyView,
  updateKpi,
} from "../../store/index.ts";
import { allow, type RouteDeps, requireUser, router } from "../context.ts";
import { errors, json, roles } from "./openapi-helpers.ts";
import { yearParams } from "./years.ts";

const CSRF = "Needs the x-csrf-token header. Every change goes to the audit log.";
const body = <S extends z.ZodType>(schema: S) => ({
  body: { required: true, content: { "application/json": { schema } } },
});
const idParams = z.object({ id: z.string().min(1).max(100) });
const ERRORS = errors(400, 401, 403, 404, 409);
const saved = { 200: json(okSchema, "Saved"), ...ERRORS };

const getStrategy = createRoute({
  method: "get",
  path: "/api/strategy",
  operationId: "getStrategy",
  summary:
    "The plan's goal tree (大基本目標 / 小基本目標 / 施策) with its KPIs, targets per year, departments",
  description: roles("editStrategy", "Without `plan`: the plan covering `year`, else the newest."),
  middleware: [allow("editStrategy")] as const,
  request: { query: strategyQuerySchema },
  responses: { 200: json(strategySchema, "The strategy"), ...errors(400, 401, 403, 404) },
});
const createNode = createRoute({
  method: "post",
  path: "/api/strategy/nodes",
  operationId: "createStrategyNode",
  summary: "Add a 大基本目標 (no parent), 小基本目標 (parent: goal) or 施策 (parent: subgoal)",
  description: roles("editStrategy", CSRF),
  middleware: [allow("editStrategy")] as const,
  request: body(createNodeRequestSchema),
  responses: { 201: json(idResultSchema, "The new node"), ...ERRORS },
});
const updateNode = createRoute({
  method: "put",
  path: "/api/strategy/nodes/{id}",
  operationId: "updateStrategyNode",
  summary: "Retitle a node from a fiscal year on (earlier years keep their printed title)",
  description: roles("editStrategy", CSRF),
  middleware: [allow("editStrategy")] as const,
  request: { params: idParams, ...body(updateNodeRequestSchema) },
  responses: saved,
});
const createKpiRoute = createRoute({
  method: "post",
  path: "/api/strategy/kpis",
  operationId: "createKpi",
  summary: "Add a KPI (indicator, unit, direction, baseline, final target, departments from the list)",
  description: roles(
    "editStrategy",
    `${CSRF} A department not in the list: 400 unknown_department naming it.`,
  ),
  middleware: [allow("editStrategy")] as const,
  request: body(createKpiRequestSchema),
  responses: { 201: json(kpiIdResultSchema, "The new KPI"), ...ERRORS },
});
const updateKpiRoute = createRoute({
  method: "put",
  path: "/api/strategy/kpis/{id}",
  operationId: "updateKpi",
  summary: "Change a KPI's definition from a fiscal year on (earlier years keep theirs)",
  description: roles("editStrategy", `${CSRF} A published year: 409 year_published (use a correction).`),
  middleware: [allow("editStrategy")] as const,
  request: { params: idParams, ...body(updateKpiDefinitionRequestSchema) },
  responses: saved,
});
const retireKpiRoute = createRoute({
  method: "post",
  path: "/api/strategy/kpis/{id}/retire",
  operationId: "retireKpi",
  summary: "Retire a KPI from a fiscal year on (null: reinstate); years opened later leave it out",
  description: roles("editStrategy", CSRF),
  middleware: [allow("editStrategy")] as const,
  request: { params: idParams, ...body(retireKpiRequestSchema) },
  responses: saved,
});
const setTargets = createRoute({
  method: "put",
  path: "/api/strategy/kpis/{id}/targets",
  operationId: "setKpiTargets",
  summary: "Set the KPI's target of one or more fiscal years, all or nothing (empty text clears one)",
  description: roles("editStrategy", `${CSRF} A year already submitted: 409 target_locked.`),
  middleware: [allow("editStrategy")] as const,
  request: { params: idParams, ...body(setKpiTargetsRequestSchema) },
  responses: saved,
});
const updateDepartmentRoute = createRoute({
  method: "put",
  path: "/api/departments/{id}",
  operationId: "updateDepartment",
  summary: "Rename or move a department (a rename carries over to its users and KPIs)",
  description: roles("editStrategy", CSRF),
  middleware: [allow("editStrategy")] as const,
  request: { params: idParams, ...body(updateDepartmentRequestSchema) },
  responses: { 200: json(departmentSchema, "The department"), ...ERRORS },
});
const revisePlanRoute = createRoute({
  method: "post",
  path: "/api/plans",
  operationId: "revisePlan",
  summary: "Revise the plan into the next one: the tree and KPIs carried over, except those retired",
  description: roles("editStrategy", CSRF),
  middleware: [allow("editStrategy")] as const,
  request: body(revisePlanRequestSchema),
  responses: { 201: json(revisePlanResultSchema, "The new plan"), ...ERRORS },
});
const setDeadline = createRoute({
  method: "put",
  path: "/api/years/{year}/deadline",
  operationId: "setEntryDeadline",
  summary: "Set (or clear) the entry deadline of an opened year, shown to departments",
  description: roles("editStrategy", CSRF),
  middleware: [allow("editStrategy")] as const,
  request: { params: yearParams, ...body(entryDeadlineRequestSchema) },
  responses: { 200: json(entryDeadlineResultSchema, "The deadline"), ...ERRORS },
});

/** A typed value (「1,200人」) read as sheet cells are; empty → null; unreadable → 400 naming the field. */
function readValue(field: string, label: string, input: ValueInput): Value | null {
  const text = input.text.trim();
  if (!text) return null;
  const r = parseValue(text, { year: input.year, basis: input.basis ?? "fiscal" });
  if (!r.ok)
    throw new SoseiError("invalid_value", `${label}を読み取れません: ${r.problem.message}`, {
      field,
      problem: r.problem,
    });
  return r.value;
}

function requiredValue(field: string, label: string, input: ValueInput): Value {
  const v = readValue(field, label, input);
  if (!v) throw new SoseiError("validation_failed", `${label}を入力してください`, { field });
  return v;
}

type KpiBody = z.infer<typeof updateKpiDefinitionRequestSchema>;
function kpiFields(b: Partial<KpiBody>): KpiFields {
  const f: KpiFields = {};
  if (b.measureId !== undefined) f.measureId = b.measureId;
  if (b.indicator !== undefined) f.indicator = b.indicator;
  if (b.unit !== undefined) f.unit = b.unit?.trim() || null;
  if (b.direction !== undefined) f.direction = b.direction;
  if (b.baseline !== undefined)
    f.baseline = b.baseline === null ? null : readValue("baseline", "基準値", b.baseline);
  if (b.finalTarget !== undefined) f.finalTarget = requiredValue("finalTarget", "最終目標値", b.finalTarget);
  if (b.departments !== undefined) f.departments = b.departments;
  if (b.initiatives !== undefined) f.initiatives = b.initiatives;
  return f;
}

export function strategyRoutes({ services }: RouteDeps) {
  const db: Db = services.db;
  const ctx = (actor: string) => ({ actor, clock: services.clock, ids: services.ids });
  const app = router();

  app.openapi(getStrategy, async (c) => {
    requireUser(c, "editStrategy");
    const q = c.req.valid("query");
    const view = await strategyView(db, {
      municipality: services.municipality,
      planId: q.plan,
      fiscalYear: q.year,
    });
    return c.json(view as z.infer<typeof strategySchema>, 200);
  });

  app.openapi(createNode, async (c) => {
    const u = requireUser(c, "editStrategy");
    return c.json(await createTreeNode(db, c.req.valid("json"), ctx(u.id)), 201);
  });

  app.openapi(updateNode, async (c) => {
    const u = requireUser(c, "editStrategy");
    await retitleTreeNode(db, { id: c.req.valid("param").id, ...c.req.valid("json") }, ctx(u.id));
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(createKpiRoute, async (c) => {
    const u = requireUser(c, "editStrategy");
    const b = c.req.valid("json");
    const fields = kpiFields(b);
    const r = await createKpi(
      db,
      {
        ...fields,
        planId: b.planId,
        fromYear: b.fromYear,
        measureId: b.measureId,
        indicator: b.indicator,
        finalTarget: fields.finalTarget!,
      },
      ctx(u.id),
    );
    return c.json({ kpiId: r.kpiId }, 201);
  });

  app.openapi(updateKpiRoute, async (c) => {
    const u = requireUser(c, "editStrategy");
    const { fromYear, ...rest } = c.req.valid("json");
    await updateKpi(db, { kpiId: c.req.valid("param").id, fromYear, changes: kpiFields(rest) }, ctx(u.id));
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(retireKpiRoute, async (c) => {
    const u = requireUser(c, "editStrategy");
    await retireKpi(db, { kpiId: c.req.valid("param").id, ...c.req.valid("json") }, ctx(u.id));
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(setTargets, async (c) => {
    const u = requireUser(c, "editStrategy");
    const id = c.req.valid("param").id;
    const { targets } = c.req.valid("json");
    const read = targets.map((t) => ({
      fiscalYear: t.fiscalYear,
      target: readValue(`targets.${t.fiscalYear}`, `${t.fiscalYear}年度の目標値`, {
        text: t.text,
        year: t.fiscalYear,
        basis: "fiscal",
      }),
    }));
    // All years or none: one refused year leaves the others as they were.
    await inTransaction(db, async (tx) => {
      for (const t of read) await setKpiTarget(tx, { kpiId: id, ...t }, ctx(u.id));
    });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(updateDepartmentRoute, async (c) => {
    const u = requireUser(c, "editStrategy");
    const d = await departments.updateDepartment(
      db,
      { id: c.req.valid("param").id, ...c.req.valid("json") },
      ctx(u.id),
    );
    return c.json({ id: d.id, name: d.name, position: d.position }, 200);
  });

  app.openapi(revisePlanRoute, async (c) => {
    const u = requireUser(c, "editStrategy");
    const r = await revisePlan(
      db,
      { municipality: services.municipality, ...c.req.valid("json") },
      ctx(u.id),
    );
    return c.json(r, 201);
  });

  app.openapi(setDeadline, async (c) => {
    const u = requireUser(c, "editStrategy");
    const { year } = c.req.valid("param");
    const { entryDeadline } = c.req.valid("json");
    const found = await findSheet(db, { fiscalYear: year, municipality: services.municipality });
    await setEntryDeadline(db, { sheetId: found.sheet.id, entryDeadline }, ctx(u.id));
    return c.json({ fiscalYear: year, entryDeadline }, 200);
  });
  return app;
}
