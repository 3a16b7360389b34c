/**
 * Authorization of every route for every role, table-driven. Requests are shaped so that an allowed
 * role gets a harmless non-2xx (stale version → 409, bogus token → 404, empty upload → 400) or a
 * read, so the rows do not depend on each other's side effects.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "./app.ts";
import { CASES, ROLES, type RoleName } from "./test-authz-cases.ts";
import { anonymous, type Client, freshApp, login } from "./test-helpers.ts";

describe("authorization: route × role", () => {
  let ctx: Awaited<ReturnType<typeof freshApp>>;
  // Who may download a printed sheet is decided by the route before anything is printed, so the
  // printer here is a stand-in that records each sheet's HTML (printing itself is tested in Chromium:
  // src/server/pdf-reimport.test.ts, src/report/pdf.test.ts). Each sheet is printed once: every role
  // allowed it gets the same bytes.
  const printed = new Map<string, Promise<Uint8Array>>();
  beforeAll(async () => {
    ctx = await freshApp({
      printPdf: (html) => {
        if (!printed.has(html))
          printed.set(html, Promise.resolve(new TextEncoder().encode(`%PDF-1.7 stand-in ${printed.size}`)));
        return printed.get(html)!;
      },
    });
  });
  afterAll(async () => {
    await ctx.services.close();
  });

  it("documents exactly the routes the app answers, and the table covers each of them", () => {
    // The app's real routes (not middleware, which Hono registers as ALL), in OpenAPI spelling.
    const real = new Set(
      ctx.app.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .map((r) => `${r.method} ${r.path.replaceAll(/:(\w+)/g, "{$1}")}`),
    );
    const doc = openApiDocument(ctx.app);
    const documented = new Set(
      Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
        Object.keys(item ?? {})
          .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
          .map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    expect([...real].sort()).toEqual([...documented].sort());
    const covered = new Set(CASES.map((c) => `${c.method} ${c.path}`));
    expect([...real].filter((r) => !covered.has(r))).toEqual([]);
  });

  // Every operation × every role, downloads included.
  it("answers each role as the table says", { timeout: 300_000 }, async () => {
    const clients = new Map<RoleName, Client>();
    clients.set("public", anonymous(ctx.app));
    const failures: string[] = [];
    for (const c of CASES) {
      for (const role of ROLES) {
        // logout ends the session: use a session of its own
        let client = clients.get(role);
        if (!client || c.path === "/api/auth/logout") {
          client = role === "public" ? anonymous(ctx.app) : await login(ctx.app, role);
          if (c.path !== "/api/auth/logout") clients.set(role, client);
        }
        const body = typeof c.body === "function" ? (c.body as (r: RoleName) => unknown)(role) : c.body;
        const res = await client.request(c.method, c.url, body);
        if (res.status !== c.expect[role])
          failures.push(
            `${c.method} ${c.url} as ${role}: ${res.status} (expected ${c.expect[role]}) ${await res.text()}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // One print per sheet: the PDF does not depend on who asks.
    expect(printed.size).toBe(2);
  });
});
