/**
 * The HTTP API (Hono + @hono/zod-openapi). `createApp(services, options)` mounts the middleware
 * (middleware.ts) and the route modules (routes/<area>.ts, each declared with createRoute), serves the
 * OpenAPI document generated from those routes at /api/openapi.json, and the built UI. Every failure
 * is a SoseiError turned into one JSON shape by `errorBody` (errors.ts).
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { SoseiError } from "../core/errors.ts";
import { cachedJsonFor } from "./cached-json.ts";
import { type EdgeOptions, type Env, type RouteDeps, router } from "./context.ts";
import { errorBody } from "./errors.ts";
import { bodyLimits, cacheBump, jsonGuard, securityHeaders, session, urlGuard } from "./middleware.ts";
import { authRoutes } from "./routes/auth.ts";
import { commentRoutes } from "./routes/comments.ts";
import { cycleRoutes } from "./routes/cycle.ts";
import { entryRoutes } from "./routes/entry.ts";
import { exportRoutes } from "./routes/exports.ts";
import { importProfileRoutes } from "./routes/import-profile.ts";
import { importRoutes } from "./routes/imports.ts";
import { kpiRoutes } from "./routes/kpis.ts";
import { metaRoutes } from "./routes/meta.ts";
import { json } from "./routes/openapi-helpers.ts";
import { outputRoutes } from "./routes/outputs.ts";
import { publicationRoutes } from "./routes/publication.ts";
import { reviewRoutes } from "./routes/review.ts";
import { strategyRoutes } from "./routes/strategy.ts";
import { userRoutes } from "./routes/users.ts";
import { workbookRoutes } from "./routes/workbooks.ts";
import { yearRoutes } from "./routes/years.ts";
import type { Services } from "./services.ts";
import { mountStaticUi } from "./static-ui.ts";

export { SESSION_COOKIE } from "./middleware.ts";

export interface AppOptions extends EdgeOptions {
  /** Built UI (web/dist) to serve at `/`, with index.html for client-side routes. */
  staticDir?: string;
}

/** Every route module, in mounting order. A new area: add its module here (see README "How to add a route"). */
const ROUTE_MODULES = [
  metaRoutes,
  authRoutes,
  userRoutes,
  yearRoutes,
  kpiRoutes,
  entryRoutes,
  reviewRoutes,
  commentRoutes,
  importRoutes,
  importProfileRoutes,
  exportRoutes,
  cycleRoutes,
  strategyRoutes,
  publicationRoutes,
  outputRoutes,
  workbookRoutes,
] as const;

const getOpenApi = createRoute({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApi",
  summary: "This document (OpenAPI 3.1), generated from the routes",
  description: "Roles: anyone (public without a session).",
  responses: { 200: json(z.record(z.string(), z.unknown()), "OpenAPI 3.1") },
});

const notFound = () => new SoseiError("not_found", "見つかりません");

export function createApp(services: Services, options: AppOptions = {}) {
  const app = new OpenAPIHono<Env>();
  app.onError((e, c) => {
    const { status, body } = errorBody(e);
    if (status >= 500 && process.env.SOSEI_DEBUG) console.error(e);
    return c.json(body, status as 400);
  });
  app.notFound(() => {
    throw notFound();
  });

  app.use("*", securityHeaders());
  app.use("*", bodyLimits());
  app.use("/api/*", urlGuard());
  app.use("/api/*", jsonGuard());
  app.use("/api/*", session(services.store));
  app.use("/api/*", cacheBump(services.readCache));

  const deps: RouteDeps = {
    services,
    edge: { publicUrl: options.publicUrl, trustProxy: options.trustProxy },
    cachedJson: cachedJsonFor(services),
  };
  for (const routes of ROUTE_MODULES) app.route("/", routes(deps));

  const doc = router();
  doc.openapi(getOpenApi, (c) => c.json(openApiDocument(app), 200));
  app.route("/", doc);

  app.all("/api/*", () => {
    throw notFound();
  });
  if (options.staticDir) mountStaticUi(app, options.staticDir);
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The OpenAPI 3.1 document of an app, generated from its createRoute declarations. */
export function openApiDocument(app: OpenAPIHono<Env>) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Sosei API",
      version: "1",
      description:
        "KPI evaluation of a municipality's comprehensive strategy. Errors: { error: { code, message, messageEn?, details? } }. Sessions: HttpOnly cookie sosei_session; state-changing requests need the x-csrf-token header (from login or /api/auth/me).",
    },
  });
}
