/** Login, the session's user and account management (admin). */
import { z } from "zod";
import { auditSchema, roleSchema, userSchema } from "./common.ts";

/** Login ids: half-width letters, digits and . _ -, 2–32 characters, starting with a letter or digit. */
export const LOGIN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
/** Minimum length of a password a person types (generated ones are 19 characters). */
export const MIN_PASSWORD_LENGTH = 12;

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
/** A user changes their own password (the current one proves it is them). */
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });
export const meSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() });

export const accountSchema = userSchema.extend({ active: z.boolean(), createdAt: z.string() });
export const accountAuditSchema = auditSchema.extend({ subject: z.string() });
export const accountListSchema = z.object({
  users: z.array(accountSchema),
  audit: z.array(accountAuditSchema),
});

export const createUserRequestSchema = z
  .object({
    username: z
      .string()
      .regex(LOGIN_ID_PATTERN, "ログインIDは半角英数字と . _ - で2〜32文字、英数字で始めてください"),
    displayName: z.string().trim().min(1).max(100),
    role: roleSchema,
    department: z.string().trim().max(100).nullable().optional(),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`)
      .max(200)
      .optional(),
  })
  .refine((b) => b.role !== "department" || Boolean(b.department), {
    message: "担当課ユーザーには担当課が必要です",
    path: ["department"],
  });
/** A generated password is returned this once; one the admin typed is not echoed back. */
export const createdUserSchema = z.object({ user: accountSchema, password: z.string().optional() });
export const passwordResetSchema = z.object({ user: accountSchema, password: z.string() });
export const setActiveRequestSchema = z.object({ active: z.boolean() });
export const accountResultSchema = z.object({ user: accountSchema });
