/**
 * Failures are errors with a stable snake_case code; the edges (CLI, HTTP) turn them into one
 * message / JSON shape. Problems *in the data* are not errors: they are values (issue records).
 */
export class SoseiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "SoseiError";
  }
}

export const isSoseiError = (e: unknown): e is SoseiError => e instanceof SoseiError;
