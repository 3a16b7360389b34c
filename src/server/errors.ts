/**
 * The HTTP edge's one error shape, `{ error: { code, message, messageEn?, details? } }`. The status and
 * the English message come from the catalogue (src/core/errors.ts), never from the code's spelling.
 */
import { HTTPException } from "hono/http-exception";
import type { ApiErrorBody } from "../core/api/index.ts";
import { ERRORS, isSoseiError, SoseiError } from "../core/errors.ts";

export type ErrorBody = ApiErrorBody;

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
  const err = e instanceof HTTPException ? fromHttpException(e) : e;
  if (isSoseiError(err)) {
    const entry = ERRORS[err.code] ?? ERRORS.internal_error;
    const body: ErrorBody = { error: { code: err.code, message: err.message, messageEn: entry.en } };
    if (err.details) body.error.details = err.details;
    return { status: entry.status, body };
  }
  return {
    status: 500,
    body: {
      error: {
        code: "internal_error",
        message: "予期しないエラーが発生しました",
        messageEn: ERRORS.internal_error.en,
      },
    },
  };
}
