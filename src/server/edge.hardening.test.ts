/**
 * Issue 16 at the HTTP edge: request bodies are limited before they are read (F2), deep JSON is a
 * 400 (F9), login refuses other sites and other content types (F14), and the cookie's Secure flag
 * comes from the configuration (F15). Through app.request() on a fresh in-memory app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { anonymous, freshApp, login, testPassword } from "./test-helpers.ts";

type Ctx = Awaited<ReturnType<typeof freshApp>>;
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;
const loginBody = JSON.stringify({ username: "admin", password: testPassword("admin") });

describe("the HTTP edge (issue 16)", () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await freshApp();
  });
  afterAll(async () => {
    await ctx?.services.close();
  });

  it("F2: a login body over a few KB is answered 413 from its Content-Length, before it is read", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
        if (pulled > 800) controller.close(); // 50 MB at most
      },
    });
    const res = await ctx.app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(3); // the stream's first chunk at most, never the 50 MB
  });

  it("F2: without a Content-Length the body is counted while it streams and cut at the limit", async () => {
    const res = await ctx.app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(1024).fill(0x61));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("F2: every other route has a limit too; an upload keeps its 10 MB", async () => {
    const admin = await login(ctx.app, "admin");
    const big = "x".repeat(300 * 1024);
    const res = await admin.request("PUT", "/api/kpis/2022-1", { version: 1, reason: big });
    expect(res.status).toBe(413);
    const fd = new FormData();
    fd.set("file", new File([new Uint8Array(1024 * 1024).fill(0x41)], "sheet.csv"));
    expect((await admin.request("POST", "/api/imports", fd)).status).not.toBe(413);
  });

  it("F9: JSON nested 5,000 deep is 400 validation_failed, not a stack overflow", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    for (const body of [deep, `{"username":${deep},"password":"x"}`]) {
      const res = await ctx.app.request("http://localhost/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("validation_failed");
    }
    const admin = await login(ctx.app, "admin");
    const nested = JSON.parse(`${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`);
    const res = await admin.request("POST", "/api/parse-value", { text: nested, year: 2022 });
    expect(res.status).toBe(400);
  });

  it("F14: login needs application/json", async () => {
    const res = await ctx.app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: loginBody,
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("F14: login from a foreign Origin is refused; the same origin and no Origin are fine", async () => {
    const post = (origin?: string) =>
      ctx.app.request("http://localhost/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
        body: loginBody,
      });
    const foreign = await post("https://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    expect((await post("http://localhost")).status).toBe(200);
    expect((await post()).status).toBe(200);
  });

  it("F14: with --public-url the Origin must be the public one", async () => {
    const app = createApp(ctx.services, { publicUrl: "https://sosei.city.example.jp/" });
    const post = (origin: string) =>
      app.request("http://127.0.0.1:3000/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: loginBody,
      });
    expect((await post("https://sosei.city.example.jp")).status).toBe(200);
    expect((await post("http://127.0.0.1:3000")).status).toBe(403);
  });

  it("F15: Secure from --public-url https, whatever the Host header says", async () => {
    const app = createApp(ctx.services, { publicUrl: "https://sosei.city.example.jp" });
    const res = await app.request("http://127.0.0.1:3000/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: loginBody,
    });
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("F15: X-Forwarded-Proto counts only with --trust-proxy", async () => {
    const send = (app: ReturnType<typeof createApp>) =>
      app.request("http://127.0.0.1:3000/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
        body: loginBody,
      });
    const trusted = createApp(ctx.services, { trustProxy: true });
    expect((await send(trusted)).headers.get("set-cookie")).toMatch(/; Secure/);
    const untrusted = createApp(ctx.services);
    expect((await send(untrusted)).headers.get("set-cookie")).not.toMatch(/Secure/);
  });

  it("validation errors come out in the one error shape, in Japanese, naming the field", async () => {
    const res = await anonymous(ctx.app).request("POST", "/api/auth/login", { username: "", password: "x" });
    expect(res.status).toBe(400);
    const e = await errorOf(res);
    expect(e.code).toBe("validation_failed");
    expect(e.message).toContain("入力内容が正しくありません");
    expect(e.message).toContain("username");
  });
});
