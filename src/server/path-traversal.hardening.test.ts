/**
 * Path traversal (issue #9): the UI's static files, upload file names and exports never reach a
 * file outside what they are meant to. Through app.request() on a fresh in-memory app.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { freshApp, login } from "./test-helpers.ts";

const SECRET = "top-secret-not-for-the-web";

describe("path traversal", () => {
  let ctx: Awaited<ReturnType<typeof freshApp>>;
  let root: string;
  let ui: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "sosei-traversal-"));
    ui = path.join(root, "dist");
    mkdirSync(path.join(ui, "assets"), { recursive: true });
    writeFileSync(path.join(ui, "index.html"), "<!doctype html><title>Sosei</title>");
    writeFileSync(path.join(ui, "assets", "app.js"), "console.log(1)");
    writeFileSync(path.join(root, "secret.txt"), SECRET);
    writeFileSync(path.join(root, "dist-secret.txt"), SECRET); // a sibling whose name starts like the UI folder
    ctx = await freshApp();
  });
  afterAll(async () => {
    await ctx?.services.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("static files: .. in any spelling never leaves the UI folder", async () => {
    const app = createApp(ctx.services, { staticDir: ui });
    expect(await (await app.request("/assets/app.js")).text()).toBe("console.log(1)");
    for (const url of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E%2Fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/../dist-secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBeLessThan(500);
      expect(await res.text(), url).not.toContain(SECRET);
    }
  });

  it("a malformed percent-encoding is a 400, not a crash", async () => {
    const app = createApp(ctx.services, { staticDir: ui });
    expect((await app.request("/%E0%A4%A")).status).toBe(400);
  });

  it("an upload's file name is only a label: no directories kept, nothing written to disk", async () => {
    const admin = await login(ctx.app, "admin");
    const before = readdirSync(root).sort();
    const fd = new FormData();
    fd.set("file", new File(["{ not json"], "../../../secret.txt"));
    const res = await admin.request("POST", "/api/imports", fd);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).not.toContain("../");
    expect(readdirSync(root).sort()).toEqual(before);
    expect(existsSync(path.join(root, "..", "secret.txt"))).toBe(false);
  });

  it("exports take a year, never a path", async () => {
    const admin = await login(ctx.app, "admin");
    for (const url of [
      "/api/years/..%2f..%2fsecret/export.csv",
      "/api/years/2022%2f..%2f..%2fsecret/export.json",
    ]) {
      const res = await admin.request("GET", url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      expect(await res.text()).not.toContain(SECRET);
    }
  });
});
