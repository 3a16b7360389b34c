/**
 * Issue #6 follow-ups in the browser: the admin's ユーザー管理 (add with a generated password shown
 * once, the new user logs in, password reset ends their session, deactivate/reactivate), the entry
 * form offering the computed evaluation with its achievement rate, and the review page's year
 * selector used with the keyboard. Screenshots at 1280 and 390 px go to e2e/screenshots/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiAs, hasChromium, loginAs, openPage, shot, soseiInChromium } from "./helpers.ts";

describe.skipIf(!hasChromium)("user management, computed evaluation, review year (browser)", () => {
  const sosei = soseiInChromium();

  // the confirm() before reset / deactivate is answered with OK
  const newPage = (width: number) => openPage(sosei.browser, width, { acceptDialogs: true });
  const passwordShown = async (page: Page) => {
    const el = page.locator("code.password");
    await el.waitFor();
    return (await el.textContent())!.trim();
  };
  const loginWith = async (page: Page, username: string, password: string) => {
    await page.goto(`${sosei.url}/login`);
    await page.getByLabel("ユーザー名").fill(username);
    await page.getByLabel("パスワード").fill(password);
    await page.locator("main").getByRole("button", { name: "ログイン" }).click();
  };

  it("admin adds a user (password shown once), resets it, deactivates and reactivates", async () => {
    const base = sosei.url;
    // Users take their department from the list (issue 13): 都市計画課 is added to it first.
    await (await apiAs(base, "admin"))("POST", "/api/departments", { name: "都市計画課" });
    const { page: admin, errors } = await newPage(1280);
    await loginAs(admin, base, "admin");
    await admin
      .getByRole("navigation", { name: "メインメニュー" })
      .getByRole("link", { name: "ユーザー管理" })
      .click();
    await admin.getByRole("heading", { name: "ユーザー管理", level: 1 }).waitFor();
    expect(await admin.getByRole("row", { name: /shoko/ }).textContent()).toContain("商工振興課");

    await admin.getByLabel("ログインID").fill("toshi");
    await admin.getByLabel("氏名・表示名").fill("都市計画課 担当");
    await admin.getByLabel("役割").selectOption("department");
    await admin.getByLabel("担当課", { exact: true }).fill("都市計画課");
    await admin.getByRole("button", { name: "追加する" }).click();
    const first = await passwordShown(admin);
    expect(first).toMatch(/^\w{4}(-\w{4}){3}$/);
    await admin.getByRole("row", { name: /toshi/ }).waitFor();
    await shot(admin, "users");

    // the new user logs in with it
    const { page: toshi } = await newPage(390);

    await loginWith(toshi, "toshi", first);
    await toshi.locator(".who").filter({ hasText: "都市計画課 担当" }).waitFor();

    // closing the note: the password is gone from the page for good
    await admin.getByRole("button", { name: "閉じる" }).click();
    expect(await admin.locator("code.password").count()).toBe(0);

    // reset: a new password once; the user's open session ends (re-login dialog on the next request)
    await admin.getByRole("button", { name: "パスワード再発行：toshi" }).click();
    const second = await passwordShown(admin);
    expect(second).not.toBe(first);
    await toshi.getByRole("link", { name: "評価シート" }).click(); // the open page's next request
    await toshi.getByRole("dialog").filter({ hasText: "有効期限" }).waitFor();

    // deactivate: cannot log in; reactivate: can again
    await admin.getByRole("button", { name: "無効にする：toshi" }).click();
    await admin.getByRole("status").filter({ hasText: "無効にしました" }).waitFor();
    expect(await admin.getByRole("row", { name: /toshi/ }).textContent()).toContain("無効");
    const { page: again } = await newPage(390);
    await loginWith(again, "toshi", second);
    await again.getByRole("alert").filter({ hasText: "ユーザー名またはパスワードが違います" }).waitFor();
    await admin.getByRole("button", { name: "有効にする：toshi" }).click();
    await admin.getByRole("status").filter({ hasText: "有効にしました" }).waitFor();
    await loginWith(again, "toshi", second);
    await again.locator(".who").waitFor();

    // the audit trail names who did what to whom
    const log = admin.locator("ol.audit");
    await expect.poll(() => log.textContent()).toContain("管理者 → 都市計画課 担当：有効化");
    expect(await log.textContent()).toContain("パスワード再発行");
    expect(await log.textContent()).not.toContain(second);
    expect(errors).toEqual([]);
  });

  it("at 390 px: adding a user works with the keyboard alone, and a short password is refused", async () => {
    const { page, errors } = await newPage(390);
    await loginAs(page, sosei.url, "admin");
    await page.goto(`${sosei.url}/users`);
    await page.getByLabel("ログインID").focus();
    await page.keyboard.type("iinkai2");
    await page.keyboard.press("Tab");
    await page.keyboard.type("評価委員 2");
    await page.keyboard.press("Tab"); // 役割
    await page.keyboard.press("ArrowDown"); // 担当課 → 企画担当 → …
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("役割").inputValue()).toBe("committee");
    await page.keyboard.press("Tab"); // 担当課 is disabled for a committee member: skipped
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("nu-pw-gen");
    await page.keyboard.press("ArrowDown"); // 自分で設定する
    await page.getByLabel("設定するパスワード").waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.type("short");
    await page.keyboard.press("Enter");
    // the browser's own check (minlength) or the server's message: nothing was added
    expect(await page.getByRole("row", { name: /iinkai2/ }).count()).toBe(0);
    await page.getByLabel("設定するパスワード").fill("");
    await page.keyboard.type("long-enough-password");
    await page.keyboard.press("Enter");
    await page.getByRole("row", { name: /iinkai2/ }).waitFor();
    expect(await page.locator("code.password").count()).toBe(0); // a password the admin set is not echoed
    await shot(page, "users");
    expect(errors).toEqual([]);
  });

  it("entry: an open evaluation takes the computed category as its initial value, with the achievement rate", async () => {
    const base = sosei.url;
    const { page, errors } = await newPage(1280);
    await loginAs(page, base, "kanko");
    await page.goto(`${base}/entry`);
    const card = page.locator("#entry-2022-3"); // 観光入込客数, target 125万人, stated evaluation open
    const select = card.getByLabel("進捗評価");
    expect(await select.inputValue()).toBe("not_evaluable");
    await card.getByLabel(/^実績値/).fill("129万1250人");
    await expect
      .poll(() => card.locator(".computed-note").textContent())
      .toBe("計算上の評価: 順調に進捗（達成率103.3%）を初期値にしました。内容を確かめて保存してください。");
    expect(await select.inputValue()).toBe("on_track");
    // typing on: the rate follows the value
    await card.getByLabel(/^実績値/).fill("120万人");
    await expect.poll(() => card.locator(".computed-note").textContent()).toContain("達成率96.0%");
    expect(await select.inputValue()).toBe("mostly_on_track");
    await shot(page, "entry-suggest");
    // the department's own choice wins: the select stops following, the hint stays
    await select.selectOption("delayed");
    await card.getByLabel(/^実績値/).fill("129万1250人");
    await expect
      .poll(() => card.locator("[id$='-suggest']").textContent())
      .toBe("計算上の評価：順調に進捗（達成率103.3%）");
    expect(await select.inputValue()).toBe("delayed");
    await select.selectOption("on_track");
    await card.getByRole("button", { name: "保存" }).click();
    await card.getByText("保存しました").waitFor();
    const api = await apiAs(base, "kanko");
    const d = await api<{ row: { kpi: { evaluation: { category: string } } } }>("GET", "/api/kpis/2022-3");
    expect(d.row.kpi.evaluation.category).toBe("on_track");
    expect(errors).toEqual([]);
  });

  it("review: any year can be chosen with the keyboard, not only the open one", async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await newPage(width);
      await loginAs(page, sosei.url, "committee");
      await page.goto(`${sosei.url}/review`);
      await page.getByRole("heading", { name: /令和4年度/ }).waitFor();
      const year = page.getByLabel("年度");
      await year.focus();
      await page.keyboard.press("ArrowUp"); // 令和4年度 → 令和3年度
      await page.getByRole("heading", { name: /令和3年度/ }).waitFor();
      expect(page.url()).toContain("/review?year=2021");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("year-select");
      // a published year: every row shown, all 公表済み
      const rows = page.locator(".review-row");
      await expect.poll(() => rows.count()).toBe(12);
      expect(await page.locator(".review-row .state-published").count()).toBe(12);
      await shot(page, "review-year");
      await page.keyboard.press("ArrowDown");
      await page.getByRole("heading", { name: /令和4年度/ }).waitFor();
      expect(errors).toEqual([]);
    }
  });
});
