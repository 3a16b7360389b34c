/**
 * Sosei's own PDF imports back (issue 17): the sheet downloadSheetPdf prints now, read by the PDF
 * reader (src/sheet/pdf), gives the same KPIs as the stored year — every field, values compared
 * without the raw text they were printed as. What the reader does not take from the PDF: the
 * municipality printed in the title (it stays null, as for any sheet; `--municipality` names it).
 */
import { describe, expect, it } from "vitest";
import { importSheet } from "../sheet/index.ts";
import { freshApp, login } from "./test-helpers.ts";

const withoutRaw = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (k, x) => (k === "raw" ? undefined : x)));

describe("the printed sheet PDF imports back", () => {
  it("reads a freshly printed year to the same KPIs", { timeout: 300_000 }, async () => {
    const { app, services } = await freshApp();
    try {
      const planning = await login(app, "planning");
      const res = await planning.request("GET", "/api/years/2021/sheet.pdf");
      expect(res.status).toBe(200);
      const outcome = await importSheet(new Uint8Array(await res.arrayBuffer()), "sheet-2021.pdf");
      if (!outcome.ok) throw new Error(outcome.error.message);
      const stored = await services.store.exportSheet(2021);
      expect(outcome.sheet.fiscalYear).toBe(2021);
      expect(outcome.sheet.municipality ?? null).toBeNull();
      expect(withoutRaw(outcome.sheet.kpis)).toEqual(withoutRaw(stored.kpis));
    } finally {
      await services.close();
    }
  });
});
