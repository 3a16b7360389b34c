/** Small builders for createRoute's responses: a JSON body, a file download, the error shape. */
import type { ZodType } from "zod";
import { errorBodySchema } from "../../core/api/index.ts";
import { type Permission, rolesText } from "../../core/roles.ts";

export const json = <S extends ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input (validation_failed, …)",
  401: "Not logged in, or the session expired",
  403: "Not allowed for this role, or CSRF token missing",
  404: "Not found (or not visible without a session)",
  409: "Conflict with the current state (version, review state, …)",
  413: "Request body too large",
  415: "Wrong content type",
  422: "The file could not be read as a sheet",
  429: "Too many failed logins",
};

/** The error responses a route may give, all in the one error shape. */
export const errors = (...statuses: (keyof typeof ERROR_TEXT)[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(errorBodySchema, ERROR_TEXT[s] ?? "Error")])) as Record<
    number,
    ReturnType<typeof json<typeof errorBodySchema>>
  >;

/** The description naming the roles allowed (one permission of core/roles.ts). */
export const roles = (permission: Permission | "public", more = "") =>
  `${rolesText(permission)}${more ? ` ${more}` : ""}`;
