/**
 * The HTTP edge's one error shape, `{ error: { code, message, messageEn?, details? } }`, and the one
 * table mapping SoseiError codes to HTTP statuses. Unknown codes are 400 if they look like bad input
 * (`invalid_*`, `usage_*`), else 500.
 */
import { HTTPException } from "hono/http-exception";
import { isSoseiError, SoseiError } from "../core/errors.ts";

export interface ErrorBody {
  error: { code: string; message: string; messageEn?: string; details?: Record<string, unknown> };
}

const STATUS: Record<string, number> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_upload: 400,
  invalid_sheet: 422,
  weak_password: 400,
  import_failed: 422,
  unauthenticated: 401,
  session_expired: 401,
  bad_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  invalid_transition: 409,
  not_all_approved: 409,
  year_published: 409,
  no_open_year: 409,
  login_id_taken: 409,
  cannot_deactivate_self: 409,
  ambiguous_municipality: 409,
  // the yearly cycle (opening a year, the department list, strategy editing, imports)
  year_exists: 409,
  year_outside_plan: 409,
  plan_empty: 409,
  target_locked: 409,
  department_exists: 409,
  unknown_department: 400,
  invalid_municipality: 422,
  store_inconsistent: 500,
  payload_too_large: 413,
  too_many_attempts: 429,
  unsupported_media_type: 415,
  internal_error: 500,
};

/** English versions of the Japanese messages, for API clients (the UI shows Japanese). */
const MESSAGE_EN: Record<string, string> = {
  unauthenticated: "Log in first.",
  session_expired: "Your session has expired; log in again.",
  bad_credentials: "Wrong user name or password.",
  too_many_attempts: "Too many failed logins; wait a few minutes.",
  csrf_failed: "Missing or wrong CSRF token (x-csrf-token).",
  forbidden: "You may not do this.",
  not_found: "Not found.",
  version_conflict: "Someone saved this first; here are the current values.",
  invalid_transition: "This review step is not allowed from the current state.",
  validation_failed: "The request is not valid.",
  login_id_taken: "This login id is already in use.",
  weak_password: "This password is too easy to guess; choose a longer one of unrelated words.",
  cannot_deactivate_self: "You cannot deactivate your own account.",
  ambiguous_municipality: "The database holds several municipalities; choose one.",
  internal_error: "Unexpected error.",
};

export function statusOf(code: string): number {
  const s = STATUS[code];
  if (s) return s;
  if (code.startsWith("invalid") || code.startsWith("usage")) return 400;
  return 500;
}

/** What the libraries throw (Hono's body parsing, the media-type gate) as our own errors. */
function fromHttpException(e: HTTPException): SoseiError {
  if (e.status === 413) return new SoseiError("payload_too_large", "リクエストが大きすぎます");
  if (e.status === 415)
    return new SoseiError(
      "unsupported_media_type",
      "この形式の本文は受け付けません（application/json で送ってください）",
    );
  if (e.status === 404) return new SoseiError("not_found", "見つかりません");
  if (e.status < 500) return new SoseiError("validation_failed", "リクエストを読み取れません");
  return new SoseiError("internal_error", "予期しないエラーが発生しました");
}

export function errorBody(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof HTTPException) e = fromHttpException(e);
  if (isSoseiError(e)) {
    const body: ErrorBody = { error: { code: e.code, message: e.message } };
    const en = MESSAGE_EN[e.code];
    if (en) body.error.messageEn = en;
    if (e.details) body.error.details = e.details;
    return { status: statusOf(e.code), body };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "internal_error",
        message: "予期しないエラーが発生しました",
        messageEn: "Unexpected error.",
      },
    },
  };
}
