/** Schemas shared by several payloads: roles, review states, the user, the fiscal year, the error. */
import { z } from "zod";
import { REVIEW_ACTIONS, REVIEW_STATES } from "../review.ts";
import { ROLES } from "../roles.ts";

export const roleSchema = z.enum(ROLES);
export const reviewStateSchema = z.enum(REVIEW_STATES);
export const reviewActionSchema = z.enum(REVIEW_ACTIONS);

/** Fiscal years Sosei accepts anywhere (a typo such as 20222 or -5 is refused at the edge). */
export const FISCAL_YEAR_MIN = 1900;
export const FISCAL_YEAR_MAX = 2200;
export const fiscalYearSchema = z.number().int().min(FISCAL_YEAR_MIN).max(FISCAL_YEAR_MAX);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  department: z.string().nullable(),
  displayName: z.string(),
});

export const yearSchema = z.object({
  fiscalYear: z.number().int(),
  municipality: z.string().nullable(),
  /** The newest year not yet published: the one departments enter. */
  open: z.boolean(),
  /** Every row published. */
  published: z.boolean(),
  /** Visible to the public: published, or under correction (訂正) with its last published values. */
  publicVisible: z.boolean(),
});

export const okSchema = z.object({ ok: z.literal(true) });

/** The one error shape of the HTTP API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const auditSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
