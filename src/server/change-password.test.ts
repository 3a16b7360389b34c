/** Issue #16 F20: every user changes their own password (operation changePassword). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshApp, login, testPassword } from "./test-helpers.ts";

const STRONG = "青い港の灯台と7つの坂道 cinnamon-harbor";

describe("changePassword", () => {
  let ctx: Awaited<ReturnType<typeof freshApp>>;
  beforeEach(async () => {
    ctx = await freshApp();
  });
  afterEach(async () => {
    await ctx.services.close();
  });

  const loginWith = (username: string, password: string) =>
    ctx.app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });

  it("checks the current password, refuses a guessable one, ends the other sessions and keeps this one", async () => {
    const here = await login(ctx.app, "planning");
    const elsewhere = await login(ctx.app, "planning");
    const wrong = await here.request("POST", "/api/auth/password", {
      currentPassword: "not-it",
      newPassword: STRONG,
    });
    expect(wrong.status).toBe(401);
    const weak = await here.request("POST", "/api/auth/password", {
      currentPassword: testPassword("planning"),
      newPassword: "password1234",
    });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { code: string } }).error.code).toBe("weak_password");

    const ok = await here.request("POST", "/api/auth/password", {
      currentPassword: testPassword("planning"),
      newPassword: STRONG,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, sessionsEnded: 1 });
    expect((await here.request("GET", "/api/auth/me")).status).toBe(200);
    expect(
      ((await (await here.request("GET", "/api/auth/me")).json()) as { user: unknown }).user,
    ).not.toBeNull();
    expect((await elsewhere.request("GET", "/api/years")).status).toBe(401);
    expect((await loginWith("planning", testPassword("planning"))).status).toBe(401);
    expect((await loginWith("planning", STRONG)).status).toBe(200);
  });

  it("needs a session and the CSRF token", async () => {
    const anon = await ctx.app.request("http://localhost/api/auth/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: "x", newPassword: STRONG }),
    });
    expect(anon.status).toBe(401);
    const u = await login(ctx.app, "planning");
    const noCsrf = await u.request(
      "POST",
      "/api/auth/password",
      { currentPassword: testPassword("planning"), newPassword: STRONG },
      { "x-csrf-token": "" },
    );
    expect(noCsrf.status).toBe(403);
  });
});
