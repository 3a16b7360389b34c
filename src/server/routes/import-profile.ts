/** The import mapping saved for the municipality: seen on the import page, forgotten when wrong. */
import { createRoute } from "@hono/zod-openapi";
import { forgetImportProfileResultSchema, importProfileResultSchema } from "../../core/api/index.ts";
import { allow, type RouteDeps, requireUser, router } from "../context.ts";
import { forgetImportProfile, savedImportProfile } from "../services.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const getImportProfile = createRoute({
  method: "get",
  path: "/api/import-profile",
  operationId: "getImportProfile",
  summary:
    "The import mapping saved for the municipality (each column's field, the scale): what next year's import of the same layout reuses",
  description: roles("importSheet"),
  middleware: [allow("importSheet")] as const,
  responses: {
    200: json(importProfileResultSchema, "The saved mapping, or null when none is saved"),
    ...errors(401, 403),
  },
});

const forgetImportProfileRoute = createRoute({
  method: "delete",
  path: "/api/import-profile",
  operationId: "forgetImportProfile",
  summary: "Forget the saved import mapping: the next import is read as recognised (audit-logged)",
  description: roles("importSheet", "Needs the x-csrf-token header."),
  middleware: [allow("importSheet")] as const,
  responses: {
    200: json(forgetImportProfileResultSchema, "Whether a saved mapping was forgotten"),
    ...errors(401, 403),
  },
});

export function importProfileRoutes({ services }: RouteDeps) {
  const app = router();
  app.openapi(getImportProfile, async (c) => {
    requireUser(c, "importSheet");
    return c.json({ profile: await savedImportProfile(services) }, 200);
  });
  app.openapi(forgetImportProfileRoute, async (c) => {
    const u = requireUser(c, "importSheet");
    return c.json({ forgotten: await forgetImportProfile(services, u.id) }, 200);
  });
  return app;
}
