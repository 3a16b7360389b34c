import { afterAll, describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { importSheet } from "../sheet/import-sheet.ts";
import { writeSheetCsv } from "../sheet/write-csv.ts";
import { anonymous, freshApp } from "./test-helpers.ts";

const ctx = await freshApp();
afterAll(async () => {
  await ctx.services.close();
});

describe("the web's 「CSV（Excel用）」 download", () => {
  it("is the sheet CSV (writeSheetCsv) and imports back to the same sheet", async () => {
    const pub = anonymous(ctx.app);
    const res = await pub.request("GET", "/api/years/2021/export.csv");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const stored = (await (await pub.request("GET", "/api/years/2021/export.json")).json()) as Sheet;
    expect(csv).toBe(writeSheetCsv({ format: "sheet/1", fiscalYear: 2021, kpis: stored.kpis }));
    // No English header, no review state.
    expect(csv).not.toMatch(/^\uFEFFrow,/);
    expect(csv).not.toMatch(/,(published|draft|approved|submitted|returned)\r\n/);

    const back = await importSheet(bytes, "sheet-2021.csv");
    if (!back.ok) throw new Error(`${back.error.code}: ${back.error.message}`);
    expect(back.sheet.fiscalYear).toBe(2021);
    expect(
      back.sheet.kpis.map((k) => [k.indicator, k.goal, k.target, k.actual, k.evaluation.category]),
    ).toEqual(stored.kpis.map((k) => [k.indicator, k.goal, k.target, k.actual, k.evaluation.category]));
  });
});
