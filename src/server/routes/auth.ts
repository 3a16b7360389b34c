/** Login, logout and the session's user. */

import { getConnInfo } from "@hono/node-server/conninfo";
import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  meSchema,
  okSchema,
  sessionSchema,
} from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { changeOwnPassword } from "../../store/repositories/users.ts";
import { type Ctx, type EdgeOptions, type RouteDeps, requireUser, router } from "../context.ts";
import { SESSION_COOKIE } from "../middleware.ts";
import { assertStrongPassword } from "../password-strength.ts";
import { presentUser } from "../presenters.ts";
import { errors, json } from "./openapi-helpers.ts";

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  operationId: "login",
  summary: "Log in; sets the HttpOnly session cookie and returns the CSRF token",
  description:
    "Roles: anyone. The body must be application/json; a browser's Origin header, when sent, must be this server's. After 5 failures for a name within 15 minutes each further attempt waits a growing delay (2 s doubling to 60 s; 429 with Retry-After); 50 failures from one address within 15 minutes: 429.",
  request: { body: { required: true, content: { "application/json": { schema: loginRequestSchema } } } },
  responses: {
    200: json(sessionSchema, "The user and the CSRF token for state-changing requests"),
    ...errors(400, 401, 403, 413, 415, 429),
  },
});

const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  operationId: "logout",
  summary: "Log out (a dead or missing session just loses its cookie)",
  description: "Roles: anyone. With a live session the x-csrf-token header is needed.",
  responses: { 200: json(okSchema, "Logged out"), ...errors(403) },
});

const getMe = createRoute({
  method: "get",
  path: "/api/auth/me",
  operationId: "getMe",
  summary: "The current user (or null) and the session's CSRF token",
  description: "Roles: anyone.",
  responses: { 200: json(meSchema, "The session's user, null without one") },
});

const changePassword = createRoute({
  method: "post",
  path: "/api/auth/password",
  operationId: "changePassword",
  summary: "Change one's own password: the current one is checked, the new one must not be guessable",
  description:
    "Roles: any logged-in user (x-csrf-token needed). Every other session of the user ends; this one stays. A weak new password is 400 weak_password with the reason; a wrong current one is 401 bad_credentials.",
  request: {
    body: { required: true, content: { "application/json": { schema: changePasswordRequestSchema } } },
  },
  responses: {
    200: json(okSchema.extend({ sessionsEnded: z.number().int() }), "Changed; how many other sessions ended"),
    ...errors(400, 401, 403),
  },
});

/** The origin this server is reached at: configured, or from a trusted proxy, or the request's own. */
export function serverOrigin(c: Ctx, edge: EdgeOptions): string {
  if (edge.publicUrl) return new URL(edge.publicUrl).origin;
  const url = new URL(c.req.url);
  if (edge.trustProxy) {
    const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
    const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim();
    return `${proto || url.protocol.slice(0, -1)}://${host || url.host}`;
  }
  return url.origin;
}

/**
 * The client's address for the login throttle: the socket's peer, or the first X-Forwarded-For hop
 * when the proxy is trusted (--trust-proxy). "unknown" in-process (tests' app.request()).
 */
export function clientAddress(c: Ctx, edge: EdgeOptions): string {
  if (edge.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The cookie is Secure when users reach the server over HTTPS — known from the configuration
 * (`--public-url https://…`, or X-Forwarded-Proto from a proxy trusted with `--trust-proxy`), never
 * from the Host header, which a proxy sets as it likes.
 */
export function cookieIsSecure(c: Ctx, edge: EdgeOptions): boolean {
  if (edge.publicUrl) return new URL(edge.publicUrl).protocol === "https:";
  if (edge.trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

export function authRoutes({ services, edge }: RouteDeps) {
  const { store } = services;
  const app = router();

  app.openapi(login, async (c) => {
    // A login from another site's page (login CSRF) is refused: browsers send Origin on every POST.
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== serverOrigin(c, edge))
      throw new SoseiError(
        "csrf_failed",
        "別のサイトからのログインは受け付けません / cross-origin login refused",
      );
    const body = c.req.valid("json");
    const attempt = { loginId: body.username, address: clientAddress(c, edge) };
    const wait = await services.loginThrottle.waitMs(attempt);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      c.header("retry-after", String(seconds));
      throw new SoseiError(
        "too_many_attempts",
        `ログインの失敗が続いたため、${seconds}秒ほど待ってからもう一度お試しください`,
        { retryAfterSeconds: seconds },
      );
    }
    const u = await store.authenticate(body.username, body.password);
    if (!u) {
      await services.loginThrottle.failed(attempt);
      throw new SoseiError("bad_credentials", "ユーザー名またはパスワードが違います");
    }
    await services.loginThrottle.succeeded(attempt);
    const old = c.get("sessionId");
    if (old) await store.deleteSession(old);
    const { token, csrfToken } = await store.createSession(u.id, services.sessionTtlMs);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: cookieIsSecure(c, edge),
      path: "/",
      maxAge: Math.floor(services.sessionTtlMs / 1000),
    });
    return c.json({ user: presentUser(u), csrfToken }, 200);
  });

  app.openapi(logout, async (c) => {
    const sid = c.get("sessionId");
    if (sid) await store.deleteSession(sid);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(changePassword, async (c) => {
    const u = requireUser(c);
    const body = c.req.valid("json");
    assertStrongPassword(body.newPassword, [u.username, u.displayName]);
    const { sessionsEnded } = await changeOwnPassword(
      services.db,
      {
        userId: u.id,
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        keepSessionToken: getCookie(c, SESSION_COOKIE) ?? null,
      },
      { actor: u.username, clock: services.clock, ids: services.ids, scryptCost: services.scryptCost },
    );
    return c.json({ ok: true as const, sessionsEnded }, 200);
  });

  app.openapi(getMe, (c) => {
    const u = c.get("user");
    return c.json({ user: u ? presentUser(u) : null, csrfToken: c.get("csrf") }, 200);
  });
  return app;
}
