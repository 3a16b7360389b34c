/**
 * Issue 17 in the browser and over HTTP: the four official downloads as planning (any year, the
 * draft marked) and as the public (published years only; a draft year refused), and the department
 * workbook round trip — planning downloads 商工振興課's workbook from the import/export page, it is
 * filled with exceljs as a department would, uploaded, previewed, confirmed; the drafts equal what
 * was typed; the same upload again changes nothing; a web edit in between shows as a conflict.
 * Screenshots of the preview at 1280 and 390 px; the downloaded workbook is kept in e2e/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../src/core/api/index.ts";
import type { RunningServer } from "../src/server/index.ts";
import { ENTRY_SHEET, HEADER_ROW, WB } from "../src/sheet/write-department-workbook.ts";
import {
  apiAs,
  e2ePassword,
  hasChromium,
  launch,
  loginAs,
  openPage,
  SCREENSHOTS,
  shot,
  startSosei,
} from "./helpers.ts";

const FILES = ["sheet.pdf", "sheet.xlsx", "sheet.csv", "open-data.csv"];

describe.skipIf(!hasChromium)("official outputs and department workbooks (browser)", () => {
  let server: RunningServer;
  let browser: Browser;
  // Starting builds the UI when its sources are newer (after a merge): minutes on a busy machine.
  beforeAll(async () => {
    server = await startSosei();
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("downloads the four files as planning (draft year too) and as the public (published year only)", async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "planning", password: e2ePassword("planning") }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    for (const year of [2021, 2022])
      for (const f of FILES) {
        const res = await fetch(`${server.url}/api/years/${year}/${f}`, { headers: { cookie } });
        expect(res.status, `planning ${year} ${f}`).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (f.endsWith(".pdf")) expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
        if (f.endsWith(".xlsx")) expect(new TextDecoder().decode(bytes.subarray(0, 2))).toBe("PK");
        if (f === "open-data.csv") expect(new TextDecoder().decode(bytes)).toContain("kpi_id");
        // the sheet of a year not yet published is the draft (marked 案 on every page)
        if (year === 2022 && f.startsWith("sheet"))
          expect(res.headers.get("content-disposition")).toContain("draft");
      }
    for (const f of FILES) {
      expect((await fetch(`${server.url}/api/years/2021/${f}`)).status, `public 2021 ${f}`).toBe(200);
      expect((await fetch(`${server.url}/api/years/2022/${f}`)).status, `public 2022 ${f}`).toBe(404);
    }
  }, 300_000);

  /** Fills the workbook as a department would in Excel, by the indicator printed in each row. */
  async function fill(
    bytes: Buffer,
    cells: Record<string, Partial<Record<keyof typeof WB, string | number>>>,
  ) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.getWorksheet(ENTRY_SHEET)!.eachRow((row, r) => {
      if (r <= HEADER_ROW) return;
      for (const [col, v] of Object.entries(cells[String(row.getCell(WB.indicator).value)] ?? {}))
        row.getCell(WB[col as keyof typeof WB]).value = v;
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function uploadInPage(page: Page, name: string, buffer: Buffer) {
    // a preview shown before is put away first, so that the wait below sees the new one
    const cancel = page.getByRole("button", { name: "取り消す" });
    if (await cancel.isVisible()) await cancel.click();
    await page
      .getByLabel("記入シート（.xlsx）")
      .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
    await page.getByRole("button", { name: "アップロードして確認" }).click();
    await page.getByRole("heading", { name: "保存する内容の確認" }).waitFor();
  }

  it("round trip: download, fill, upload, preview, confirm; again nothing; a web edit is a conflict", async () => {
    const base = server.url;
    const { page, errors } = await openPage(browser, 1280);
    await loginAs(page, base, "planning");
    await page.goto(`${base}/io`);
    await page.getByRole("heading", { name: "課別記入シート（Excel）" }).waitFor();
    const row = page.getByRole("row", { name: /商工振興課/ });
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link").click()]);
    expect(download.suggestedFilename()).toBe("2022年度_商工振興課_KPI記入シート.xlsx");
    const original = readFileSync(await download.path());
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, "department-workbook.xlsx"), original);

    const typed = {
      市内製造業の製造品出荷額等: {
        actual: "3,050億円",
        evaluation: "概ね順調に進捗",
        challenge: "人手不足が続く",
      },
      新規創業件数: { actual: 12, evaluation: "進捗の遅れ(コロナ)", reason: "" },
    };
    await uploadInPage(page, "filled.xlsx", await fill(original, typed));
    await page.getByText("変更 2件・変更なし 0件・競合 0件").waitFor();
    // the entry form's checks: 12件 against 40件 is far from the target; a delay needs its reason
    await page.getByText("進捗の遅れの理由を書いてください").waitFor();
    await shot(page, "workbook-preview");
    const mobile = await openPage(browser, 390);
    await loginAs(mobile.page, base, "planning");
    await mobile.page.goto(`${base}/io`);
    await uploadInPage(mobile.page, "filled.xlsx", await fill(original, typed));
    await shot(mobile.page, "workbook-preview");

    await page.getByRole("button", { name: "2件を下書きとして保存する" }).click();
    await page.getByText("2件を下書きとして保存しました。").waitFor();
    const asPlanning = await apiAs(base, "planning");
    const r1 = (await asPlanning<{ row: Row }>("GET", "/api/kpis/2022-1")).row;
    const r2 = (await asPlanning<{ row: Row }>("GET", "/api/kpis/2022-2")).row;
    expect(r1.state).toBe("draft");
    expect(r1.kpi.actual.raw).toBe("3,050億円");
    expect(r1.kpi.evaluation).toMatchObject({ category: "mostly_on_track", covid: false });
    expect(r1.kpi.challenge).toBe("人手不足が続く");
    expect(r2.kpi.actual).toMatchObject({ kind: "number", value: 12, unit: "件", raw: "12件" });
    expect(r2.kpi.evaluation).toMatchObject({ category: "delayed", covid: true });

    // the same workbook again: nothing to save
    await uploadInPage(page, "filled.xlsx", await fill(original, typed));
    await page.getByText("変更 0件・変更なし 2件").waitFor();
    expect(await page.getByRole("button", { name: "0件を下書きとして保存する" }).isDisabled()).toBe(true);

    // the department corrects 新規創業件数 on the web; the old workbook changed again → conflict
    const shoko = await apiAs(base, "shoko");
    await shoko("PUT", "/api/kpis/2022-2", { version: r2.version, actualText: "14件" });
    await uploadInPage(page, "filled-again.xlsx", await fill(original, { 新規創業件数: { actual: 13 } }));
    await page.getByText("競合 1件").waitFor();
    await page.getByText("Web画面で「実績値」が変更されています").waitFor();
    await shot(page, "workbook-conflict");
    await uploadInPage(
      mobile.page,
      "filled-again.xlsx",
      await fill(original, { 新規創業件数: { actual: 13 } }),
    );
    await shot(mobile.page, "workbook-conflict");
    expect((await asPlanning<{ row: Row }>("GET", "/api/kpis/2022-2")).row.kpi.actual.raw).toBe("14件");
    expect(errors).toEqual([]);
    expect(mobile.errors).toEqual([]);
  }, 300_000);
});
