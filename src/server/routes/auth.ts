/** Login, logout and the session's user. */
import { createRoute } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { loginRequestSchema, meSchema, okSchema, sessionSchema } from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { type Ctx, type EdgeOptions, type RouteDeps, router } from "../context.ts";
import { SESSION_COOKIE } from "../middleware.ts";
import { presentUser } from "../presenters.ts";
import { errors, json } from "./openapi-helpers.ts";

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  operationId: "login",
  summary: "Log in; sets the HttpOnly session cookie and returns the CSRF token",
  description:
    "Roles: anyone. The body must be application/json; a browser's Origin header, when sent, must be this server's. After 10 failures for a name within 5 minutes: 429.",
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
    if (services.loginThrottle.locked(body.username))
      throw new SoseiError(
        "too_many_attempts",
        "ログインの失敗が続いたため、5分ほど待ってからもう一度お試しください",
      );
    const u = await store.authenticate(body.username, body.password);
    if (!u) {
      services.loginThrottle.failed(body.username);
      throw new SoseiError("bad_credentials", "ユーザー名またはパスワードが違います");
    }
    services.loginThrottle.succeeded(body.username);
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

  app.openapi(getMe, (c) => {
    const u = c.get("user");
    return c.json({ user: u ? presentUser(u) : null, csrfToken: c.get("csrf") }, 200);
  });
  return app;
}
