/**
 * Each role's path through the UI in Chromium: a department enters a value and submits; planning
 * returns it with a comment; the department fixes and resubmits; planning approves and publishes;
 * the public sees it. Screenshots at 1280 and 390 px go to e2e/screenshots/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/server/index.ts";
import { apiAs, e2ePassword, hasChromium, loginAs, openPage, shot, soseiInChromium } from "./helpers.ts";

describe.skipIf(!hasChromium)("review flow in the browser", () => {
  const sosei = soseiInChromium();

  const newPage = (width: number) => openPage(sosei.browser, width);
  const card = (page: Page, id: string) => page.locator(`#entry-${id}`);

  it("keeps what was typed when the session is lost, and logs in again in place", async () => {
    const base = sosei.url;
    const { page } = await newPage(390);
    await loginAs(page, base, "kosodate");
    await page.goto(`${base}/entry`);
    const c = card(page, "2022-9");
    await c.getByLabel(/^実績値/).fill("1,388人");
    await c.getByLabel("課題").fill("出生数の減少が続いている。");
    await page.context().clearCookies(); // the session is gone
    await c.getByRole("button", { name: "保存" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await shot(page, "relogin");
    await dialog.getByLabel("ユーザー名").fill("kosodate");
    await dialog.getByLabel("パスワード").fill(e2ePassword("kosodate"));
    await dialog.getByRole("button", { name: "ログイン" }).click();
    await c.getByText("保存しました").waitFor();
    expect(await c.getByLabel("課題").inputValue()).toBe("出生数の減少が続いている。");
    // a reload still shows the saved values
    await page.reload();
    expect(
      await card(page, "2022-9")
        .getByLabel(/^実績値/)
        .inputValue(),
    ).toBe("1,388人");
  });

  // Five roles in turn, and the other KPIs stated and approved through the API: minutes on 2 cores.
  it("department → planning → department → planning → public", { timeout: 240_000 }, async () => {
    const base = sosei.url;
    // 1. the department (企画課) enters 転入者数 and submits
    const { page: dept, errors } = await newPage(1280);
    await loginAs(dept, base, "kikaku");
    await dept.goto(`${base}/entry`);
    const c = card(dept, "2022-5");
    const actual = c.getByLabel(/^実績値/);
    await actual.fill("12,34人");
    await expect.poll(() => c.locator(".preview").textContent()).toContain("読み取れません");
    await expect.poll(() => c.locator(".preview").textContent()).toContain("桁区切り");
    await actual.fill("1万8225人");
    await expect.poll(() => c.locator(".preview").textContent()).toContain("18,225人");
    await c.getByLabel("課題").fill("転入者の定着に向けた支援が必要である。");
    await shot(dept, "entry");
    await c.getByRole("button", { name: "提出" }).click();
    await c.locator(".badge.state-submitted").first().waitFor();

    // 2. planning returns it with a comment
    const { page: plan } = await newPage(1280);
    await loginAs(plan, base, "planning");
    await plan.goto(`${base}/review`);
    await plan.getByRole("button", { name: "転入者数" }).click();
    await plan
      .getByLabel(/差し戻すときは必須/)
      .fill("転入者数の出典（住民基本台帳）を課題欄に書いてください。");
    await shot(plan, "review");
    await plan.getByRole("button", { name: "差し戻す" }).click();
    await plan.getByLabel("状態").selectOption("returned");
    await plan.getByRole("button", { name: "転入者数" }).waitFor();

    // the committee reads the queue and comments
    const { page: com } = await newPage(390);
    await loginAs(com, base, "committee");
    await com.goto(`${base}/review`);
    await com.getByLabel("状態").selectOption("returned");
    await com.getByRole("button", { name: "転入者数" }).click();
    await com.getByLabel("コメントを追加").fill("転入超過の内訳（年代別）も示してほしい。");
    await com.getByRole("button", { name: "コメントを追加" }).click();
    await com.getByText("転入超過の内訳（年代別）も示してほしい。").waitFor();
    await shot(com, "committee");

    // 3. the department sees the comment, fixes and resubmits
    await dept.goto(`${base}/entry`);
    await expect.poll(() => c.locator(".callout").textContent()).toContain("出典（住民基本台帳）");
    await c.getByLabel("課題").fill("出典：住民基本台帳。転入者の定着に向けた支援が必要である。");
    await c.getByRole("button", { name: "提出" }).click();
    await c.locator(".badge.state-submitted").first().waitFor();

    // 4. planning approves; the other KPIs are approved through the API to set the scene; then publishes
    await plan.goto(`${base}/review`);
    await plan.getByRole("button", { name: "転入者数" }).click();
    await plan.getByRole("button", { name: "承認", exact: true }).click();
    await plan.getByLabel("状態").selectOption("approved");
    await plan.getByRole("button", { name: "転入者数" }).waitFor();
    const admin = await apiAs(base, "admin");
    const { rows } = await admin<{ rows: { id: string; version: number; state: string }[] }>(
      "GET",
      "/api/review",
    );
    for (const r of rows.filter((x) => x.id !== "2022-5")) {
      // 評価不可 with a reason from the list: the least a submit needs
      const filled = await admin<{ row: { version: number } }>("PUT", `/api/kpis/${r.id}`, {
        version: r.version,
        evaluation: { category: "not_evaluable", covid: false, notEvaluableReason: "statistics_pending" },
      });
      const s = await admin<{ row: { version: number } }>("POST", `/api/kpis/${r.id}/transitions`, {
        action: "submit",
        version: filled.row.version,
      });
      await admin("POST", `/api/kpis/${r.id}/transitions`, { action: "approve", version: s.row.version });
    }
    await plan.goto(`${base}/review`);
    await plan.getByRole("button", { name: "公表内容を確認" }).click();
    const confirm = plan.getByRole("dialog");
    await confirm.getByText(/公表/).first().waitFor();
    await confirm.getByRole("button", { name: "公表する", exact: true }).click();
    await plan.getByText(/を公表しました/).waitFor();

    // 5. the public sees the published value
    for (const width of [1280, 390]) {
      const { page: pub, errors: pubErrors } = await newPage(width);
      await pub.goto(`${base}/sheet?year=2022&q=転入`);
      const row = pub.getByRole("row", { name: /転入者数/ });
      await expect.poll(() => row.textContent()).toContain("18,225人");
      await shot(pub, "public-sheet");
      await pub.goto(`${base}/kpi/2022-5`);
      await pub.getByRole("heading", { name: "転入者数" }).waitFor();
      await pub.locator(".chart svg").first().waitFor(); // ECharts loads lazily: shoot the drawn chart
      await shot(pub, "public-kpi");
      await pub.goto(`${base}/?year=2021`);
      await pub.getByRole("heading", { level: 2 }).first().waitFor();
      await pub.locator(".chart svg").first().waitFor();
      await shot(pub, "dashboard");
      if (width === 1280) {
        await pub.getByRole("button", { name: "Switch to English" }).click();
        await pub.getByRole("heading", { name: /Dashboard/ }).waitFor();
        await pub.locator(".chart svg").first().waitFor();
        await shot(pub, "dashboard-en");
      }
      expect(pubErrors).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  it("imports in two steps (preview, then save) and offers downloads", async () => {
    const base = sosei.url;
    const sheet = JSON.parse(readFileSync(path.join(REPO_ROOT, "fixtures/demo/minato-2022.json"), "utf8"));
    sheet.fiscalYear = 2023;
    const dir = mkdtempSync(path.join(tmpdir(), "sosei-e2e-"));
    const file = path.join(dir, "minato-2023.json");
    writeFileSync(file, JSON.stringify(sheet));
    const { page } = await newPage(1280);
    await loginAs(page, base, "planning");
    await page.goto(`${base}/io`);
    await page.getByLabel(/評価シートのファイル/).setInputFiles(file);
    await page.getByRole("button", { name: "ファイルを選んで確認" }).click();
    await page.getByRole("heading", { name: "取り込み内容の確認" }).waitFor();
    expect(await page.getByText("KPI 12件").count()).toBe(1);
    await shot(page, "import-preview");
    await page.getByRole("button", { name: "この内容で保存する" }).click();
    await page.getByText("令和5年度（2023年度）を保存しました").waitFor();
    await page
      .getByRole("row", { name: /令和5年度/ })
      .getByRole("link", { name: "CSV（Excel用）" })
      .waitFor();

    // a broken file: a clear message, nothing saved
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "{ broken");
    await page.getByLabel(/評価シートのファイル/).setInputFiles(broken);
    await page.getByRole("button", { name: "ファイルを選んで確認" }).click();
    await page.getByRole("alert").filter({ hasText: "JSON として読めません" }).waitFor();
  });

  it("can be used with the keyboard: the skip link moves focus to the main content", async () => {
    const { page } = await newPage(390);
    await page.goto(`${sosei.url}/`);
    // Tab only once the app has rendered; before that, focus would stay on the bare document.
    await page.locator("a.skip-link").waitFor({ state: "attached" });
    await page.locator("main").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("本文へ移動");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});

describe.skipIf(!hasChromium)("two people editing one KPI in the browser", () => {
  const sosei = soseiInChromium();
  const card = (page: Page, id: string) => page.locator(`#entry-${id}`);

  it("shows a version conflict with the current values and keeps what was typed", async () => {
    // A server of its own: the demo as seeded, FY2022 open (no test before it sets the scene).
    const base = sosei.url;
    const a = (await openPage(sosei.browser, 1280)).page;
    const b = (await openPage(sosei.browser, 1280)).page;
    for (const p of [a, b]) {
      await loginAs(p, base, "kosodate");
      await p.goto(`${base}/entry`);
      // Each page has read the KPI before either saves: else, on a loaded machine, the second page's
      // read could land after the first save and show the new version (no conflict to show).
      await card(p, "2022-9").getByLabel("課題").waitFor();
    }
    await card(a, "2022-9")
      .getByLabel(/^実績値/)
      .fill("1,400人");
    await card(a, "2022-9").getByRole("button", { name: "保存" }).click();
    await card(a, "2022-9").getByText("保存しました").waitFor();
    const cb = card(b, "2022-9");
    await cb.getByLabel("課題").fill("古い画面からの入力");
    await cb.getByRole("button", { name: "保存" }).click();
    await cb
      .getByText(/他の人が先に更新しました/)
      .first()
      .waitFor();
    expect(await cb.locator(".callout.warn").textContent()).toContain("1,400人");
    expect(await cb.getByLabel("課題").inputValue()).toBe("古い画面からの入力");
    await shot(b, "conflict");
    // the untouched field took the other person's value; saving again keeps both changes
    expect(await cb.getByLabel(/^実績値/).inputValue()).toBe("1,400人");
    await cb.getByRole("button", { name: "保存" }).click();
    await cb.getByText("保存しました").waitFor();
    await a.goto(`${base}/kpi/2022-9`);
    await a.getByText("古い画面からの入力").waitFor();
    expect(await a.getByRole("row", { name: /令和4年度/ }).textContent()).toContain("1,400人");
  });
});
