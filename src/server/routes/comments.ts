/** Comments on a KPI of a year (committee, planning); read by every logged-in user. */
import { createRoute } from "@hono/zod-openapi";
import { commentListSchema, commentRequestSchema, commentResultSchema } from "../../core/api/index.ts";
import { allow, helpers, type RouteDeps, requireUser, router } from "../context.ts";
import { presentComment } from "../presenters.ts";
import { kpiParams } from "./kpis.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const listComments = createRoute({
  method: "get",
  path: "/api/kpis/{id}/comments",
  operationId: "listComments",
  summary: "The comments on a KPI of a year, oldest first",
  description: roles("read"),
  middleware: [allow("read")] as const,
  request: { params: kpiParams },
  responses: { 200: json(commentListSchema, "The comments"), ...errors(400, 401, 404) },
});

const addComment = createRoute({
  method: "post",
  path: "/api/kpis/{id}/comments",
  operationId: "addComment",
  summary: "Comment on a KPI of a year",
  description: roles("comment", "Needs the x-csrf-token header."),
  middleware: [allow("comment")] as const,
  request: {
    params: kpiParams,
    body: { required: true, content: { "application/json": { schema: commentRequestSchema } } },
  },
  responses: { 201: json(commentResultSchema, "The comment"), ...errors(400, 401, 403, 404) },
});

export function commentRoutes({ services }: RouteDeps) {
  const { store } = services;
  const { loadKpi } = helpers(services);
  const app = router();

  app.openapi(listComments, async (c) => {
    const r = await loadKpi(c, c.req.valid("param").id);
    return c.json({ comments: (await store.commentsOf(r)).map(presentComment) }, 200);
  });

  app.openapi(addComment, async (c) => {
    const u = requireUser(c, "comment");
    const r = await loadKpi(c, c.req.valid("param").id);
    const saved = await store.addComment(r, c.req.valid("json").body, u.id);
    return c.json({ comment: presentComment(saved) }, 201);
  });
  return app;
}
