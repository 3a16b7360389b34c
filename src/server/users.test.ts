/** Account management through the API (`app.request()`, fresh in-memory PGlite with the demo users). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anonymous, type Client, freshApp, login } from "./test-helpers.ts";

interface Account {
  id: string;
  username: string;
  displayName: string;
  role: string;
  department: string | null;
  active: boolean;
}
interface AuditEntry {
  actor: string;
  subject: string;
  action: string;
  before: unknown;
  after: unknown;
}

describe("account management (admin)", () => {
  let ctx: Awaited<ReturnType<typeof freshApp>>;
  let admin: Client;
  // Each test on its own copy of the demo database: none relies on what another changed.
  beforeEach(async () => {
    ctx = await freshApp();
    admin = await login(ctx.app, "admin");
    // 都市計画課 is on the department list before its users are added (issue 13: users take it from there).
    expect((await admin.request("POST", "/api/departments", { name: "都市計画課" })).status).toBe(201);
  });
  afterEach(async () => {
    await ctx.services.close();
  });

  const logIn = (username: string, password: string) =>
    anonymous(ctx.app).request("POST", "/api/auth/login", { username, password });
  const list = async () =>
    (await (await admin.request("GET", "/api/users")).json()) as { users: Account[]; audit: AuditEntry[] };

  it("lists users without any password hash", async () => {
    const res = await admin.request("GET", "/api/users");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/scrypt|passwordHash|password_hash/);
    const { users } = JSON.parse(text) as { users: Account[] };
    expect(users.find((u) => u.username === "shoko")).toMatchObject({
      role: "department",
      department: "商工振興課",
      displayName: "商工振興課",
      active: true,
    });
  });

  it("creates a user with a generated password shown once, or one the admin sets (12+ characters)", async () => {
    const res = await admin.request("POST", "/api/users", {
      username: "toshi",
      displayName: "都市計画課 担当",
      role: "department",
      department: "都市計画課",
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { user: Account; password: string };
    expect(created.user).toMatchObject({ username: "toshi", department: "都市計画課", active: true });
    expect(created.password).toMatch(/^[\w]{4}(-[\w]{4}){3}$/);
    expect((await logIn("toshi", created.password)).status).toBe(200);
    // the list never shows it again
    expect(JSON.stringify(await list())).not.toContain(created.password);

    const tooShort = await admin.request("POST", "/api/users", {
      username: "iinkai2",
      displayName: "委員2",
      role: "committee",
      password: "short",
    });
    expect(tooShort.status).toBe(400);
    expect(JSON.stringify(await tooShort.json())).toContain("12文字以上");
    // Issue #16 F20: long but guessable is refused too, saying why in Japanese.
    const weak = await admin.request("POST", "/api/users", {
      username: "iinkai2",
      displayName: "委員2",
      role: "committee",
      password: "aaaaaaaaaaaa",
    });
    expect(weak.status).toBe(400);
    const weakBody = (await weak.json()) as { error: { code: string; message: string } };
    expect(weakBody.error.code).toBe("weak_password");
    expect(weakBody.error.message).toContain("繰り返し");
    const set = await admin.request("POST", "/api/users", {
      username: "iinkai2",
      displayName: "委員2",
      role: "committee",
      password: "sakura-kumo-tetsudou-hashira",
    });
    expect(set.status).toBe(201);
    expect(await set.json()).not.toHaveProperty("password");
    expect((await logIn("iinkai2", "sakura-kumo-tetsudou-hashira")).status).toBe(200);
  });

  it("refuses bad input: taken login id (409), department without 担当課, unknown role, bad login id", async () => {
    const taken = await admin.request("POST", "/api/users", {
      username: "shoko",
      displayName: "x",
      role: "committee",
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("login_id_taken");
    for (const body of [
      { username: "dept1", displayName: "x", role: "department" },
      { username: "pub1", displayName: "x", role: "public" },
      { username: "日本語", displayName: "x", role: "committee" },
      { username: "ok1", displayName: "  ", role: "committee" },
    ]) {
      const r = await admin.request("POST", "/api/users", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("resets a password: the new one is returned once, the old one and the old sessions stop working", async () => {
    const shoko = await login(ctx.app, "shoko");
    const id = (await list()).users.find((u) => u.username === "shoko")!.id;
    const res = await admin.request("POST", `/api/users/${id}/password`);
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect((await logIn("shoko", "pw-shoko-0000")).status).toBe(401);
    expect((await logIn("shoko", password)).status).toBe(200);
    const r = await shoko.request("GET", "/api/entry");
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("session_expired");
  });

  it("deactivates (sessions end, no login) and reactivates; the admin cannot deactivate themself", async () => {
    const kanko = await login(ctx.app, "kanko");
    const { users } = await list();
    const id = users.find((u) => u.username === "kanko")!.id;
    const off = await admin.request("POST", `/api/users/${id}/active`, { active: false });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { user: Account }).user.active).toBe(false);
    expect((await kanko.request("GET", "/api/entry")).status).toBe(401);
    expect((await logIn("kanko", "pw-kanko-0000")).status).toBe(401);
    expect((await admin.request("POST", `/api/users/${id}/active`, { active: true })).status).toBe(200);
    expect((await logIn("kanko", "pw-kanko-0000")).status).toBe(200);

    const self = users.find((u) => u.username === "admin")!.id;
    const r = await admin.request("POST", `/api/users/${self}/active`, { active: false });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("cannot_deactivate_self");
    expect((await admin.request("POST", `/api/users/${id}/active`, { active: "no" })).status).toBe(400);
  });

  it("records who changed which account, before and after, never a password or hash", async () => {
    const created = await admin.request("POST", "/api/users", {
      username: "toshi",
      displayName: "都市計画課 担当",
      role: "department",
      department: "都市計画課",
    });
    expect(created.status).toBe(201);
    await admin.request("POST", "/api/users", {
      username: "iinkai2",
      displayName: "委員2",
      role: "committee",
      password: "long-enough-password",
    });
    const before = (await list()).users;
    const shokoId = before.find((u) => u.username === "shoko")!.id;
    const kankoId = before.find((u) => u.username === "kanko")!.id;
    expect((await admin.request("POST", `/api/users/${shokoId}/password`)).status).toBe(200);
    await login(ctx.app, "kanko");
    expect((await admin.request("POST", `/api/users/${kankoId}/active`, { active: false })).status).toBe(200);
    expect((await admin.request("POST", `/api/users/${kankoId}/active`, { active: true })).status).toBe(200);
    const { audit } = await list();
    const actions = audit.map((a) => `${a.action}:${a.subject}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        "create:都市計画課 担当",
        "reset_password:商工振興課",
        "disable:観光課",
        "enable:観光課",
      ]),
    );
    const disable = audit.find((a) => a.action === "disable")!;
    expect(disable).toMatchObject({
      actor: "管理者",
      before: { loginId: "kanko", disabled: false },
      after: { loginId: "kanko", disabled: true, sessionsEnded: 1 },
    });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|long-enough-password|passwordHash/);
  });

  it("needs the CSRF token like every other change", async () => {
    const r = await admin.request(
      "POST",
      "/api/users",
      { username: "nocsrf", displayName: "x", role: "committee" },
      { "x-csrf-token": "wrong" },
    );
    expect(r.status).toBe(403);
    expect((await list()).users.some((u) => u.username === "nocsrf")).toBe(false);
  });
});
