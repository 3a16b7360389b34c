import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
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
 * A server on a database of its own holding 架空市 (and 別市 when asked: two cities), each with an
 * admin. The database is one of the worker's pooled in-memory ones (borrowTestPglite), filled here:
 * saving the small sheet costs a fraction of starting PGlite from a tarball; the server's close
 * gives it back emptied.
 * A city that starts from its own sheets has no demo accounts: its admin is made with `sosei users add`.
 */
async function startOn(cities: string[], municipality?: string) {
  const database = await borrowTestPglite();
  // Set-up through the same services, over the same database, left open for the server.
  const setup = await createServices({ database: { ...database, close: async () => {} } });
  try {
    for (const city of cities)
      await saveImportedSheet(setup, { ...kakuu, municipality: city }, { municipality: city });
    await users.createUser(
      setup.db,
      { loginId: "admin", displayName: "管理者", role: "admin", password: PASSWORD },
      { actor: "cli:test", clock: setup.clock, ids: setup.ids, scryptCost: TEST_SCRYPT_COST },
    );
  } catch (e) {
    await database.close();
    throw e;
  }
  return startServer({ port: 0, buildUi: false, municipality, services: { database }, log: () => {} });
}

describe("startServer on a database with several municipalities", () => {
  it("refuses to start without --municipality, naming the municipalities", async () => {
    // The demo city is loaded into an empty database only; here 架空市 is already there, so the
    // database holds one city and the server starts.
    const one = await startOn(["架空市"]);
    await one.close();
    // 別市 imported beside it: two cities
    await expect(startOn(["架空市", "別市"])).rejects.toMatchObject({
      code: "ambiguous_municipality",
      message: expect.stringMatching(/架空市.*別市|別市.*架空市/),
    });
  });

  it("shows only the chosen municipality's years, and refuses an unknown one", async () => {
    const server = await startOn(["架空市", "別市"], "別市");
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
    await expect(startOn(["架空市", "別市"], "無い市")).rejects.toMatchObject({ code: "not_found" });
  });
});
