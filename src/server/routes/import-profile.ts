/** The import mappings saved for the municipality, one per layout: seen on the import page, forgotten when wrong. */
import { createRoute } from "@hono/zod-openapi";
import {
  forgetImportProfileQuerySchema,
  forgetImportProfileResultSchema,
  importProfileResultSchema,
} from "../../core/api/index.ts";
import { allow, type RouteDeps, requireUser, router } from "../context.ts";
import { forgetImportProfiles, savedImportProfiles } from "../services.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

const getImportProfile = createRoute({
  method: "get",
  path: "/api/import-profile",
  operationId: "getImportProfile",
  summary:
    "The import mappings saved for the municipality, one per layout (each column's field, the scale): what next year's import of the same layout reuses",
  description: roles("importSheet"),
  middleware: [allow("importSheet")] as const,
  responses: {
    200: json(importProfileResultSchema, "The saved mappings (none: an empty list and a null profile)"),
    ...errors(401, 403),
  },
});

const forgetImportProfileRoute = createRoute({
  method: "delete",
  path: "/api/import-profile",
  operationId: "forgetImportProfile",
  summary:
    "Forget a saved import mapping (?fingerprint=, else every one): the next import of that layout is read as recognised (audit-logged)",
  description: roles("importSheet", "Needs the x-csrf-token header."),
  middleware: [allow("importSheet")] as const,
  request: { query: forgetImportProfileQuerySchema },
  responses: {
    200: json(forgetImportProfileResultSchema, "Whether (and how many) saved mappings were forgotten"),
    ...errors(400, 401, 403),
  },
});

export function importProfileRoutes({ services }: RouteDeps) {
  const app = router();
  app.openapi(getImportProfile, async (c) => {
    requireUser(c, "importSheet");
    const profiles = await savedImportProfiles(services);
    return c.json({ profile: profiles[0] ?? null, profiles }, 200);
  });
  app.openapi(forgetImportProfileRoute, async (c) => {
    const u = requireUser(c, "importSheet");
    const { fingerprint } = c.req.valid("query");
    const count = await forgetImportProfiles(services, u.id, { fingerprint });
    return c.json({ forgotten: count > 0, count }, 200);
  });
  return app;
}
