import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isSoseiError } from "../core/errors.ts";
import { evaluateSheet } from "../core/evaluation/evaluate.ts";
import type { Sheet } from "../core/sheet.ts";
import { launchChromium } from "./chromium.ts";
import { htmlToPdf } from "./pdf.ts";
import { sheetPrintHtml } from "./print-html.ts";
import { loadFixture, seedDir, seedFile, squash } from "./test-support.ts";

const out = mkdtempSync(path.join(tmpdir(), "sosei-pdf-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Prints a sheet (in the process's Chromium, as the CLI and the server do), renders its pages to PNG, returns the page count and the PDF's text. */
async function print(sheet: Sheet, name: string, draft = false) {
  const pdf = await htmlToPdf(sheetPrintHtml(sheet, evaluateSheet(sheet), { draft }));
  const file = path.join(out, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "40", "-png", file, path.join(out, name)]);
  const pngs = readdirSync(out).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
  const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  return { pdf, pngs, text, info, pages };
}

describe("htmlToPdf (fixture)", () => {
  it("prints a summary page and the table, A4 landscape, with every indicator as text", async () => {
    const sheet = loadFixture("sample-city-2024.json");
    const r = await print(sheet, "fixture");
    expect(Buffer.from(r.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(r.info).toMatch(/Page size:\s+841\.\d+ x 595|Page size:\s+841\.\d+ x 594/);
    expect(r.pages).toBe(2);
    expect(r.pngs).toHaveLength(2);
    const text = squash(r.text);
    for (const k of sheet.kpis) expect(text).toContain(squash(k.indicator));
    expect(text).toContain("大基本目標別進捗評価の件数");
    expect(text).toContain("1/2");
    expect(text).toContain("2/2");
    // Every font is the bundled Noto Sans JP, embedded as a TrueType CID font that maps to
    // Unicode (no Type 3 glyph procedures from host fonts): copy and search work.
    const fonts = execFileSync("pdffonts", [path.join(out, "fixture.pdf")], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter((l) => l.trim() !== "");
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/NotoSansJP/);
      expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    // Title and document language.
    expect(r.info).toMatch(/Title:\s+令和6年度/);
    expect(r.info).toMatch(/Tagged:\s+yes/);
    expect(Buffer.from(r.pdf).toString("latin1")).toContain("/Lang (ja)");
    expect(text).not.toContain("（案）");
  });

  it("marks a draft year 案 on every page", async () => {
    const sheet = loadFixture("sample-city-2024.json");
    const r = await print(sheet, "draft", true);
    const perPage = r.text.split("\f").filter((p) => p.trim() !== "");
    expect(perPage).toHaveLength(r.pages);
    for (const p of perPage) expect(squash(p)).toContain("KPI評価シート（案）案");
  });
});

describe.skipIf(!existsSync(seedDir))("htmlToPdf (seed)", () => {
  it("prints the seed sheet on several pages, the header on each, every indicator findable", async () => {
    const { importSheetFile } = await import("../sheet/index.ts");
    const result = await importSheetFile(seedFile);
    if (!result.ok) throw new Error(result.error.message);
    const r = await print(result.sheet, "seed");
    expect(r.pages).toBeGreaterThanOrEqual(4);
    expect(r.pngs).toHaveLength(r.pages);
    const text = squash(r.text);
    for (const k of result.sheet.kpis) expect(text).toContain(squash(k.indicator));
    // The column header is repeated on every table page (all pages but the summary).
    const perPage = r.text.split("\f").filter((p) => p.trim() !== "");
    expect(perPage).toHaveLength(r.pages);
    for (const p of perPage.slice(1)) expect(squash(p)).toContain("進捗が遅れている理由");
    expect(text).toContain(`${r.pages}/${r.pages}`);
    // Each table page starts with its 大基本目標 / 小基本目標 / 施策 (a continuation page too), and
    // no KPI row is split: each indicator is whole on exactly one page.
    const tablePages = perPage.slice(1).map(squash);
    for (const p of tablePages) {
      const afterHeader = p.slice(p.indexOf("今後の方策等") + 6);
      expect(afterHeader).toMatch(/^[123](しごと|ひと|まち)の創生/);
    }
    for (const k of result.sheet.kpis)
      expect(tablePages.filter((p) => p.includes(squash(k.indicator)))).toHaveLength(1);
    // A 進捗の遅れ due to COVID-19 is printed with its flag.
    expect(text).toContain("進捗の遅れ(コロナ)");
  });
});

describe("launchChromium", () => {
  it("says how to install Chromium when it is missing", async () => {
    const saved = process.env.SOSEI_CHROMIUM;
    process.env.SOSEI_CHROMIUM = path.join(out, "no-such-chromium");
    try {
      const e = await launchChromium().then(
        () => null,
        (err: unknown) => err,
      );
      expect(isSoseiError(e) && e.code).toBe("chromium_missing");
      expect((e as Error).message).toContain("apt-get install chromium fonts-noto-cjk");
      expect((e as Error).message).toContain("SOSEI_CHROMIUM");
    } finally {
      if (saved === undefined) delete process.env.SOSEI_CHROMIUM;
      else process.env.SOSEI_CHROMIUM = saved;
    }
  });
});
