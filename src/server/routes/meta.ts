/** Liveness, reading one value cell (the entry form's live preview) and the evaluation rules. */
import { createRoute, z } from "@hono/zod-openapi";
import {
  evaluationRulesSchema,
  parseValueRequestSchema,
  parseValueResultSchema,
} from "../../core/api/index.ts";
import { parseValue } from "../../core/value/parse-value.ts";
import { allow, type RouteDeps, router } from "../context.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const getHealth = createRoute({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Liveness",
  description: roles("public"),
  responses: { 200: json(z.object({ ok: z.literal(true) }), "The server answers") },
});

const parseValueRoute = createRoute({
  method: "post",
  path: "/api/parse-value",
  operationId: "parseValue",
  summary: "Read one value cell the way the importer does (「1万8225人」 → 18225 人)",
  description: roles("read", "Needs the x-csrf-token header."),
  middleware: [allow("read")] as const,
  request: { body: { required: true, content: { "application/json": { schema: parseValueRequestSchema } } } },
  responses: { 200: json(parseValueResultSchema, "The value, or the problem"), ...errors(400, 401, 403) },
});

const getEvaluationRules = createRoute({
  method: "get",
  path: "/api/evaluation-rules",
  operationId: "getEvaluationRules",
  summary:
    "The evaluation rules the server computes categories with: the browser evaluates with the same table (the KPI page, the review list, the entry hint)",
  description: roles("public"),
  responses: { 200: json(evaluationRulesSchema, "The rules") },
});

export function metaRoutes({ services }: RouteDeps) {
  const app = router();
  app.openapi(getEvaluationRules, (c) => c.json({ rules: services.rules }, 200));
  app.openapi(getHealth, (c) => c.json({ ok: true as const }, 200));
  app.openapi(parseValueRoute, (c) => {
    const body = c.req.valid("json");
    return c.json(parseValue(body.text, { year: body.year, basis: body.basis }), 200);
  });
  return app;
}
