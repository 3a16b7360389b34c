import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { users } from "../store/index.ts";
import { startServer } from "./index.ts";
import { createServices, saveImportedSheet } from "./services.ts";

const PASSWORD = "correct-horse-battery";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const kakuu = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;

/** A data directory holding the given cities' sheets and an admin; each test makes its own. */
async function dataDirWith(cities: string[]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "sosei-serve-"));
  dirs.push(dir);
  const services = await createServices({ dataDir: dir });
  for (const city of cities)
    await saveImportedSheet(services, { ...kakuu, municipality: city }, { municipality: city });
  // A city that starts from its own sheets has no demo accounts: its admin is made with `sosei users add`.
  const ctx = { actor: "cli:test", clock: services.clock, ids: services.ids };
  await users.createUser(
    services.db,
    { loginId: "admin", displayName: "管理者", role: "admin", password: PASSWORD },
    ctx,
  );
  await services.close();
  return dir;
}
const dirs: string[] = [];

describe("startServer on a database with several municipalities", () => {
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("refuses to start without --municipality, naming the municipalities", async () => {
    const dataDir = await dataDirWith(["架空市"]);
    // The demo city is loaded into an empty database only; here 架空市 is already there, so the
    // database holds one city and the server starts.
    const one = await startServer({ port: 0, dataDir, buildUi: false, log: () => {} });
    await one.close();
    const services = await createServices({ dataDir });
    await saveImportedSheet(services, { ...kakuu, municipality: "別市" }, { municipality: "別市" });
    await services.close();
    await expect(startServer({ port: 0, dataDir, buildUi: false, log: () => {} })).rejects.toMatchObject({
      code: "ambiguous_municipality",
      message: expect.stringMatching(/架空市.*別市|別市.*架空市/),
    });
  });

  it("shows only the chosen municipality's years, and refuses an unknown one", async () => {
    const dataDir = await dataDirWith(["架空市", "別市"]);
    const server = await startServer({
      port: 0,
      dataDir,
      buildUi: false,
      municipality: "別市",
      log: () => {},
    });
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
    await expect(
      startServer({ port: 0, dataDir, buildUi: false, municipality: "無い市", log: () => {} }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
