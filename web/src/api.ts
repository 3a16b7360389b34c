/**
 * Talking to the API: JSON in and out, the CSRF token on every state-changing request, and a lost
 * session handled in place — the caller's request waits while the user logs in again, then retries.
 */
import type { ApiErrorBody, User } from "../../src/core/api/index.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly messageEn?: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;
let reloginHandler: (() => Promise<boolean>) | null = null;

export const setCsrf = (t: string | null) => {
  csrf = t;
};
/** The app shell registers the re-login dialog here. It resolves true when logged in again. */
export const onSessionLost = (h: (() => Promise<boolean>) | null) => {
  reloginHandler = h;
};

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET" && csrf) headers["x-csrf-token"] = csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  return fetch(url, { method, headers, body: payload, credentials: "same-origin" });
}

export async function api<T>(method: string, url: string, body?: unknown, retry = true): Promise<T> {
  let res: Response;
  try {
    res = await send(method, url, body);
  } catch {
    throw new ApiError(
      0,
      "network_error",
      "サーバーに接続できません。通信状態を確かめてください",
      undefined,
      "Network error",
    );
  }
  if (res.ok) return (await res.json()) as T;
  let err: ApiErrorBody["error"] = { code: "http_error", message: `エラー（${res.status}）` };
  try {
    err = ((await res.json()) as ApiErrorBody).error;
  } catch {
    /* not JSON */
  }
  if (
    retry &&
    reloginHandler &&
    (err.code === "session_expired" ||
      err.code === "csrf_failed" ||
      (err.code === "unauthenticated" && method !== "GET"))
  ) {
    if (await reloginHandler()) return api<T>(method, url, body, false);
  }
  throw new ApiError(res.status, err.code, err.message, err.details, err.messageEn);
}

export interface Me {
  user: User | null;
  csrfToken: string | null;
}

export async function loadMe(): Promise<Me> {
  const me = await api<Me>("GET", "/api/auth/me");
  setCsrf(me.csrfToken);
  return me;
}

export async function login(username: string, password: string): Promise<Me> {
  const r = await api<{ user: User; csrfToken: string }>(
    "POST",
    "/api/auth/login",
    { username, password },
    false,
  );
  setCsrf(r.csrfToken);
  return { user: r.user, csrfToken: r.csrfToken };
}

export async function logout(): Promise<void> {
  await api("POST", "/api/auth/logout", undefined, false).catch(() => {});
  setCsrf(null);
}
