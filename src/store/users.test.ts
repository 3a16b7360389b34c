/**
 * Account management in the store (deactivate/reactivate, password reset, the users' audit trail),
 * on PGlite and PostgreSQL alike: one database per backend, emptied before each test.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
import { backendsForTests, openTestDatabase, type TestDatabase } from "./test-backends.ts";

const backends = await backendsForTests();

describe("generatePassword", () => {
  it("gives 4 groups of 4 characters without look-alikes, different each time", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z3479]{4}(-[a-zA-Z3479]{4}){3}$/);
    expect(a).not.toMatch(/[0125681lIOoSZB]/);
    expect(generatePassword()).not.toBe(a);
  });
});

describe.each(backends)("users on %s", (backend, skipReason) => {
  let t: TestDatabase;
  const clock = fixedClock("2026-04-01T00:00:00Z");
  let ctx: { actor: string; clock: typeof clock; ids: ReturnType<typeof sequentialIds> };

  describe.skipIf(skipReason !== null)(skipReason ? `skipped: ${skipReason}` : "accounts", () => {
    beforeAll(async () => {
      t = await openTestDatabase(backend);
    });
    afterAll(async () => {
      await t?.destroy();
    });
    beforeEach(async () => {
      await t.reset();
      ctx = { actor: "admin-id", clock, ids: sequentialIds("u") };
    });

    it("deactivates (no login, sessions end) and reactivates, each change audited with before/after", async () => {
      const u = await createUser(
        t.db,
        {
          loginId: "kanko",
          displayName: "観光課",
          role: "department",
          department: "観光課",
          password: "pw-1",
        },
        ctx,
      );
      const s = await createSession(t.db, u.id, 60_000, clock);
      const off = await setUserActive(t.db, u.id, false, ctx);
      expect(off.disabled).toBe(true);
      expect(await authenticate(t.db, "kanko", "pw-1")).toBeNull();
      expect(await sessionByToken(t.db, s.token, clock)).toBeNull();
      // reactivating does not bring the old session back, but the user can log in again
      await setUserActive(t.db, u.id, true, ctx);
      expect(await sessionByToken(t.db, s.token, clock)).toBeNull();
      expect((await authenticate(t.db, "kanko", "pw-1"))?.loginId).toBe("kanko");
      expect((await listUsers(t.db)).map((x) => [x.loginId, x.disabled])).toEqual([["kanko", false]]);

      const log = await userAudit(t.db);
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
        t.db,
        { loginId: "admin", displayName: "管理者", role: "admin", password: "old-password" },
        ctx,
      );
      const s = await createSession(t.db, u.id, 60_000, clock);
      const pw = generatePassword();
      await resetPassword(t.db, u.id, pw, ctx, { generated: true });
      expect(await authenticate(t.db, "admin", "old-password")).toBeNull();
      expect((await authenticate(t.db, "admin", pw))?.id).toBe(u.id);
      expect(await sessionByToken(t.db, s.token, clock)).toBeNull();
      const [entry] = await userAudit(t.db, 1);
      expect(entry).toMatchObject({
        action: "reset_password",
        before: { loginId: "admin" },
        after: { loginId: "admin", generated: true, sessionsEnded: 1 },
      });
      const all = JSON.stringify(await userAudit(t.db));
      expect(all).not.toContain("scrypt");
      expect(all).not.toContain(pw);
      expect(all).not.toContain("old-password");
    });

    it("answers not_found for an unknown user", async () => {
      await expect(setUserActive(t.db, "nobody", false, ctx)).rejects.toMatchObject({ code: "not_found" });
      await expect(resetPassword(t.db, "nobody", "x", ctx, { generated: false })).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
});
