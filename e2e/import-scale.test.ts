/**
 * A sheet that rates with marks and prints no legend (the legend was in a text box, or on a page not
 * uploaded): the import page names the marks and asks what each means, reads the file again with
 * the answers, and saving keeps them for the municipality: shown with the saved settings, which can be
 * forgotten. Screenshots at 1280 and 390 px.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasChromium, loginAs, openPage, shot, soseiInChromium } from "./helpers.ts";

const table = readFileSync(
  path.resolve(import.meta.dirname, "../fixtures/profile/kpi-table-2023.md"),
  "utf8",
);
const file = path.join(mkdtempSync(path.join(tmpdir(), "sosei-scale-")), "kpi-table-2023.md");
writeFileSync(file, table.replace(/\n評価 A:.*\n?/, "\n"));
// The same KPIs in the city's other layout (the department before the figures), with its legend.
const otherLayout = path.join(path.dirname(file), "kpi-list-2023.md");
writeFileSync(
  otherLayout,
  table
    .split("\n")
    .map((line) => {
      const cells = line.split("|");
      if (cells.length < 12) return line;
      cells.splice(4, 0, cells.splice(10, 1)[0]!);
      return cells.join("|");
    })
    .join("\n"),
);

// A rating word no rule reads (「様子見」) beside marks the legend explains: asked for alone.
const wordFile = path.join(path.dirname(file), "kpi-table-2023-word.md");
writeFileSync(wordFile, table.replace("| 52.0% | C |", "| 52.0% | 様子見 |"));

describe.skipIf(!hasChromium)("a sheet without its legend (browser)", () => {
  const sosei = soseiInChromium();

  for (const width of [1280, 390])
    it(`asks what each mark means and reads the file with the answers (${width} px)`, async () => {
      const { page, errors } = await openPage(sosei.browser, width);
      await loginAs(page, sosei.url, "planning");
      await page.goto(`${sosei.url}/io`);
      await page.locator("#imp-file").setInputFiles(file);
      await page.getByRole("button", { name: "ファイルを選んで確認" }).click();
      await page.getByRole("heading", { name: "評価の記号の意味" }).waitFor();
      expect(await page.getByRole("alert").textContent()).toContain("凡例が見つかりません");
      const read = page.getByRole("button", { name: "この基準で読み直す" });
      expect(await read.isDisabled()).toBe(true);
      await page.getByLabel("「A」の意味").selectOption("on_track");
      await page.getByLabel("「B」の意味").selectOption("mostly_on_track");
      await page.getByLabel("「C」の意味").selectOption("delayed");
      await shot(page, "import-scale");
      await read.click();
      await page.getByRole("heading", { name: "取り込み内容の確認" }).waitFor();
      const card = (await page.locator(".import-preview").textContent()) ?? "";
      expect(card).toContain("評価尺度（指定した基準）");
      expect(card).toContain("A：順調に進捗");
      expect(card).toContain("C：進捗の遅れ");
      expect(await page.getByRole("alert").count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, "import-scale-read");
      // Saved: the page shows the settings next year's file is read with, and they can be forgotten.
      await page.getByRole("button", { name: "この内容で保存する" }).click();
      const settings = page.locator("section", {
        has: page.getByRole("heading", { name: "保存された取り込み設定" }),
      });
      await settings.getByRole("heading", { name: /kpi-table-2023\.md/ }).waitFor();
      const saved = (await settings.textContent()) ?? "";
      expect(saved).toContain("A：順調に進捗");
      expect(saved).toContain("企画課 総合戦略担当");
      expect(await settings.getByRole("row").count()).toBeGreaterThan(5);
      await shot(page, "import-settings");
      // The city's other layout, saved too: a mapping is kept for each layout, each forgotten alone.
      await page.locator("#imp-file").setInputFiles(otherLayout);
      await page.getByRole("button", { name: "ファイルを選んで確認" }).click();
      await page.getByRole("heading", { name: "取り込み内容の確認" }).waitFor();
      page.on("dialog", (d) => void d.accept());
      await page.getByRole("button", { name: "この内容で保存する" }).click();
      const layouts = settings.locator("article");
      await settings.getByText("様式ごとに2件の設定が保存されています").waitFor();
      expect(await layouts.count()).toBe(2);
      expect(await layouts.nth(0).getByRole("heading").first().textContent()).toContain("kpi-list-2023.md");
      await shot(page, "import-settings-two");
      await layouts.nth(1).getByRole("button", { name: "この設定を削除" }).click();
      await settings.getByText("「kpi-table-2023.md」の様式の取り込み設定を削除しました").waitFor();
      await page.waitForFunction(() => document.querySelectorAll(".saved-profile").length === 1);
      expect(await settings.textContent()).toContain("kpi-list-2023.md");
      await layouts.first().getByRole("button", { name: "この設定を削除" }).click();
      await settings.getByText("保存された取り込み設定はありません").waitFor();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    }, 300_000);

  it("asks only what an unknown rating word means; the legend still says what A and B mean (1280 px)", async () => {
    const { page, errors } = await openPage(sosei.browser, 1280);
    await loginAs(page, sosei.url, "planning");
    await page.goto(`${sosei.url}/io`);
    await page.locator("#imp-file").setInputFiles(wordFile);
    await page.getByRole("button", { name: "ファイルを選んで確認" }).click();
    await page.getByLabel("「様子見」の意味").waitFor();
    expect(await page.getByLabel("「A」の意味").count()).toBe(0);
    await page.getByLabel("「様子見」の意味").selectOption("delayed");
    await shot(page, "import-scale-word");
    await page.getByRole("button", { name: "この基準で読み直す" }).click();
    await page.getByRole("heading", { name: "取り込み内容の確認" }).waitFor();
    const card = (await page.locator(".import-preview").textContent()) ?? "";
    expect(card).toContain("A：順調に進捗");
    expect(card).toContain("様子見：進捗の遅れ");
    expect(errors).toEqual([]);
  }, 300_000);
});
