import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.ts";
import { createServices, saveImportedSheet } from "../../server/services.ts";
import { importSheetFile } from "../../sheet/index.ts";
import { kpiYears } from "../../store/index.ts";
import { main } from "../main.ts";
import { capture, holdDataDirForTest } from "../test-io.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const f2024 = path.join(repoRoot, "fixtures/report/sample-city-2024.json");
const f2023 = path.join(repoRoot, "fixtures/report/sample-city-2023.json");
const dir = mkdtempSync(path.join(tmpdir(), "sosei-publish-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sosei publish", () => {
  it("writes the site of the given files", async () => {
    const out = path.join(dir, "site-files");
    const io = capture();
    expect(await main(["publish", "--out", out, "--from", f2024, "--from", f2023], io)).toBe(0);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    expect(existsSync(path.join(out, "sheet-2023.html"))).toBe(true);
    expect(readdirSync(path.join(out, "kpi"))).toHaveLength(11);
    expect(
      readFileSync(path.join(out, "data/sosei-all.csv"), "utf8").startsWith("\uFEFFkpi_id,municipality,"),
    ).toBe(true);
    // Each year's official sheet beside the site, linked from its page.
    expect(readFileSync(path.join(out, "data/sheet-2024.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(existsSync(path.join(out, "data/sheet-2024.xlsx"))).toBe(true);
    expect(readFileSync(path.join(out, "sheet-2024.html"), "utf8")).toContain('href="data/sheet-2024.pdf"');
  }, 240_000); // prints each year's PDF through Chromium

  it("refuses a missing --out and two sheets of one year", async () => {
    expect(await main(["publish", "--from", f2024], capture())).toBe(2);
    const io = capture();
    expect(await main(["publish", "--out", path.join(dir, "x"), "--from", f2024, "--from", f2024], io)).toBe(
      2,
    );
    expect(io.err).toContain("[invalid_input]");
  });

  it("publishes only the published years of the database", async () => {
    // Opened once and shared (as beside `sosei serve`): the set-up and the commands go through its socket.
    const dataDir = await holdDataDirForTest(path.join(dir, "db"));
    const services = await createServices({ dataDir, clock: fixedClock(new Date("2025-06-01T00:00:00Z")) });
    try {
      for (const f of [f2023, f2024]) {
        const r = await importSheetFile(f);
        if (!r.ok) throw new Error(r.error.message);
        await saveImportedSheet(services, r.sheet, { actor: "test" });
      }
      const ctx = { actor: "test", clock: services.clock, ids: services.ids };
      for (const row of await kpiYears.listKpiYears(services.db, { fiscalYear: 2024 })) {
        const s = await kpiYears.transitionReview(
          services.db,
          { id: row.id, version: row.version, to: "submitted" },
          ctx,
        );
        await kpiYears.transitionReview(services.db, { id: s.id, version: s.version, to: "approved" }, ctx);
      }
      await kpiYears.publishYear(services.db, { fiscalYear: 2024 }, ctx);
    } finally {
      await services.close();
    }
    const out = path.join(dir, "site-db");
    const io = capture();
    expect(await main(["publish", "--out", out, "--data-dir", dataDir], io)).toBe(0);
    expect(existsSync(path.join(out, "sheet-2024.html"))).toBe(true);
    expect(existsSync(path.join(out, "sheet-2023.html"))).toBe(false);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("令和6年度（2024年度）");
  }, 240_000); // prints each year's PDF through Chromium

  it("with several municipalities, asks which one and publishes only its years", async () => {
    const dataDir = await holdDataDirForTest(path.join(dir, "db-two"));
    const services = await createServices({ dataDir, clock: fixedClock(new Date("2025-06-01T00:00:00Z")) });
    try {
      const r = await importSheetFile(f2024);
      if (!r.ok) throw new Error(r.error.message);
      const ctx = { actor: "test", clock: services.clock, ids: services.ids };
      for (const city of ["東市", "西市"]) {
        await saveImportedSheet(
          services,
          { ...r.sheet, municipality: city },
          { municipality: city, actor: "test" },
        );
        for (const row of await kpiYears.listKpiYears(services.db, {
          fiscalYear: 2024,
          municipality: city,
        })) {
          const s = await kpiYears.transitionReview(
            services.db,
            { id: row.id, version: row.version, to: "submitted" },
            ctx,
          );
          await kpiYears.transitionReview(services.db, { id: s.id, version: s.version, to: "approved" }, ctx);
        }
        await kpiYears.publishYear(services.db, { fiscalYear: 2024, municipality: city }, ctx);
      }
    } finally {
      await services.close();
    }
    const refused = capture();
    expect(await main(["publish", "--out", path.join(dir, "site-two"), "--data-dir", dataDir], refused)).toBe(
      1,
    );
    expect(refused.err).toContain("[ambiguous_municipality]");
    const out = path.join(dir, "site-west");
    expect(
      await main(["publish", "--out", out, "--municipality", "西市", "--data-dir", dataDir], capture()),
    ).toBe(0);
    const csv = readFileSync(path.join(out, "data/sosei-all.csv"), "utf8");
    expect(csv).toContain("西市,2024");
    expect(csv).not.toContain("東市");
  }, 240_000); // prints each year's PDF through Chromium
});
