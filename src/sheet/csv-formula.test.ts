/** The formula policy for CSV (csv-formula.ts): neutralised in the sheet CSV, which still imports back. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../core/sheet.ts";
import { looksLikeFormula, neutraliseFormula, restoreNeutralised } from "./csv-formula.ts";
import { importSheet } from "./import-sheet.ts";
import { writeSheetCsv } from "./write-csv.ts";
import { writeSheetXlsx } from "./write-xlsx.ts";

const fixture = (): Sheet =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../../fixtures/report/sample-city-2024.json"), "utf8"),
  ) as Sheet;

describe("formula-like cells", () => {
  it("marks = + @ TAB CR and a '-' that is not a printed number", () => {
    for (const c of [
      "=1+1",
      "+81 3",
      "@SUM(A1)",
      "\tx",
      "\rx",
      "-1+1",
      "-cmd|' /C calc'!A0",
      '=HYPERLINK("x")',
    ])
      expect(looksLikeFormula(c)).toBe(true);
    for (const c of ["-", "-5人", "-3.5%", "-1,200万円", "順調", "1+1", "－", "'=x"])
      expect(looksLikeFormula(c)).toBe(false);
  });

  it("neutralises with a leading ' and restores exactly that", () => {
    expect(neutraliseFormula("=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("-5人")).toBe("-5人");
    expect(restoreNeutralised("'=1+1")).toBe("=1+1");
    expect(restoreNeutralised("'quoted")).toBe("'quoted");
  });

  it("the sheet CSV neutralises them and imports back to the same sheet; so does the XLSX", async () => {
    const sheet = fixture();
    const k = sheet.kpis[0]!;
    sheet.kpis[0] = { ...k, indicator: '=HYPERLINK("http://x","y")', challenge: "+課題", nextSteps: "@方策" };
    const csv = writeSheetCsv(sheet);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(",'+課題,");
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
    for (const [bytes, name] of [
      [new TextEncoder().encode(csv), "x.csv"],
      [await writeSheetXlsx(sheet), "x.xlsx"],
    ] as const) {
      const back = await importSheet(bytes, name);
      if (!back.ok) throw new Error(back.error.message);
      expect(back.sheet.kpis[0]!.indicator).toBe(sheet.kpis[0]!.indicator);
      expect(back.sheet.kpis[0]!.challenge).toBe("+課題");
      expect(back.sheet.kpis[0]!.nextSteps).toBe("@方策");
      expect(back.sheet.kpis.map((x) => x.indicator)).toEqual(sheet.kpis.map((x) => x.indicator));
    }
  });
});
