/**
 * The one line the CLI prints for an unexpected (non-SoseiError) failure. A database driver's
 * message can hold the whole SQL statement and every parameter (megabytes for a large sheet), so
 * only the first line is kept, a failed query is named as such with the database's own short
 * reason and code, and the result is capped.
 */
const MAX_LINE = 240;

const firstLine = (s: string) => (s.split(/\r?\n/, 1)[0] ?? "").trim();
const cap = (s: string) => (s.length > MAX_LINE ? `${s.slice(0, MAX_LINE - 1)}…` : s);

export function unexpectedErrorLine(e: unknown): string {
  const err = e as { message?: unknown; cause?: { message?: unknown; code?: unknown } } | null;
  const message = typeof err?.message === "string" ? err.message : String(e);
  if (/^Failed query:/i.test(message)) {
    const cause = err?.cause;
    const why = typeof cause?.message === "string" ? firstLine(cause.message).slice(0, 160) : "";
    const code = typeof cause?.code === "string" ? ` (${cause.code.slice(0, 10)})` : "";
    return cap(`データベースの処理に失敗しました / database query failed${why ? `: ${why}` : ""}${code}`);
  }
  return cap(firstLine(message) || "unknown error");
}
