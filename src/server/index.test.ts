import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { users } from "../store/index.ts";
import { borrowTestPglite } from "../store/test-backends.ts";
import { startServer } from "./index.ts";
import { createServices, saveImportedSheet } from "./services.ts";
import { TEST_SCRYPT_COST } from "./test-helpers.ts";

const PASSWORD = "correct-horse-battery";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const kakuu = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;

/**
 * Databases holding 架空市 (one city) and 架空市 and 別市 (two), each with an admin, made once in
 * memory and kept as PGlite tarballs: every server below starts on its own copy of one of them.
 * A city that starts from its own sheets has no demo accounts: its admin is made with `sosei users add`.
 */
let oneCity: Blob;
let twoCities: Blob;
const startOn = (template: Blob, municipality?: string) =>
  startServer({ port: 0, buildUi: false, municipality, services: { template }, log: () => {} });

describe("startServer on a database with several municipalities", () => {
  beforeAll(async () => {
    const services = await createServices({ database: await borrowTestPglite() });
    try {
      await saveImportedSheet(services, { ...kakuu, municipality: "架空市" }, { municipality: "架空市" });
      const ctx = { actor: "cli:test", clock: services.clock, ids: services.ids };
      await users.createUser(
        services.db,
        { loginId: "admin", displayName: "管理者", role: "admin", password: PASSWORD },
        { ...ctx, scryptCost: TEST_SCRYPT_COST },
      );
      oneCity = await services.database.dumpDataDir!();
      await saveImportedSheet(services, { ...kakuu, municipality: "別市" }, { municipality: "別市" });
      twoCities = await services.database.dumpDataDir!();
    } finally {
      await services.close();
    }
  });

  it("refuses to start without --municipality, naming the municipalities", async () => {
    // The demo city is loaded into an empty database only; here 架空市 is already there, so the
    // database holds one city and the server starts.
    const one = await startOn(oneCity);
    await one.close();
    // 別市 imported beside it: two cities
    await expect(startOn(twoCities)).rejects.toMatchObject({
      code: "ambiguous_municipality",
      message: expect.stringMatching(/架空市.*別市|別市.*架空市/),
    });
  });

  it("shows only the chosen municipality's years, and refuses an unknown one", async () => {
    const server = await startOn(twoCities, "別市");
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      const years = (await (await fetch(`${server.url}/api/years`, { headers: { cookie } })).json()) as {
        years: { municipality: string }[];
      };
      expect(years.years.map((y) => y.municipality)).toEqual(["別市"]);
    } finally {
      await server.close();
    }
    await expect(startOn(twoCities, "無い市")).rejects.toMatchObject({ code: "not_found" });
  });
});
