/**
 * The OpenAPI 3.1 description of every route in app.ts, written by hand beside the routes.
 * app.test.ts checks that each route the app answers appears here.
 */
const err = { $ref: "#/components/responses/Error" };
const json = (description: string) => ({ description, content: { "application/json": {} } });
const auth = (roles: string) => `Roles: ${roles}. State-changing requests need the x-csrf-token header.`;
const yearParam = { name: "year", in: "path", required: true, schema: { type: "integer" } };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", example: "2022-1" } };
const body = (properties: Record<string, unknown>, required: string[] = []) => ({
  required: true,
  content: { "application/json": { schema: { type: "object", properties, required } } },
});

export const ROUTES: [method: string, path: string][] = [];

const paths: Record<string, Record<string, unknown>> = {
  "/api/health": { get: { summary: "Liveness", responses: { 200: json("ok") } } },
  "/api/openapi.json": { get: { summary: "This document", responses: { 200: json("OpenAPI 3.1") } } },
  "/api/auth/login": {
    post: {
      summary: "Log in; sets the HttpOnly session cookie and returns the CSRF token",
      requestBody: body({ username: { type: "string" }, password: { type: "string" } }, [
        "username",
        "password",
      ]),
      responses: { 200: json("user and csrfToken"), 401: err, 429: err },
    },
  },
  "/api/auth/logout": {
    post: {
      summary: "Log out",
      description: auth("any logged in"),
      responses: { 200: json("ok"), 401: err, 403: err },
    },
  },
  "/api/auth/me": {
    get: { summary: "The current user (or null) and CSRF token", responses: { 200: json("me") } },
  },
  "/api/users": {
    get: {
      summary: "Accounts (login id, name, role, department, active) and the newest account changes",
      description: auth("admin"),
      responses: { 200: json("users and audit"), 401: err, 403: err },
    },
    post: {
      summary: "Create an account; without `password` one is generated and returned once (never again)",
      description: auth("admin"),
      requestBody: body(
        {
          username: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$" },
          displayName: { type: "string" },
          role: { enum: ["admin", "planning", "department", "committee"] },
          department: { type: ["string", "null"], description: "required for role department" },
          password: { type: "string", minLength: 12 },
        },
        ["username", "displayName", "role"],
      ),
      responses: { 201: json("user (and generated password)"), 400: err, 401: err, 403: err, 409: err },
    },
  },
  "/api/users/{id}/password": {
    post: {
      summary: "Reset a password: a generated one is returned once; the user's sessions end",
      description: auth("admin"),
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: { 200: json("user and password"), 401: err, 403: err, 404: err },
    },
  },
  "/api/users/{id}/active": {
    post: {
      summary: "Deactivate (sessions end, no login) or reactivate an account; not one's own",
      description: auth("admin"),
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      requestBody: body({ active: { type: "boolean" } }, ["active"]),
      responses: { 200: json("user"), 400: err, 401: err, 403: err, 404: err, 409: err },
    },
  },
  "/api/years": {
    get: { summary: "Fiscal years (public: published only)", responses: { 200: json("years") } },
  },
  "/api/years/{year}/dashboard": {
    get: {
      summary: "Summary per 大基本目標, KPIs behind schedule, disagreements, entry progress",
      parameters: [yearParam],
      responses: { 200: json("dashboard"), 404: err },
    },
  },
  "/api/years/{year}/kpis": {
    get: {
      summary: "Sheet rows with filters and Japanese substring search",
      parameters: [
        yearParam,
        { name: "goal", in: "query", schema: { type: "integer" } },
        { name: "department", in: "query", schema: { type: "string" } },
        {
          name: "evaluation",
          in: "query",
          schema: { enum: ["on_track", "mostly_on_track", "delayed", "not_evaluable"] },
        },
        { name: "disagreement", in: "query", schema: { enum: ["1", "0", "true", "false"] } },
        { name: "q", in: "query", schema: { type: "string" } },
      ],
      responses: { 200: json("rows"), 400: err, 404: err },
    },
  },
  "/api/years/{year}/publish": {
    post: {
      summary: "Publish a year (every KPI approved)",
      description: auth("admin, planning"),
      parameters: [yearParam],
      responses: { 200: json("year"), 401: err, 403: err, 404: err, 409: err },
    },
  },
  "/api/years/{year}/export.json": {
    get: {
      summary: "Download sheet/1 JSON",
      parameters: [yearParam],
      responses: { 200: json("sheet/1"), 404: err },
    },
  },
  "/api/years/{year}/export.csv": {
    get: {
      summary: "Download CSV (UTF-8 with BOM)",
      parameters: [yearParam],
      responses: { 200: { description: "CSV", content: { "text/csv": {} } }, 404: err },
    },
  },
  "/api/kpis/{id}": {
    get: {
      summary:
        "KPI detail: definition, every year's values, evaluation history, narrative, comments, audit trail",
      parameters: [idParam],
      responses: { 200: json("detail"), 404: err },
    },
    put: {
      summary: "Save a KPI's actual value and narrative (optimistic concurrency by version)",
      description: auth("admin, planning, department (own KPIs only)"),
      parameters: [idParam],
      requestBody: body(
        {
          version: { type: "integer" },
          actualText: { type: "string", description: "as typed, read with the core parseValue" },
          reason: { type: ["string", "null"] },
          challenge: { type: ["string", "null"] },
          nextSteps: { type: ["string", "null"] },
          status: { type: ["string", "null"] },
          evaluation: { type: "object" },
        },
        ["version"],
      ),
      responses: { 200: json("row"), 400: err, 401: err, 403: err, 404: err, 409: err },
    },
  },
  "/api/kpis/{id}/transitions": {
    post: {
      summary: "Review step: submit, return (comment required), approve",
      description: auth("department (submit, own), planning, admin"),
      parameters: [idParam],
      requestBody: body(
        {
          action: { enum: ["submit", "return", "approve"] },
          version: { type: "integer" },
          comment: { type: "string" },
        },
        ["action", "version"],
      ),
      responses: { 200: json("row"), 400: err, 401: err, 403: err, 409: err },
    },
  },
  "/api/kpis/{id}/comments": {
    get: {
      summary: "Comments on a KPI",
      description: auth("any logged in"),
      parameters: [idParam],
      responses: { 200: json("comments"), 401: err },
    },
    post: {
      summary: "Add a comment",
      description: auth("admin, planning, committee"),
      parameters: [idParam],
      requestBody: body({ body: { type: "string" } }, ["body"]),
      responses: { 201: json("comment"), 401: err, 403: err },
    },
  },
  "/api/entry": {
    get: {
      summary: "KPIs the user may enter for the open year",
      description: auth("admin, planning, department"),
      responses: { 200: json("rows"), 401: err, 403: err },
    },
  },
  "/api/parse-value": {
    post: {
      summary: "Preview how a typed value is read",
      description: auth("any logged in"),
      requestBody: body(
        { text: { type: "string" }, year: { type: "integer" }, basis: { enum: ["fiscal", "calendar"] } },
        ["text", "year"],
      ),
      responses: { 200: json("ParseValueResult"), 401: err, 403: err },
    },
  },
  "/api/review": {
    get: {
      summary: "Review queue of a year (default: the open year)",
      description: auth("admin, planning, committee"),
      parameters: [{ name: "year", in: "query", schema: { type: "integer" } }],
      responses: { 200: json("rows"), 401: err, 403: err },
    },
  },
  "/api/imports": {
    post: {
      summary: "Step 1 of an import: upload a file, get the import report and a token",
      description: auth("admin, planning"),
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: { type: "object", properties: { file: { type: "string", format: "binary" } } },
          },
        },
      },
      responses: { 200: json("preview"), 400: err, 401: err, 403: err, 413: err, 415: err, 422: err },
    },
  },
  "/api/imports/{token}/confirm": {
    post: {
      summary: "Step 2 of an import: save the previewed sheet",
      description: auth("admin, planning"),
      parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
      responses: { 201: json("year"), 401: err, 403: err, 404: err, 409: err },
    },
  },
};

for (const [p, ops] of Object.entries(paths))
  for (const m of Object.keys(ops)) ROUTES.push([m.toUpperCase(), p]);

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Sosei API",
    version: "0.1.0",
    description:
      "KPI evaluation of a municipal comprehensive strategy. Errors: { error: { code, message, messageEn?, details? } }.",
  },
  components: {
    securitySchemes: { session: { type: "apiKey", in: "cookie", name: "sosei_session" } },
    responses: {
      Error: {
        description: "Error",
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["error"],
              properties: {
                error: {
                  type: "object",
                  required: ["code", "message"],
                  properties: {
                    code: { type: "string" },
                    message: { type: "string" },
                    messageEn: { type: "string" },
                    details: { type: "object" },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  paths,
};
