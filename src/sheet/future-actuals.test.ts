import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSheet } from "./import-sheet.ts";
import { fixturesDir, seedFile } from "./test-paths.ts";

// A card whose grid prints bare years (「27年度」) and whose only era is the year it was written in
// (令和元年度): the bare years are counted in 令和, 2045. The day of the import says no actual can be
// that late. (kitami-jimu's card, its title 「平成27年度 事務事業評価シート」 rewritten.)
const card = readFileSync(path.join(fixturesDir, "layouts", "kitami-jimu", "sheet.md"), "utf8");
const titled = (title: string) => card.replace("平成27年度 事務事業評価シート(中間・事後)", title);

describe("no actual of a fiscal year after today's", () => {
  const today = new Date("2026-12-03T00:00:00Z");
  const read = (text: string, options = {}) =>
    importSheet(new TextEncoder().encode(text), "sheet.md", { today, ...options });

  it("refuses a bare year counted in the era of a date, naming the year and today's", async () => {
    const r = await read(titled("事務事業評価シート(令和元年度作成)"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("actual_in_future");
      expect(r.error.message).toContain("2045年度");
      expect(r.error.message).toContain("2026年度");
    }
  });

  it("reads the same sheet when its own fiscal year names the era", async () => {
    const r = await read(titled("平成27年度 事務事業評価シート(令和元年度作成)"));
    expect(r.ok && r.sheet.fiscalYear).toBe(2015);
  });

  it("says nothing when the import is given no day (a library call that passes no clock)", async () => {
    const r = await importSheet(
      new TextEncoder().encode(titled("事務事業評価シート(令和元年度作成)")),
      "sheet.md",
    );
    expect(r.ok && r.sheet.fiscalYear).toBe(2045);
  });

  it("reads the seed with today's date", async () => {
    const seed = readFileSync(seedFile);
    const r = await importSheet(seed, "seed.md", { today });
    expect(r.ok && r.sheet.fiscalYear).toBe(2022);
  });
});
