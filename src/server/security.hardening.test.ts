/**
 * Hardening at the HTTP edge (issue #9), through app.request() on a fresh in-memory app: hostile
 * text in login and search gives a normal answer (never a 500), uploads over the limit are refused
 * with 413, and a KPI named like a script goes out as JSON text, not markup.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, freshApp, login } from "./test-helpers.ts";

const HOSTILE = ["'; drop table kpis; --", "' or '1'='1", "%", "_", "\\", "<script>alert(1)</script>", "😀"];

describe("HTTP edge under hostile input", () => {
  let ctx: Awaited<ReturnType<typeof freshApp>>;
  beforeAll(async () => {
    ctx = await freshApp();
  });
  afterAll(async () => {
    await ctx?.services.close();
  });

  it("login with hostile user names answers 401 bad_credentials, never 500", async () => {
    for (const username of HOSTILE) {
      const res = await anonymous(ctx.app).request("POST", "/api/auth/login", { username, password: "x" });
      expect(res.status, JSON.stringify(username)).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_credentials");
    }
    // admin still logs in: nothing was changed by the attempts
    await login(ctx.app, "admin");
  });

  it("a NUL character in a JSON body or the query string is refused with 400 validation_failed", async () => {
    const login400 = await anonymous(ctx.app).request("POST", "/api/auth/login", {
      username: "a\u0000b",
      password: "x",
    });
    expect(login400.status).toBe(400);
    expect(((await login400.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    const admin = await login(ctx.app, "admin");
    const years = (await (await admin.request("GET", "/api/years")).json()) as {
      years: { fiscalYear: number }[];
    };
    const fy = years.years[0]!.fiscalYear;
    const res = await admin.request("GET", `/api/years/${fy}/kpis?q=${encodeURIComponent("出\u0000生")}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("NUL");
  });

  it("search and filters take hostile text literally (200, JSON, no rows for junk)", async () => {
    const admin = await login(ctx.app, "admin");
    const years = (await (await admin.request("GET", "/api/years")).json()) as {
      years: { fiscalYear: number }[];
    };
    const fy = years.years[0]!.fiscalYear;
    const all = (await (await admin.request("GET", `/api/years/${fy}/kpis`)).json()) as { rows: unknown[] };
    for (const s of HOSTILE) {
      for (const param of ["q", "department"]) {
        const res = await admin.request("GET", `/api/years/${fy}/kpis?${param}=${encodeURIComponent(s)}`);
        expect(res.status, `${param}=${JSON.stringify(s)}`).toBe(200);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        expect(((await res.json()) as { rows: unknown[] }).rows).toEqual([]);
      }
    }
    const again = (await (await admin.request("GET", `/api/years/${fy}/kpis`)).json()) as { rows: unknown[] };
    expect(again.rows).toHaveLength(all.rows.length);
  });

  it("an upload over 10 MB is refused with 413 payload_too_large before it is read", async () => {
    const admin = await login(ctx.app, "admin");
    const fd = new FormData();
    fd.set("file", new File([new Uint8Array(11 * 1024 * 1024).fill(0x41)], "huge.csv"));
    const res = await admin.request("POST", "/api/imports", fd);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("two users saving one KPI from the same version: one 200, the other 409 with the current row", async () => {
    const [a, b] = [await login(ctx.app, "planning"), await login(ctx.app, "admin")];
    type Row = { id: string; version: number; state: string; kpi: { reason: string | null } };
    const rows = ((await (await a.request("GET", "/api/years/2022/kpis")).json()) as { rows: Row[] }).rows;
    const row = rows.find((r) => r.state === "draft")!;
    const [ra, rb] = await Promise.all([
      a.request("PUT", `/api/kpis/${row.id}`, { version: row.version, reason: "企画の理由" }),
      b.request("PUT", `/api/kpis/${row.id}`, { version: row.version, reason: "管理者の理由" }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const [won, lost] = ra.status === 200 ? [ra, rb] : [rb, ra];
    const saved = ((await won.json()) as { row: Row }).row;
    const conflict = (await lost.json()) as { error: { code: string; details: { current: Row } } };
    expect(conflict.error.code).toBe("version_conflict");
    expect(conflict.error.details.current).toMatchObject({
      version: row.version + 1,
      kpi: { reason: saved.kpi.reason },
    });
  });
});
