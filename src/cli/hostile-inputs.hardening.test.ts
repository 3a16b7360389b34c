/**
 * Issue #16 F12, F13 at the CLI edge: a sheet/1 JSON with an absurd fiscal year (1e308, -5) or with
 * no KPI is refused with exit 2 and one short line, and nothing is stored (the open year stays the
 * real one). The store refuses the same sheets on its own (second line of defence).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixedClock } from "../core/clock.ts";
import { sequentialIds } from "../core/ids.ts";
import type { Sheet } from "../core/sheet.ts";
import { sheets } from "../store/schema.ts";
import { borrowTestPglite } from "../store/test-backends.ts";
import { saveSheet } from "../store/use-cases/save-sheet.ts";
import { main } from "./main.ts";
import { capture, fixturePath } from "./test-io.ts";

const dir = mkdtempSync(path.join(tmpdir(), "sosei-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kakuu = JSON.parse(readFileSync(fixturePath("store/kakuu-2022.json"), "utf8")) as Sheet;

function jsonFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("sheets no city has (F12, F13)", () => {
  it.each([
    ["fiscal year 1e308", '{"format":"sheet/1","fiscalYear":1e308,"kpis":[]}', "invalid_fiscal_year"],
    ["fiscal year -5", JSON.stringify({ ...kakuu, fiscalYear: -5 }), "invalid_fiscal_year"],
    ["fiscal year 2201", JSON.stringify({ ...kakuu, fiscalYear: 2201 }), "invalid_fiscal_year"],
    ["no KPI", '{"format":"sheet/1","fiscalYear":2031,"kpis":[]}', "invalid_empty_sheet"],
  ])("%s: exit 2, one short line, nothing saved", async (name, text, code) => {
    const dataDir = path.join(dir, name.replace(/\W/g, "_"));
    const io = capture();
    const status = await main(
      ["import", jsonFile(`${code}-${name.length}.json`, text), "--save", "--data-dir", dataDir],
      io,
    );
    expect(status).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
    expect(io.err.length).toBeLessThan(300);
    expect(io.err).toContain(`[${code}]`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("the store refuses them too, and a refused empty sheet does not become the open year", async () => {
    const db = await borrowTestPglite();
    try {
      const ctx = { actor: "cli:test", clock: fixedClock("2026-04-01T00:00:00Z"), ids: sequentialIds("t") };
      await saveSheet(db.db, kakuu, ctx);
      await expect(saveSheet(db.db, { ...kakuu, fiscalYear: 1e308 }, ctx)).rejects.toMatchObject({
        code: "invalid_fiscal_year",
      });
      await expect(saveSheet(db.db, { ...kakuu, fiscalYear: -5 }, ctx)).rejects.toMatchObject({
        code: "invalid_fiscal_year",
      });
      await expect(saveSheet(db.db, { ...kakuu, fiscalYear: 2031, kpis: [] }, ctx)).rejects.toMatchObject({
        code: "invalid_empty_sheet",
      });
      expect(await db.db.select({ year: sheets.fiscalYear }).from(sheets)).toEqual([{ year: 2022 }]);
    } finally {
      await db.close();
    }
  });
});
