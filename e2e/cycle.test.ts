/**
 * The yearly cycle in Chromium (issue 13): planning sets next year's target of a KPI in the strategy
 * editor, opens FY2023 with an entry deadline, publishes it after the confirmation that lists what
 * becomes public, sends a published KPI back for a correction (訂正) with a reason; the department
 * fixes it, planning approves and publishes again; the public sheet shows the corrected value with
 * its dated 訂正 note (and, while the correction was open, still the value first published). Then a
 * correction of the older FY2023 while FY2024 is open: it reaches the department's entry page, is
 * reviewed and republished, and the public KPI page keeps the value published before in its history.
 * Screenshots at 1280 and 390 px: strategy editor, year page, publish confirmation, correction,
 * entry of a correction, KPI page with its 訂正 note.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Row, YearRows } from "../src/core/api/index.ts";
import { apiAs, hasChromium, loginAs, openPage, shot, soseiInChromium } from "./helpers.ts";

const INDICATOR = "新規創業件数";

describe.skipIf(!hasChromium)("the yearly cycle in the browser", () => {
  const sosei = soseiInChromium();

  /** Every row of a year entered (actual = target), submitted and approved, as the departments and planning would. */
  async function approveAll(year: number) {
    const admin = await apiAs(sosei.url, "admin");
    const { rows } = await admin<YearRows>("GET", `/api/review?year=${year}`);
    for (const r of rows) {
      if (r.state === "approved" || r.state === "published") continue;
      let row = r;
      if (row.kpi.actual.kind === "missing") {
        const t = row.kpi.target;
        const text = t.kind === "missing" ? "1件" : (t.raw ?? "1");
        row = (
          await admin<{ row: Row }>("PUT", `/api/kpis/${row.id}`, {
            version: row.version,
            actualText: text,
            evaluation: { category: "on_track", covid: false },
          })
        ).row;
      }
      if (row.state !== "submitted")
        row = (
          await admin<{ row: Row }>("POST", `/api/kpis/${row.id}/transitions`, {
            action: "submit",
            version: row.version,
            confirmWarnings: true,
          })
        ).row;
      await admin("POST", `/api/kpis/${row.id}/transitions`, { action: "approve", version: row.version });
    }
  }

  const rowOf = async (year: number, as: "planning" | null) => {
    const url = `${sosei.url}/api/years/${year}/kpis`;
    const body = as
      ? await (await apiAs(sosei.url, as))<YearRows>("GET", `/api/years/${year}/kpis`)
      : ((await (await fetch(url)).json()) as YearRows);
    return body.rows.find((r) => r.kpi.indicator === INDICATOR)!;
  };

  const kpiCard = (page: Page) => page.locator("li.strategy-kpi", { hasText: INDICATOR });

  it("edits next year's target, opens FY2023, publishes with confirmation, corrects and republishes", async () => {
    const base = sosei.url;
    await approveAll(2022);
    await (await apiAs(base, "planning"))("POST", "/api/years/2022/publish");

    // The strategy editor: next year's target of one KPI.
    const { page, errors } = await openPage(sosei.browser, 1280);
    await loginAs(page, base, "planning");
    await page.goto(`${base}/strategy`);
    await kpiCard(page).getByRole("button", { name: "年度別の目標値" }).click();
    await page.getByLabel("令和5年度（2023年度）の目標値").fill("45件");
    await shot(page, "strategy-targets");
    await kpiCard(page).getByRole("button", { name: "保存" }).click();
    // Wait for the server-confirmed state: the card shows the target once the strategy has been read
    // again after the save (not the notice, which comes first).
    await kpiCard(page).getByText("令和5年度（2023年度）: 45件").waitFor();
    // A department not in the list is refused at the field, naming it.
    await kpiCard(page).getByRole("button", { name: "編集" }).click();
    await kpiCard(page).getByLabel("観光課").check();
    await shot(page, "strategy-editor");
    await kpiCard(page).getByRole("button", { name: "取消" }).click();

    // Open FY2023 with an entry deadline; who has not submitted.
    await page.goto(`${base}/years`);
    await page.getByLabel("開始する年度").selectOption("2023");
    await page.getByLabel("入力期限").first().fill("2024-06-30");
    await page.getByRole("button", { name: "年度を開始" }).click();
    await page.getByText("令和5年度（2023年度）を開始しました（12件）").waitFor();
    await page.getByText("入力期限：2024-06-30").waitFor();
    await page.getByText("商工振興課").first().waitFor();
    await shot(page, "year-opened");
    // Opening it again is refused with the reason.
    await page.getByLabel("開始する年度").selectOption("2023");
    await page.getByRole("button", { name: "年度を開始" }).click();
    await page.getByText(/すでにあります/).waitFor();
    expect((await rowOf(2023, "planning")).kpi.target).toMatchObject({ value: 45, unit: "件" });

    // Entered and approved; publishing asks first and lists what becomes public.
    await approveAll(2023);
    await page.goto(`${base}/years?year=2023`);
    await page.getByRole("button", { name: "公表内容を確認" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("公表されるKPI：12件").waitFor();
    await shot(page, "publish-confirm");
    await dialog.getByRole("button", { name: "公表する" }).click();
    await page.getByText("令和5年度（2023年度）を公表しました").waitFor();
    const first = await rowOf(2023, null);
    expect(first.state).toBe("published");

    // A correction: back to the department with a reason.
    await page
      .getByLabel("KPI", { exact: true })
      .selectOption({ label: `${first.row}. ${INDICATOR}（商工振興課）` });
    await page.getByLabel("訂正の理由").fill("集計に重複があったため");
    await shot(page, "correction");
    await page.getByRole("button", { name: "訂正のため担当課に戻す" }).click();
    await page.getByText(`「${INDICATOR}」を訂正のため担当課に戻しました`).waitFor();

    // The department fixes the value (entry: the row is back in an editable state) and submits.
    const shoko = await apiAs(base, "shoko");
    let row = (await rowOf(2023, "planning")) as Row;
    expect(row.state).toBe("returned");
    row = (
      await shoko<{ row: Row }>("PUT", `/api/kpis/${row.id}`, {
        version: row.version,
        actualText: "41件",
        evaluation: { category: "mostly_on_track", covid: false },
      })
    ).row;
    row = (
      await shoko<{ row: Row }>("POST", `/api/kpis/${row.id}/transitions`, {
        action: "submit",
        version: row.version,
        confirmWarnings: true,
      })
    ).row;
    // Meanwhile the public sees the value first published, not the draft.
    const pub = await openPage(sosei.browser, 390);
    await pub.page.goto(`${base}/sheet?year=2023`);
    const publicRow = pub.page.getByRole("row", { name: new RegExp(INDICATOR) });
    await publicRow.waitFor();
    expect(await publicRow.textContent()).toContain("45件");
    expect(await publicRow.textContent()).not.toContain("41件");

    // Planning approves and publishes again: the confirmation names the correction.
    await (await apiAs(base, "planning"))("POST", `/api/kpis/${row.id}/transitions`, {
      action: "approve",
      version: row.version,
    });
    await page.goto(`${base}/years?year=2023`);
    await page.getByRole("button", { name: "公表内容を確認" }).click();
    await dialog.getByText("再公表で訂正されるKPI").waitFor();
    await dialog.getByText(/集計に重複があったため/).waitFor();
    await shot(page, "republish-confirm");
    await dialog.getByRole("button", { name: "公表する" }).click();
    await page.getByText("令和5年度（2023年度）を公表しました").waitFor();

    // The public sheet: the corrected value with its dated 訂正 note.
    await pub.page.reload();
    await pub.page.getByText(/訂正（\d{4}年\d{1,2}月\d{1,2}日）：集計に重複があったため/).waitFor();
    expect(await publicRow.textContent()).toContain("41件");
    await shot(pub.page, "public-correction");

    // A correction of an OLDER year while a newer one is open: FY2024 opened, a FY2023 row reopened.
    const planning = await apiAs(base, "planning");
    await planning("POST", "/api/years/2024/open", {});
    const olderRow = (await planning<YearRows>("GET", "/api/years/2023/kpis")).rows.find((r) => r.row === 1)!;
    const older = olderRow.id;
    await planning("POST", `/api/kpis/${older}/correction`, {
      version: olderRow.version,
      reason: "速報値を確報値に更新",
    });
    // The department finds it on its entry page, above the open year's KPIs, and fixes it.
    const dept = await openPage(sosei.browser, 1280);
    await loginAs(dept.page, base, "shoko");
    await dept.page.goto(`${base}/entry`);
    await dept.page.getByRole("heading", { name: "訂正の依頼（公表済みの年度）" }).waitFor();
    await dept.page
      .getByRole("heading", { name: /令和6年度（2024年度）/ })
      .first()
      .waitFor();
    const card = dept.page.locator(`#entry-${older}`);
    expect(await card.textContent()).toContain("訂正: 速報値を確報値に更新");
    await card.getByLabel(/^実績値/).fill("3,150億円");
    await card.getByLabel("進捗評価").selectOption("mostly_on_track");
    await shot(dept.page, "entry-correction");
    await dept.page.setViewportSize({ width: 390, height: 844 });
    await shot(dept.page, "entry-correction");
    await card.getByRole("button", { name: "提出", exact: true }).click();
    await card.locator("h2 .badge.state-submitted").waitFor();
    // Planning reviews FY2023 (not the open year) and publishes it again.
    await page.goto(`${base}/review?year=2023`);
    const reviewRow = page.locator(".review-list > li", { hasText: olderRow.kpi.indicator });
    await reviewRow.getByRole("button", { name: olderRow.kpi.indicator }).click();
    await page.locator(`#review-${older}`).getByRole("button", { name: "承認", exact: true }).click();
    // The list shows submitted rows: the row leaves it once the server has approved it.
    await reviewRow.waitFor({ state: "detached" });
    expect((await planning<{ row: Row }>("GET", `/api/kpis/${older}`)).row.state).toBe("approved");
    await page.goto(`${base}/years?year=2023`);
    await page.getByRole("button", { name: "公表内容を確認" }).click();
    await dialog.getByText(/速報値を確報値に更新/).waitFor();
    await dialog.getByRole("button", { name: "公表する" }).click();
    await page.getByText("令和5年度（2023年度）を公表しました").waitFor();
    // The public KPI page: the corrected value, its dated 訂正 note naming the value published before,
    // in the facts and beside FY2023 in the history.
    for (const p of [pub.page, (await openPage(sosei.browser, 1280)).page]) {
      await p.goto(`${base}/kpi/${older}`);
      await p.getByRole("heading", { name: "年度ごとの推移" }).waitFor();
      await p
        .locator("tr.correction-row")
        .getByText(/訂正（\d{4}年\d{1,2}月\d{1,2}日）：速報値を確報値に更新（訂正前の実績値：/)
        .waitFor();
      expect(await p.getByRole("row", { name: /令和5年度/ }).textContent()).toContain("3,150億円");
      await shot(p, "kpi-correction");
    }
    expect(dept.errors).toEqual([]);
    expect(errors).toEqual([]);
    expect(pub.errors).toEqual([]);
  }, 500_000);
});

describe.skipIf(!hasChromium)("the yearly cycle's pages on a phone", () => {
  const sosei = soseiInChromium();
  const kpiCard = (page: Page) => page.locator("li.strategy-kpi", { hasText: INDICATOR });

  it("shows the strategy editor, the year page and a confirmation at 390 px", async () => {
    // A server of its own: the demo as seeded (FY2021 published, so its year page offers a correction).
    const base = sosei.url;
    const { page, errors } = await openPage(sosei.browser, 390);
    await loginAs(page, base, "planning");
    await page.goto(`${base}/strategy`);
    await kpiCard(page).first().getByRole("button", { name: "編集" }).click();
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "strategy-editor");
    await page.goto(`${base}/years?year=2021`);
    await page.getByRole("button", { name: "公表内容を確認" }).click();
    await page
      .getByRole("dialog")
      .getByText(/公表されるKPI/)
      .waitFor();
    await shot(page, "publish-confirm");
    await page.getByRole("dialog").getByRole("button", { name: "取消" }).click();
    await page.getByLabel("訂正の理由").fill("出典の年度を誤記");
    await shot(page, "correction");
    expect(errors).toEqual([]);
  }, 200_000);
});
