/** The downloads of a year, from a real PGlite store: each imports back or is what the docs say. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { importSheet } from "../sheet/index.ts";
import { borrowTestPglite } from "../store/test-backends.ts";
import { openDataDownload, sheetDownload } from "./outputs.ts";
import { createServices, type Services, saveImportedSheet } from "./services.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = JSON.parse(
  readFileSync(path.join(repoRoot, "fixtures/store/kakuu-2022.json"), "utf8"),
) as Sheet;
const where = { fiscalYear: 2022 };

let services: Services;
beforeAll(async () => {
  services = await createServices({ database: await borrowTestPglite() });
  await saveImportedSheet(services, fixture, { actor: "cli:test" });
});
afterAll(() => services?.close());

describe("year downloads", () => {
  it("XLSX and CSV import back to the stored sheet; names say the year is a draft", async () => {
    for (const format of ["xlsx", "csv"] as const) {
      const d = await sheetDownload(services.db, where, format);
      expect(d.filename).toBe(`sheet-2022-draft.${format}`);
      const back = await importSheet(d.body, d.filename);
      if (!back.ok) throw new Error(back.error.message);
      expect(back.sheet.kpis.map((k) => k.indicator)).toEqual(fixture.kpis.map((k) => k.indicator));
      expect(back.sheet.kpis.map((k) => k.actual)).toEqual(fixture.kpis.map((k) => k.actual));
    }
    const csv = await sheetDownload(services.db, where, "csv");
    expect(
      new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.body).startsWith("\uFEFF大基本目標,"),
    ).toBe(true);
  });

  it("open data has a kpi_id and the review state on every row", async () => {
    const d = await openDataDownload(services.db, where);
    const lines = new TextDecoder().decode(d.body).replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0]!.startsWith("kpi_id,municipality,fiscal_year,review_state,")).toBe(true);
    expect(lines).toHaveLength(fixture.kpis.length + 1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^[0-9a-f-]{36},架空市,2022,draft,/);
  });
});
