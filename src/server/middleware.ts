/**
 * The middleware every request passes, in order: security headers, body limits, the URL and JSON
 * guards (NUL, malformed encoding, nesting depth), the session with its CSRF check, and the read
 * cache's generation bump after writes. Each is small; createApp mounts them.
 */
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { SoseiError } from "../core/errors.ts";
import type { Env } from "./context.ts";
import type { ReadCache } from "./read-cache.ts";
import type { WebStore } from "./store-adapter.ts";

export const SESSION_COOKIE = "sosei_session";
export const LOGIN_PATH = "/api/auth/login";
export const LOGOUT_PATH = "/api/auth/logout";
export const IMPORT_PATH = "/api/imports";
/** A department workbook upload (routes/workbooks.ts): the same file-size limit as an import. */
export const WORKBOOK_UPLOAD_PATH = "/api/workbooks/uploads";

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
  });

/** Request body limits: an upload may be large, a login is a few hundred bytes, a form a few KB. */
export const BODY_LIMITS = {
  upload: 10 * 1024 * 1024,
  login: 16 * 1024,
  other: 256 * 1024,
} as const;

const tooLarge = (max: number) => () => {
  const size = max >= 1024 * 1024 ? `${max / 1024 / 1024}MB` : `${max / 1024}KB`;
  throw new SoseiError(
    "payload_too_large",
    max === BODY_LIMITS.upload
      ? "ファイルが大きすぎます（10MBまで）"
      : `リクエストが大きすぎます（${size}まで）`,
  );
};

/**
 * A limit on every request's body, checked against Content-Length before anything is read (a 50 MB
 * login is answered 413 at once) and counted while streaming when there is no Content-Length.
 */
export function bodyLimits(): MiddlewareHandler<Env> {
  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: tooLarge(maxSize) });
  const upload = limit(BODY_LIMITS.upload);
  const login = limit(BODY_LIMITS.login);
  const other = limit(BODY_LIMITS.other);
  return (c, next) => {
    const p = c.req.path;
    if (p === IMPORT_PATH || p === WORKBOOK_UPLOAD_PATH) return upload(c, next);
    if (p === LOGIN_PATH) return login(c, next);
    return other(c, next);
  };
}

export const nulRefused = () =>
  new SoseiError(
    "validation_failed",
    "入力に使えない文字（NUL）が含まれています / input contains a NUL character",
  );

/** NUL in the path or query string (e.g. a search word) is refused before any handler sees it. */
export const urlGuard = (): MiddlewareHandler<Env> => async (c, next) => {
  let url: string;
  try {
    url = decodeURIComponent(c.req.url);
  } catch {
    throw new SoseiError("validation_failed", "URL が正しくありません / malformed URL");
  }
  if (url.includes("\u0000")) throw nulRefused();
  await next();
};

/** Deeper JSON than any payload of this API is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of JSON text, counted without parsing (so without recursion). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) max = Math.max(max, ++depth);
    else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return max;
}

/** True if any string (key or value) in a parsed JSON value holds NUL. Iterative: no stack to overflow. */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (v.includes("\u0000")) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (k.includes("\u0000")) return true;
        stack.push(x);
      }
  }
  return false;
}

/**
 * A JSON body is read once here: too deep or not JSON → 400 validation_failed, NUL anywhere → the
 * same; the parsed value is left for the route's validator.
 */
export const jsonGuard = (): MiddlewareHandler<Env> => async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type.trim()) || !c.req.raw.body) return next();
  const text = await c.req.text();
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new SoseiError(
      "validation_failed",
      `リクエスト本文の入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）`,
    );
  let body: unknown;
  try {
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    throw new SoseiError("validation_failed", "リクエスト本文が JSON として読めません");
  }
  if (containsNul(body)) throw nulRefused();
  c.req.bodyCache.json = Promise.resolve(body);
  await next();
};

/** Compares the CSRF token in constant time, so its value cannot be probed by timing. */
function sameToken(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const expiredError = () =>
  new SoseiError("session_expired", "ログインの有効期限が切れました。もう一度ログインしてください");

/**
 * The session: a missing cookie is "not logged in"; a cookie whose session is gone is
 * `session_expired`. Every state-changing request except login needs the session's CSRF token.
 */
export const session =
  (store: WebStore): MiddlewareHandler<Env> =>
  async (c, next) => {
    c.set("user", null);
    c.set("csrf", null);
    c.set("sessionId", null);
    const sid = getCookie(c, SESSION_COOKIE);
    let expired = false;
    if (sid) {
      const s = await store.sessionByToken(sid);
      if (s) {
        c.set("user", s.user);
        c.set("csrf", s.csrf);
        c.set("sessionId", sid);
      } else expired = true;
    }
    const method = c.req.method;
    const stateChanging = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
    const isLogin = c.req.path === LOGIN_PATH;
    if (c.req.path === LOGOUT_PATH && !c.get("user")) {
      // Nothing to protect: just forget the dead cookie, so the browser can fall back to the public view.
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ ok: true });
    }
    if (stateChanging && !isLogin) {
      if (!c.get("user"))
        throw expired ? expiredError() : new SoseiError("unauthenticated", "ログインしてください");
      if (!sameToken(c.req.header("x-csrf-token"), c.get("csrf")))
        throw new SoseiError(
          "csrf_failed",
          "画面を読み込み直してから、もう一度操作してください（CSRF トークン不一致）",
        );
    }
    // Reading with a dead session: say so instead of quietly showing the public view.
    if (expired && !c.get("user") && c.req.path !== "/api/auth/me" && !isLogin) throw expiredError();
    await next();
  };

/** Requests that write none of the data the read cache holds. */
const NO_DATA_WRITE = new Set([LOGIN_PATH, LOGOUT_PATH, "/api/parse-value", IMPORT_PATH]);

/**
 * Any state-changing request may have changed what the cached reads show, so it moves the read
 * cache's generation on — whether it succeeded or not (a failure may have written part of something;
 * a spurious bump costs one refill). Only requests known to write nothing of the data are left out.
 */
export const cacheBump =
  (cache: ReadCache | undefined): MiddlewareHandler<Env> =>
  async (c, next) => {
    const m = c.req.method;
    if (!cache || m === "GET" || m === "HEAD" || m === "OPTIONS" || NO_DATA_WRITE.has(c.req.path))
      return next();
    try {
      await next();
    } finally {
      cache.bump();
    }
  };
