/** Users and their sessions (the web application's login). */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, ne } from "drizzle-orm";
import type { Clock } from "../../core/clock.ts";
import { SoseiError } from "../../core/errors.ts";
import { ROLES } from "../../core/roles.ts";
import type { Db } from "../db.ts";
import { hashPassword, verifyPassword } from "../passwords.ts";
import { auditLog, type Role, sessions, users } from "../schema.ts";
import { type AuditContext, type AuditRecord, writeAudit } from "./audit.ts";

export { ROLES };

export type UserRecord = Omit<typeof users.$inferSelect, "passwordHash">;

/**
 * What hashing a password needs beside the audit context: scrypt's cost for new hashes (default
 * SCRYPT_COST; lower only when tests build their services with a lower one).
 */
export type PasswordContext = { scryptCost?: number | undefined };

const publicUser = ({ passwordHash: _omit, ...u }: typeof users.$inferSelect): UserRecord => u;

export interface NewUser {
  loginId: string;
  displayName: string;
  role: Role;
  department?: string | null;
  password: string;
}

export async function createUser(
  db: Db,
  input: NewUser,
  ctx: AuditContext & PasswordContext,
): Promise<UserRecord> {
  if (!ROLES.includes(input.role)) throw new SoseiError("validation_failed", `不明な役割です: ${input.role}`);
  if (input.role === "department" && !input.department?.trim())
    throw new SoseiError("validation_failed", "担当課ユーザーには担当課名が必要です");
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.loginId, input.loginId));
  if (exists) throw new SoseiError("login_id_taken", `ログインID ${input.loginId} は使われています`);
  const row = {
    id: ctx.ids.next(),
    loginId: input.loginId,
    displayName: input.displayName,
    role: input.role,
    department: input.role === "department" ? input.department!.trim() : (input.department ?? null),
    passwordHash: await hashPassword(input.password, ctx.scryptCost),
    createdAt: ctx.clock.now(),
    disabled: false,
  };
  await db.insert(users).values(row);
  const user = publicUser(row);
  await writeAudit(db, ctx, { entity: "user", entityId: row.id, action: "create", after: user });
  return user;
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.select({ id: users.id }).from(users)).length;
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await db.select().from(users).orderBy(asc(users.loginId))).map(publicUser);
}

export async function getUser(db: Db, id: string): Promise<UserRecord | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ? publicUser(u) : null;
}

/** The users with these ids (in one query); ids of no user are left out. */
export async function usersByIds(db: Db, ids: readonly string[]): Promise<UserRecord[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .select()
      .from(users)
      .where(inArray(users.id, [...new Set(ids)]))
  ).map(publicUser);
}

/** No login id holds NUL, and PostgreSQL refuses it in a parameter (a login form must not get a 500). */
const impossibleLoginId = (loginId: string) => loginId.includes("\u0000");

export async function userByLoginId(db: Db, loginId: string): Promise<UserRecord | null> {
  if (impossibleLoginId(loginId)) return null;
  const [u] = await db.select().from(users).where(eq(users.loginId, loginId));
  return u ? publicUser(u) : null;
}

/**
 * A hash of nothing anyone types, made once per cost: unknown users cost the same scrypt as known
 * ones (hashed at that cost).
 */
const decoyHashes = new Map<number | undefined, Promise<string>>();
const decoy = (cost: number | undefined) => {
  if (!decoyHashes.has(cost)) decoyHashes.set(cost, hashPassword(randomBytes(16).toString("hex"), cost));
  return decoyHashes.get(cost)!;
};

/**
 * The user when login id and password are right and the account is enabled, else null. Every path
 * runs one scrypt check, so the answer's timing does not tell whether a login id exists.
 */
export async function authenticate(
  db: Db,
  loginId: string,
  password: string,
  options: PasswordContext = {},
): Promise<UserRecord | null> {
  const [u] = impossibleLoginId(loginId)
    ? []
    : await db.select().from(users).where(eq(users.loginId, loginId));
  const ok = await verifyPassword(password, u ? u.passwordHash : await decoy(options.scryptCost));
  return u && ok && !u.disabled ? publicUser(u) : null;
}

export async function setPassword(
  db: Db,
  userId: string,
  password: string,
  ctx: AuditContext & PasswordContext,
): Promise<void> {
  const res = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password, ctx.scryptCost) })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (res.length === 0) throw new SoseiError("not_found", "ユーザーが見つかりません");
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await writeAudit(db, ctx, { entity: "user", entityId: userId, action: "set_password" });
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const token = () => randomBytes(32).toString("base64url");

export interface NewSession {
  /** Give this to the browser (cookie); only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  userId: string,
  ttlMs: number,
  clock: Clock,
): Promise<NewSession> {
  // Nothing else purges the table: every login clears the sessions that have run out.
  await deleteExpiredSessions(db, clock);
  const t = token();
  const csrfToken = token();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(sessions).values({ id: sha256(t), userId, csrfToken, createdAt: now, expiresAt });
  return { token: t, csrfToken, expiresAt };
}

/** The session and its user for a browser's token; null when unknown, expired or the user is disabled. */
export async function sessionByToken(
  db: Db,
  t: string,
  clock: Clock,
): Promise<{ user: UserRecord; csrfToken: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sha256(t)));
  if (!row || row.u.disabled) return null;
  if (row.s.expiresAt.getTime() <= clock.now().getTime()) {
    await db.delete(sessions).where(eq(sessions.id, row.s.id));
    return null;
  }
  return { user: publicUser(row.u), csrfToken: row.s.csrfToken, expiresAt: row.s.expiresAt };
}

export async function deleteSession(db: Db, t: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(t)));
}

/** Deletes the sessions past their expiry; called by createSession. Returns how many went. */
export async function deleteExpiredSessions(db: Db, clock: Clock): Promise<number> {
  const res = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, clock.now()))
    .returning({ id: sessions.id });
  return res.length;
}

/**
 * Deactivates (`active: false`) or reactivates a user. Deactivating ends every session of the user
 * (and `authenticate` refuses them). The audit entry holds `{ disabled }` before and after, plus the
 * number of sessions ended. Returns the user as it is now; not_found for an unknown id.
 */
export async function setUserActive(
  db: Db,
  userId: string,
  active: boolean,
  ctx: AuditContext,
): Promise<UserRecord> {
  const before = await getUser(db, userId);
  if (!before) throw new SoseiError("not_found", "ユーザーが見つかりません");
  await db.update(users).set({ disabled: !active }).where(eq(users.id, userId));
  const ended = active
    ? []
    : await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  await writeAudit(db, ctx, {
    entity: "user",
    entityId: userId,
    action: active ? "enable" : "disable",
    before: { loginId: before.loginId, disabled: before.disabled },
    after: { loginId: before.loginId, disabled: !active, sessionsEnded: ended.length },
  });
  return { ...before, disabled: !active };
}

/**
 * Sets a new password (hashed), ends the user's sessions, and writes an audit entry that says so
 * without the password or its hash: `{ loginId }` before, `{ loginId, generated, sessionsEnded }` after.
 */
export async function resetPassword(
  db: Db,
  userId: string,
  password: string,
  ctx: AuditContext & PasswordContext,
  options: { generated: boolean },
): Promise<UserRecord> {
  const before = await getUser(db, userId);
  if (!before) throw new SoseiError("not_found", "ユーザーが見つかりません");
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password, ctx.scryptCost) })
    .where(eq(users.id, userId));
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  await writeAudit(db, ctx, {
    entity: "user",
    entityId: userId,
    action: "reset_password",
    before: { loginId: before.loginId },
    after: { loginId: before.loginId, generated: options.generated, sessionsEnded: ended.length },
  });
  return before;
}

/** The newest audit entries about users (account management), newest first. */
export async function userAudit(db: Db, limit = 50): Promise<AuditRecord[]> {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entity, "user"))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/**
 * A user changes their own password: the current one must be right (bad_credentials otherwise), the
 * new one is stored hashed, and every other session of the user ends (a stolen session does not
 * outlive the change); the session the change was made from stays. The audit entry holds no secret.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionToken: string | null },
  ctx: AuditContext & PasswordContext,
): Promise<{ sessionsEnded: number }> {
  const [u] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!u || u.disabled) throw new SoseiError("not_found", "ユーザーが見つかりません");
  if (!(await verifyPassword(input.currentPassword, u.passwordHash)))
    throw new SoseiError("bad_credentials", "現在のパスワードが違います");
  const passwordHash = await hashPassword(input.newPassword, ctx.scryptCost);
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
    const keep = input.keepSessionToken ? sha256(input.keepSessionToken) : "";
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, u.id), ne(sessions.id, keep)))
      .returning({ id: sessions.id });
    await writeAudit(tx, ctx, {
      entity: "user",
      entityId: u.id,
      action: "change_password",
      before: { loginId: u.loginId },
      after: { loginId: u.loginId, sessionsEnded: ended.length },
    });
    return { sessionsEnded: ended.length };
  });
}
