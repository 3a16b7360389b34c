/**
 * Issue 14's leftovers in the browser: another city's sheet (fixtures/layouts/ibaraki-pref: baselines,
 * 数値目標, a scale legend, an earlier year printed beside the evaluated one) imported through the web
 * API, then read as a user reads it — the sheet page shows the 基準値 column, the 数値目標 and the
 * legend; the KPI page's history shows the earlier printed year; the printed PDF carries all three.
 * Screenshots at 1280 and 390 px in e2e/screenshots/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/index.ts";
import {
  hasChromium,
  launch,
  loginAs,
  openPage,
  SCREENSHOTS,
  sessionAs,
  shot,
  startSosei,
} from "./helpers.ts";

const layout = path.resolve(import.meta.dirname, "../fixtures/layouts/ibaraki-pref/sheet.xlsx");

async function importAs(base: string, username: string, file: string): Promise<number> {
  const { cookie, csrfToken } = await sessionAs(base, username);
  const fd = new FormData();
  fd.set("file", new File([readFileSync(file)], path.basename(file)));
  const headers = { cookie, "x-csrf-token": csrfToken };
  const p = await fetch(`${base}/api/imports`, { method: "POST", headers, body: fd });
  if (!p.ok) throw new Error(`preview: ${p.status} ${await p.text()}`);
  const preview = (await p.json()) as { token: string; fiscalYear: number };
  const c = await fetch(`${base}/api/imports/${preview.token}/confirm`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: "{}",
  });
  if (c.status !== 201) throw new Error(`confirm: ${c.status} ${await c.text()}`);
  return preview.fiscalYear;
}

describe.skipIf(!hasChromium)("another city's sheet as a user reads it (browser)", () => {
  let server: RunningServer;
  let browser: Browser;
  let year: number;
  beforeAll(async () => {
    server = await startSosei();
    browser = await launch();
    year = await importAs(server.url, "admin", layout);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 390]) {
    it(`sheet page and KPI page at ${width}px`, async () => {
      const { page, errors } = await openPage(browser, width);
      await loginAs(page, server.url, "planning");
      await page.goto(`${server.url}/sheet?year=${year}`);
      await page.getByRole("heading", { name: "数値目標（基本目標ごと）" }).waitFor();
      expect(await page.getByRole("columnheader", { name: "基準値" }).first().isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "評価の基準（シートの凡例）" }).isVisible()).toBe(true);
      await shot(page, "ext-sheet");
      // The KPI whose sheet printed an earlier year beside the evaluated one.
      const detail = await page.evaluate(async (y) => {
        const rows = (await (await fetch(`/api/years/${y}/kpis`)).json()) as {
          rows: { id: string; kpi: { years?: { year: number; actual: { kind: string } }[] } }[];
        };
        return rows.rows.find((r) => r.kpi.years?.some((v) => v.year < y && v.actual.kind !== "missing"))?.id;
      }, year);
      expect(detail).toBeTruthy();
      await page.goto(`${server.url}/kpi/${detail}`);
      await page.locator("tr.printed-year").first().waitFor();
      expect(await page.locator("tr.printed-year").first().textContent()).toContain("のシートに記載");
      await page.locator(".chart svg").waitFor();
      await shot(page, "ext-kpi");
      expect(errors).toEqual([]);
    }, 300_000);
  }

  it("prints the PDF with the 基準値 column, the 数値目標 and the legend", async () => {
    const { cookie } = await sessionAs(server.url, "admin");
    const pdf = await fetch(`${server.url}/api/years/${year}/sheet.pdf`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    writeFileSync(path.join(SCREENSHOTS, "ext-sheet.pdf"), bytes);
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: bytes }).promise;
    let text = "";
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items
        .map((t) => ("str" in t ? t.str : ""))
        .join("");
    const squashed = text.replace(/\s+/g, "");
    for (const word of ["基準値", "数値目標（基本目標ごと）", "評価の基準"]) expect(squashed).toContain(word);
  }, 300_000);
});
