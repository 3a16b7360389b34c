/**
 * Account management in the store (deactivate/reactivate, password reset, the users' audit trail),
 * on PGlite and PostgreSQL alike: one database per backend, emptied before each test.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import { generatePassword } from "./passwords.ts";
import {
  authenticate,
  createSession,
  createUser,
  listUsers,
  resetPassword,
  sessionByToken,
  setUserActive,
  userAudit,
} from "./repositories/users.ts";
import { describeOnBackends } from "./test-backends.ts";

describe("generatePassword", () => {
  it("gives 4 groups of 4 characters without look-alikes, different each time", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z3479]{4}(-[a-zA-Z3479]{4}){3}$/);
    expect(a).not.toMatch(/[0125681lIOoSZB]/);
    expect(generatePassword()).not.toBe(a);
  });
});

await describeOnBackends("users on %s", "accounts", (db) => {
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  beforeEach(async () => {
    ctx = { actor: "admin-id", clock, ids: sequentialIds("u") };
  });

  it("deactivates (no login, sessions end) and reactivates, each change audited with before/after", async () => {
    const u = await createUser(
      db().db,
      {
        loginId: "kanko",
        displayName: "観光課",
        role: "department",
        department: "観光課",
        password: "pw-1",
      },
      ctx,
    );
    const s = await createSession(db().db, u.id, 60_000, clock);
    const off = await setUserActive(db().db, u.id, false, ctx);
    expect(off.disabled).toBe(true);
    expect(await authenticate(db().db, "kanko", "pw-1")).toBeNull();
    expect(await sessionByToken(db().db, s.token, clock)).toBeNull();
    // reactivating does not bring the old session back, but the user can log in again
    await setUserActive(db().db, u.id, true, ctx);
    expect(await sessionByToken(db().db, s.token, clock)).toBeNull();
    expect((await authenticate(db().db, "kanko", "pw-1"))?.loginId).toBe("kanko");
    expect((await listUsers(db().db)).map((x) => [x.loginId, x.disabled])).toEqual([["kanko", false]]);

    const log = await userAudit(db().db);
    expect(log.map((a) => a.action)).toEqual(["enable", "disable", "create"]);
    expect(log[1]).toMatchObject({
      actor: "admin-id",
      entityId: u.id,
      before: { loginId: "kanko", disabled: false },
      after: { loginId: "kanko", disabled: true, sessionsEnded: 1 },
    });
    expect(JSON.stringify(log)).not.toContain("scrypt");
  });

  it("resets a password: the old one stops working, sessions end, the hash never reaches the audit log", async () => {
    const u = await createUser(
      db().db,
      { loginId: "admin", displayName: "管理者", role: "admin", password: "old-password" },
      ctx,
    );
    const s = await createSession(db().db, u.id, 60_000, clock);
    const pw = generatePassword();
    await resetPassword(db().db, u.id, pw, ctx, { generated: true });
    expect(await authenticate(db().db, "admin", "old-password")).toBeNull();
    expect((await authenticate(db().db, "admin", pw))?.id).toBe(u.id);
    expect(await sessionByToken(db().db, s.token, clock)).toBeNull();
    const [entry] = await userAudit(db().db, 1);
    expect(entry).toMatchObject({
      action: "reset_password",
      before: { loginId: "admin" },
      after: { loginId: "admin", generated: true, sessionsEnded: 1 },
    });
    const all = JSON.stringify(await userAudit(db().db));
    expect(all).not.toContain("scrypt");
    expect(all).not.toContain(pw);
    expect(all).not.toContain("old-password");
  });

  it("answers not_found for an unknown user", async () => {
    await expect(setUserActive(db().db, "nobody", false, ctx)).rejects.toMatchObject({ code: "not_found" });
    await expect(resetPassword(db().db, "nobody", "x", ctx, { generated: false })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
