import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createServices, saveImportedSheet } from "../../server/services.ts";
import { importSheetFile } from "../../sheet/index.ts";
import { main } from "../main.ts";
import { capture } from "../test-io.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const fixture = path.join(repoRoot, "fixtures/report/sample-city-2024.json");
const seedDir = path.resolve(repoRoot, "../shared/seed");
const seedFile = path.join(seedDir, "000_291d4d894f3c6cbd.txt");
const dir = mkdtempSync(path.join(tmpdir(), "sosei-report-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sosei report", () => {
  it("prints a PDF and the HTML from a file", async () => {
    const io = capture();
    const pdf = path.join(dir, "a.pdf");
    const html = path.join(dir, "a.html");
    const code = await main(
      ["report", "--year", "2024", "--from", fixture, "--pdf", pdf, "--html", html],
      io,
    );
    expect(io.err).not.toContain("sosei:");
    expect(code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect(readFileSync(html, "utf8")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("refuses bad usage and unreadable input with status 2 and one line", async () => {
    for (const args of [
      ["report", "--year", "2024", "--from", fixture],
      ["report", "--year", "R4", "--from", fixture, "--html", path.join(dir, "x.html")],
      [
        "report",
        "--year",
        "2024",
        "--from",
        path.join(dir, "missing.xlsx"),
        "--html",
        path.join(dir, "x.html"),
      ],
      ["report", "--year", "2023", "--from", fixture, "--html", path.join(dir, "x.html")],
    ]) {
      const io = capture();
      expect(await main(args, io), args.join(" ")).toBe(2);
      const lines = io.err.trim().split("\n");
      expect(lines[0]).toMatch(/^sosei: /);
      // usage errors add the usage text after the one line; others are exactly one line.
      expect(io.err).toMatch(/\[(usage_error|invalid_input|invalid_year)\]\n$/);
    }
  });

  it("says how to install Chromium when it is missing", async () => {
    const saved = process.env.SOSEI_CHROMIUM;
    process.env.SOSEI_CHROMIUM = path.join(dir, "no-chromium");
    try {
      const io = capture();
      const code = await main(["report", "--from", fixture, "--pdf", path.join(dir, "b.pdf")], io);
      expect(code).toBe(1);
      expect(io.err).toContain("apt-get install chromium fonts-noto-cjk");
      expect(io.err).toContain("[chromium_missing]");
      expect(io.err.trim().split("\n")).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.SOSEI_CHROMIUM;
      else process.env.SOSEI_CHROMIUM = saved;
    }
  });

  it("writes Excel that `sosei import` reads back to the same sheet/1", async () => {
    const xlsx = path.join(dir, "c.xlsx");
    expect(await main(["report", "--from", fixture, "--xlsx", xlsx], capture())).toBe(0);
    const original = JSON.parse(readFileSync(fixture, "utf8"));
    const back = await importSheetFile(xlsx);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.sheet.fiscalYear).toBe(original.fiscalYear);
    expect(back.sheet.kpis).toEqual(original.kpis);
  });

  it.skipIf(!existsSync(seedDir))("round-trips the seed through Excel", async () => {
    const first = await importSheetFile(seedFile);
    if (!first.ok) throw new Error(first.error.message);
    const xlsx = path.join(dir, "seed.xlsx");
    expect(await main(["report", "--from", seedFile, "--xlsx", xlsx], capture())).toBe(0);
    const back = await importSheetFile(xlsx);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.sheet.kpis).toEqual(first.sheet.kpis);
  });

  it("prints a stored year from the database", async () => {
    const dataDir = path.join(dir, "db-report");
    const imported = await importSheetFile(fixture);
    if (!imported.ok) throw new Error(imported.error.message);
    const services = await createServices({ dataDir });
    try {
      await saveImportedSheet(services, imported.sheet, { actor: "test" });
    } finally {
      await services.close();
    }
    const html = path.join(dir, "stored.html");
    const io = capture();
    expect(await main(["report", "--year", "2024", "--data-dir", dataDir, "--html", html], io)).toBe(0);
    const text = readFileSync(html, "utf8");
    for (const k of imported.sheet.kpis.slice(0, 5))
      expect(text).toContain(k.indicator.replace(/&/g, "&amp;"));
    const missing = capture();
    expect(await main(["report", "--year", "2019", "--data-dir", dataDir, "--html", html], missing)).toBe(1);
    expect(missing.err).toContain("[not_found]");
  });
});
