/** Account management: the admin only (planning manages data, not people). */
import { createRoute, z } from "@hono/zod-openapi";
import {
  accountListSchema,
  accountResultSchema,
  createdUserSchema,
  createUserRequestSchema,
  passwordResetSchema,
  setActiveRequestSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { departments, generatePassword } from "../../store/index.ts";
import { allow, type Ctx, type RouteDeps, requireUser, router } from "../context.ts";
import { assertStrongPassword } from "../password-strength.ts";
import { presentAccount, presentAccountAudit } from "../presenters.ts";
import { errors, json, roles } from "./openapi-helpers.ts";

/** The master list's refusal, pointed at this form's field (`department`). */
const asField = (e: unknown): never => {
  if (e instanceof SoseiError && e.code === "unknown_department")
    throw new SoseiError(e.code, e.message, { ...e.details, field: "department" });
  throw e;
};

const idParams = z.object({ id: z.string().min(1).max(100) });
const CSRF = "State-changing: needs the x-csrf-token header.";

const listUsers = createRoute({
  method: "get",
  path: "/api/users",
  operationId: "listUsers",
  summary: "Accounts (login id, name, role, department, active) and the newest 50 account changes",
  middleware: [allow("manageUsers")] as const,
  description: roles("manageUsers"),
  responses: { 200: json(accountListSchema, "Accounts and audit"), ...errors(401, 403) },
});

const createUser = createRoute({
  method: "post",
  path: "/api/users",
  operationId: "createUser",
  summary:
    "Create an account; without `password` one is generated and returned once (never again); a department user's department must be in the department list (400 unknown_department)",
  middleware: [allow("manageUsers")] as const,
  description: roles("manageUsers", CSRF),
  request: { body: { required: true, content: { "application/json": { schema: createUserRequestSchema } } } },
  responses: {
    201: json(createdUserSchema, "The account (and the generated password)"),
    ...errors(400, 401, 403, 409),
  },
});

const resetPassword = createRoute({
  method: "post",
  path: "/api/users/{id}/password",
  operationId: "resetPassword",
  summary: "Generate a new password (returned once); the user's sessions end",
  middleware: [allow("manageUsers")] as const,
  description: roles("manageUsers", CSRF),
  request: { params: idParams },
  responses: { 200: json(passwordResetSchema, "The account and its new password"), ...errors(401, 403, 404) },
});

const setUserActive = createRoute({
  method: "post",
  path: "/api/users/{id}/active",
  operationId: "setUserActive",
  summary: "Deactivate (sessions end at once) or reactivate an account; not one's own",
  middleware: [allow("manageUsers")] as const,
  description: roles("manageUsers", CSRF),
  request: {
    params: idParams,
    body: { required: true, content: { "application/json": { schema: setActiveRequestSchema } } },
  },
  responses: { 200: json(accountResultSchema, "The account"), ...errors(400, 401, 403, 404, 409) },
});

export function userRoutes({ services }: RouteDeps) {
  const { store } = services;
  const app = router();
  const loadAccount = async (id: string) => {
    const a = await store.account(id);
    if (!a) throw new SoseiError("not_found", "ユーザーが見つかりません");
    return a;
  };
  const admin = (c: Ctx) => requireUser(c, "manageUsers");

  app.openapi(listUsers, async (c) => {
    admin(c);
    const [accounts, audit] = await Promise.all([store.listAccounts(), store.accountAudit(50)]);
    return c.json({ users: accounts.map(presentAccount), audit: audit.map(presentAccountAudit) }, 200);
  });

  app.openapi(createUser, async (c) => {
    const u = admin(c);
    const body = c.req.valid("json");
    // A password the admin typed must not be guessable (issue #16 F20); generated ones are 89 bits.
    if (body.password !== undefined)
      assertStrongPassword(body.password, [body.username, body.displayName ?? ""]);
    // A department user's department comes from the master list: 「商工労働」 for 商工労働課 is refused.
    const department =
      body.role === "department"
        ? ((await departments.requireDepartments(services.db, [body.department ?? ""]).catch(asField))[0] ??
          null)
        : null;
    const password = body.password ?? generatePassword();
    const created = await store.createUser(
      {
        username: body.username,
        password,
        role: body.role,
        department,
        displayName: body.displayName,
      },
      u.id,
    );
    const account = await loadAccount(created.id);
    // A generated password is returned this once; one the admin typed is not echoed back.
    return c.json({ user: presentAccount(account), ...(body.password ? {} : { password }) }, 201);
  });

  app.openapi(resetPassword, async (c) => {
    const u = admin(c);
    const a = await loadAccount(c.req.valid("param").id);
    const password = generatePassword();
    await store.resetPassword(a.id, password, true, u.id);
    return c.json({ user: presentAccount(a), password }, 200);
  });

  app.openapi(setUserActive, async (c) => {
    const u = admin(c);
    const a = await loadAccount(c.req.valid("param").id);
    const { active } = c.req.valid("json");
    if (!active && a.id === u.id)
      throw new SoseiError(
        "cannot_deactivate_self",
        "自分のアカウントは無効にできません（別の管理者に依頼してください）",
      );
    const saved = await store.setActive(a.id, active, u.id);
    return c.json({ user: presentAccount(saved) }, 200);
  });
  return app;
}
