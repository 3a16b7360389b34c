/**
 * Issue 14 in the browser: the import preview shows how each column of a city's table was read
 * (field, how sure, the legend's scale, header rows, evaluated year) and what saving does to which
 * year; planning corrects one column's meaning, reads the upload again, saves; next year's file of
 * the same layout is read with the saved mapping. Screenshots at 1280 and 390 px in e2e/screenshots/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server/index.ts";
import { hasChromium, launch, loginAs, openPage, shot, startSosei } from "./helpers.ts";

const fixture = path.resolve(import.meta.dirname, "../fixtures/profile/kpi-table-2023.md");
const nextYear = path.join(tmpdir(), `kpi-table-2024-${process.pid}.md`);
const yearSheets = path.join(tmpdir(), `kpi-years-${process.pid}.xlsx`);

describe.skipIf(!hasChromium)("import preview with a corrected column (browser)", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startSosei();
    browser = await launch();
    writeFileSync(nextYear, readFileSync(fixture, "utf8").replaceAll("令和5年度", "令和6年度"));
    // A workbook keeping a worksheet per year: this year's and last year's.
    const wb = new ExcelJS.Workbook();
    const md = readFileSync(fixture, "utf8");
    for (const [name, text] of [
      ["令和5年度", md],
      ["令和4年度", md.replaceAll("令和5年度", "令和4年度")],
    ] as const) {
      const ws = wb.addWorksheet(name);
      for (const line of text.split("\n").filter((l) => l.trim() !== "" && !/^\|\s*---/.test(l)))
        ws.addRow(
          line.startsWith("|")
            ? line
                .split("|")
                .slice(1, -1)
                .map((c) => c.trim())
            : [line],
        );
    }
    writeFileSync(yearSheets, new Uint8Array(await wb.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const upload = async (page: Page, file: string) => {
    await page.goto(`${server.url}/io`);
    await page.locator("#imp-file").setInputFiles(file);
    await page.getByRole("button", { name: "ファイルを選んで確認" }).click();
    await page.getByRole("heading", { name: "取り込み内容の確認" }).waitFor();
  };
  const rowOf = (page: Page, header: string) =>
    page
      .locator(".import-preview tbody tr")
      .filter({ has: page.getByRole("cell", { name: header, exact: true }) });

  it("shows the mapping, reads a corrected column again, saves it, and reuses it next year", async () => {
    const { page, errors } = await openPage(browser, 1280);
    await loginAs(page, server.url, "planning");
    await upload(page, fixture);
    const card = page.locator(".import-preview");
    expect(await card.textContent()).toContain("取り込み先：みなと市・令和5年度（2023年度）");
    expect(await card.textContent()).toContain("令和5年度（2023年度）として新しく保存します（3件を追加）");
    expect(await card.textContent()).toContain("表（1行に1指標）");
    expect(await card.textContent()).toContain("A：順調に進捗（100%以上）");
    expect(await rowOf(page, "振り返り").textContent()).toContain("不明（その他として保持）");
    expect(await rowOf(page, "KPI").textContent()).toContain("見出しから判断");
    await shot(page, "import-mapping");

    await page.getByLabel("「振り返り」の意味").selectOption({ label: "理由" });
    await page.getByText("1列の意味を変更しました").waitFor();
    // Saving waits for the corrected reading.
    expect(await page.getByRole("button", { name: "この内容で保存する" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "この対応付けで読み直す" }).click();
    await page.getByText("修正した対応付けで読み直しました").waitFor();
    expect(await rowOf(page, "振り返り").textContent()).toContain("確定（対応付けの指定）");
    await shot(page, "import-mapping-corrected");
    await page.getByRole("button", { name: "この内容で保存する" }).click();
    await page.getByRole("status").filter({ hasText: "保存しました" }).waitFor();

    // The KPI page shows what the sheet printed beyond the standard columns.
    await page.goto(`${server.url}/kpi/2023-1`);
    await page.getByRole("heading", { name: "シートに記載の値" }).waitFor();
    const printed = await page.locator("section", { has: page.locator("#printed-h") }).textContent();
    expect(printed).toContain("20件（令和元年度（2019年度））");
    expect(printed).toContain("82.0%");
    await shot(page, "kpi-printed");

    // Next year's file of the same layout: read with the saved mapping.
    await upload(page, nextYear);
    await page.getByText("前回この自治体で保存した対応付けで読み取りました").waitFor();
    expect(await page.getByLabel("「振り返り」の意味").inputValue()).toBe("reason");
    expect(await card.textContent()).toContain("令和6年度（2024年度）");
    expect(errors).toEqual([]);
  }, 300_000);

  it("reads another year's worksheet of a workbook that keeps one per year, chosen in the preview", async () => {
    const { page, errors } = await openPage(browser, 390);
    await loginAs(page, server.url, "planning");
    await upload(page, yearSheets);
    const card = page.locator(".import-preview");
    const select = page.getByLabel("読む年度のシート");
    expect(await select.inputValue()).toBe("2023");
    expect(await card.textContent()).toContain("読まなかったシート: 「令和4年度」(2022年度)");
    await shot(page, "import-year-sheets");
    await select.selectOption({ label: "シート「令和4年度」（2022年度）" });
    await page.getByText("取り込み先：みなと市・令和4年度（2022年度）").waitFor();
    expect(await select.inputValue()).toBe("2022");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 300_000);

  it("fits a phone: the mapping table scrolls inside its frame, the page does not", async () => {
    const { page, errors } = await openPage(browser, 390);
    await loginAs(page, server.url, "planning");
    await upload(page, fixture);
    await shot(page, "import-mapping");
    await page.goto(`${server.url}/kpi/2023-1`);
    await page.getByRole("heading", { name: "シートに記載の値" }).waitFor();
    await shot(page, "kpi-printed");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 300_000);
});
