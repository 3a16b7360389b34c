/**
 * Issue 13 item 6, the old bug: importing the seed (a sheet that names no municipality) through the
 * web created a second municipality 「未設定」, and the server then refused to start again (409
 * ambiguous_municipality). Now the import goes into the server's municipality and the server restarts
 * on the same data directory, over real HTTP.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportPreview } from "../core/api/index.ts";
import { municipalities } from "../store/index.ts";
import { startServer } from "./index.ts";
import { createServices } from "./services.ts";
import { repoRoot, testPassword } from "./test-helpers.ts";

const seed = readFileSync(path.join(repoRoot, "../shared/seed/000_291d4d894f3c6cbd.txt"));
const dirs: string[] = [];

async function loginOver(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: testPassword(username) }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, p: string, body?: FormData | object) =>
    fetch(`${url}${p}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body && !(body instanceof FormData) ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    });
}

describe("a web import of the seed, then a restart", () => {
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("saves the seed into the server's municipality and the server starts again on the same data", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sosei-restart-"));
    dirs.push(dataDir);
    const start = () =>
      startServer({ port: 0, dataDir, buildUi: false, log: () => {}, demoPassword: testPassword });
    let server = await start();
    try {
      const planning = await loginOver(server.url, "planning");
      const fd = new FormData();
      fd.set("file", new File([seed], "000_291d4d894f3c6cbd.txt"));
      let res = await planning("POST", "/api/imports", fd);
      expect(res.status).toBe(200);
      const p = (await res.json()) as ImportPreview;
      // The seed names no municipality: the server's, FY2022 (the demo's open year), replaced.
      expect(p.effect).toMatchObject({
        municipality: "みなと市",
        fiscalYear: 2022,
        exists: true,
        published: false,
      });
      expect(p.effect.replaced + p.effect.added).toBe(41);
      expect(p.effect.message).toMatch(/みなと市の2022年度.*置き換え/);
      res = await planning("POST", `/api/imports/${p.token}/confirm`, {});
      expect(res.status).toBe(201);
    } finally {
      await server.close();
    }
    const services = await createServices({ dataDir });
    try {
      expect((await municipalities.listMunicipalities(services.db)).map((m) => m.name)).toEqual(["みなと市"]);
    } finally {
      await services.close();
    }
    server = await start();
    try {
      const planning = await loginOver(server.url, "planning");
      const res = await planning("GET", "/api/years/2022/kpis");
      expect(res.status).toBe(200);
      expect(((await res.json()) as { rows: unknown[] }).rows).toHaveLength(41);
    } finally {
      await server.close();
    }
  }, 600_000);
});
