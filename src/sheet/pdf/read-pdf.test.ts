/**
 * Published PDFs → the same sheet as the file they were printed from. The PDFs in fixtures/pdf were
 * printed by LibreOffice Calc and Chromium from the XLSX beside them, and by Sosei itself
 * (fixtures/pdf/regenerate.mts); the bar is 98% of fields right, field by field.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../../core/sheet.ts";
import { importSheet, importSheetFile } from "../import-sheet.ts";
import { fixturesDir } from "../test-paths.ts";
import { compareSheets } from "./test-compare.ts";

const pdfFixture = (name: string) => path.join(fixturesDir, "pdf", name);

async function sheetOf(file: string): Promise<Sheet> {
  const r = await importSheetFile(file);
  if (!r.ok) throw new Error(`${file}: ${r.error.code} ${r.error.message}`);
  return r.sheet;
}

describe("a PDF imports to the same sheet as the file it was printed from", () => {
  const cases: [string, string][] = [
    ["sheet/minato-2023.xlsx", "pdf/minato-2023.lo.pdf"],
    ["sheet/minato-2023.xlsx", "pdf/minato-2023.chromium.pdf"],
    ["sheet/minato-2023.json", "pdf/minato-2023.sosei.pdf"],
    ["pdf/sakura-r5.xlsx", "pdf/sakura-r5.lo.pdf"],
    ["pdf/sakura-r5.xlsx", "pdf/sakura-r5.chromium.pdf"],
    ["pdf/aoba-2023.xlsx", "pdf/aoba-2023.lo.pdf"],
    ["pdf/aoba-2023.xlsx", "pdf/aoba-2023.chromium.pdf"],
  ];
  it.each(cases)("%s → %s", async (source, printed) => {
    const expected = await sheetOf(path.join(fixturesDir, source));
    const actual = await sheetOf(path.join(fixturesDir, printed));
    expect(actual.kpis).toHaveLength(expected.kpis.length);
    const c = compareSheets(expected, actual);
    const share = c.right / c.total;
    // The figure (and what differs) in the test output, for the report.
    console.info(`${printed}: ${c.right}/${c.total} fields (${(share * 100).toFixed(2)}%)`);
    expect(share, JSON.stringify(c.wrong.slice(0, 5))).toBeGreaterThanOrEqual(0.98);
  });
});

describe("where each cell was printed", () => {
  it("gives page and box for every row of a PDF, the header repeated on each page dropped", async () => {
    const r = await importSheet(readFileSync(pdfFixture("aoba-2023.lo.pdf")), "aoba-2023.lo.pdf");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.report.format).toBe("pdf");
    const locations = r.report.locations ?? [];
    const pages = new Set(locations.map((l) => l.page));
    expect(pages.size).toBeGreaterThan(1);
    // Every KPI's source row is located, on a page, with boxes inside an A4 page.
    for (const k of r.sheet.kpis) {
      const at = locations.find((l) => l.row === k.row);
      expect(at, `row ${k.row}`).toBeDefined();
      for (const c of at!.cells) {
        expect(c.x).toBeGreaterThanOrEqual(0);
        expect(c.x + c.width).toBeLessThanOrEqual(842);
        expect(c.y + c.height).toBeLessThanOrEqual(842);
      }
    }
    // KPIs continue across pages, and the column-name row printed on each page is dropped each time.
    const kpiPages = new Set(r.sheet.kpis.map((k) => locations.find((l) => l.row === k.row)!.page));
    expect(kpiPages.size).toBe(pages.size);
    const headerDrops = r.report.cells.dropped.filter((d) => d.text === "指標名");
    expect(headerDrops).toHaveLength(pages.size);
  });

  it("keeps titles and page numbers outside the table as text outside it", async () => {
    const r = await importSheet(readFileSync(pdfFixture("minato-2023.sosei.pdf")), "minato.pdf");
    if (!r.ok) throw new Error(r.error.message);
    const outside = r.report.cells.dropped.filter((d) => d.reason === "表の外の文").map((d) => d.text);
    expect(outside.some((t) => /1\s*\/\s*\d/.test(t))).toBe(true); // the page footer
  });
});

describe("PDFs that cannot be read are refused with a clear one-line message", () => {
  it("a scan (an image, no text layer)", async () => {
    const r = await importSheetFile(pdfFixture("scan.pdf"));
    expect(r).toMatchObject({ ok: false, error: { code: "pdf_no_text" } });
    if (!r.ok) expect(r.error.message).toMatch(/スキャン.*OCR/);
  });

  it("text without a Unicode mapping (fonts without ToUnicode)", async () => {
    const r = await importSheetFile(pdfFixture("no-tounicode.pdf"));
    expect(r).toMatchObject({ ok: false, error: { code: "pdf_unreadable_text" } });
    if (!r.ok) expect(r.error.message).toContain("ToUnicode");
  });

  const printed = () => readFileSync(pdfFixture("sakura-r5.lo.pdf"));
  it.each([
    ["truncated", () => printed().subarray(0, 3000)],
    ["garbage after the header", () => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(5000, 0x37)])],
    ["a header and nothing else", () => Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj")],
  ])("%s", async (_name, bytes) => {
    const r = await importSheet(bytes(), "x.pdf");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toMatch(/^pdf_/);
      expect(r.error.message).not.toContain("\n");
    }
  });

  it("more pages than any sheet has: refused before they are read", async () => {
    // 2,001 empty pages sharing nothing but their parent: a small file, a long document.
    const count = 2001;
    const objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      `<< /Type /Pages /Kids [${Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(" ")}] /Count ${count} >>`,
      ...Array.from({ length: count }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
    ];
    let body = "%PDF-1.4\n";
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(body.length);
      body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const at = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
    const r = await importSheet(Buffer.from(body, "latin1"), "many.pdf");
    expect(r).toMatchObject({ ok: false, error: { code: "input_too_large" } });
  });
});

describe("reading a PDF leaves the process as it found it", () => {
  it("keeps the engine's Array push and the global DecompressionStream", async () => {
    // Captured before this file reads its first PDF: pdfjs's legacy build replaces push on load
    // (read-pdf.ts puts it back) and DecompressionStream is hidden only while a PDF is read.
    const push = Array.prototype.push;
    const inflate = globalThis.DecompressionStream;
    await sheetOf(pdfFixture("sakura-r5.chromium.pdf"));
    expect(Array.prototype.push).toBe(push);
    expect(globalThis.DecompressionStream).toBe(inflate);
    expect(typeof inflate).toBe("function");
  });
});
