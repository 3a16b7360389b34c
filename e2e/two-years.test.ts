/**
 * The yearly cycle for 伊勢崎市 over two years, in Chromium (issue 13): FY2022 imported from the seed
 * in the web app and published; FY2023 opened; entered by two departments, the co-owned
 * 中心市街地整備事業の進捗率 (市街地整備課 and 都市開発課) edited by the second one — a draft that
 * survives a reload, a far-off value confirmed, a withdrawal, a reply to the committee; review
 * filters, a return that needs a comment, resubmission, bulk approval; published; one correction
 * republished. Screenshots at 1280 and 390 px go to e2e/screenshots/two-years-*.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../src/core/api/index.ts";
import { REPO_ROOT, type RunningServer, startServer } from "../src/server/index.ts";
import { createServices } from "../src/server/services.ts";
import { TEST_SCRYPT_COST } from "../src/server/test-helpers.ts";
import {
  apiAs,
  e2ePassword,
  hasChromium,
  launch,
  loginAs,
  openPage,
  sessionAs,
  shot,
  takeScreenshots,
} from "./helpers.ts";

const SEED = path.join(REPO_ROOT, "../shared/seed/000_291d4d894f3c6cbd.txt");
const CO_OWNED = "中心市街地整備事業の進捗率";
const USERS = [
  { username: "admin", role: "admin", department: null, displayName: "管理者" },
  { username: "planning", role: "planning", department: null, displayName: "企画調整課" },
  { username: "committee", role: "committee", department: null, displayName: "評価委員" },
  { username: "shigaichi", role: "department", department: "市街地整備課", displayName: "市街地整備課" },
  { username: "toshi", role: "department", department: "都市開発課", displayName: "都市開発課" },
] as const;

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A request that may fail: the status and the parsed body. */
async function raw(base: string, username: string) {
  const { cookie, csrfToken } = await sessionAs(base, username);
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as unknown };
  };
}

/**
 * Sets the scene for the KPIs nobody in this test enters: submits each draft as planning, adding
 * only what the entry checks ask for (a 評価不可 reason, a 遅れ reason; plausibility confirmed).
 */
async function submitTheRest(base: string, year: number, skip: (r: Row) => boolean) {
  const call = await raw(base, "planning");
  const { rows } = (await call("GET", `/api/review?year=${year}`)).body as unknown as { rows: Row[] };
  for (const r of rows.filter((x) => (x.state === "draft" || x.state === "returned") && !skip(x))) {
    let version = r.version;
    for (let attempt = 0; attempt < 3; attempt++) {
      const s = await call("POST", `/api/kpis/${r.id}/transitions`, {
        action: "submit",
        version,
        confirmWarnings: true,
      });
      if (s.status === 200) break;
      const e = (
        s.body as unknown as { error: { code: string; details?: { problems?: { field: string }[] } } }
      ).error;
      expect(e.code).toBe("entry_incomplete");
      const fields = new Set(e.details?.problems?.map((p) => p.field));
      const patch: Record<string, unknown> = { version };
      if (fields.has("reason")) patch.reason = "（取込時の記載による）";
      if (fields.has("actual") || fields.has("notEvaluableReason") || fields.has("notEvaluableText"))
        patch.evaluation = {
          category: "not_evaluable",
          covid: false,
          notEvaluableReason: "statistics_pending",
        };
      const p = await call("PUT", `/api/kpis/${r.id}`, patch);
      expect(p.status).toBe(200);
      version = (p.body as unknown as { row: Row }).row.version;
    }
  }
}

describe.skipIf(!hasChromium)("two years of the cycle for 伊勢崎市", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    // The accounts exist before the server starts (no demo city: the database holds 伊勢崎市 only),
    // in an in-memory database the server starts from a copy of; hashed at the tests' scrypt cost.
    const services = await createServices({ dataDir: "memory://", scryptCost: TEST_SCRYPT_COST });
    for (const u of USERS)
      await services.store.createUser({ ...u, password: e2ePassword(u.username) }, "e2e");
    const template = await services.database.dumpDataDir!();
    await services.close();
    server = await startServer({
      port: 0,
      demo: false,
      municipality: "伊勢崎市",
      buildUi: true,
      services: { template, scryptCost: TEST_SCRYPT_COST },
      log: () => {},
    });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page at 390 px too, for the screenshots of the main steps. */
  const narrow = async (username: string, url: string, name: string) => {
    if (!takeScreenshots) return; // it opens the page for the screenshot alone
    const { page } = await openPage(browser, 390);
    await loginAs(page, server.url, username);
    await page.goto(`${server.url}${url}`);
    await page.locator("main h1").first().waitFor();
    // the part of the page the screenshot is for: the card named by the URL's #, or the review list
    const hash = new URL(url, server.url).hash;
    await page
      .locator(hash || ".review-list > li")
      .first()
      .waitFor();
    await shot(page, name);
    await page.context().close();
  };
  const card = (page: Page, id: string) => page.locator(`#entry-${id}`);
  /** Publishes a year with the cycle page's confirmation (what becomes public), screenshot of the dialog. */
  const publish = async (page: Page, year: number, name: string) => {
    await page.goto(`${server.url}/years?year=${year}`);
    await page.getByRole("button", { name: "公表内容を確認" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await shot(page, name);
    await dialog.getByRole("button", { name: "公表する", exact: true }).click();
    await page.getByText(/を公表しました/).waitFor();
  };

  it("imports, publishes, opens, enters, reviews, publishes and corrects", { timeout: 900_000 }, async () => {
    const base = server.url;
    const pageErrors: string[] = [];

    // 1. FY2022: planning imports the seed in the web app
    const { page: plan, errors: planErrors } = await openPage(browser, 1280, { acceptDialogs: true });
    await loginAs(plan, base, "planning");
    await plan.goto(`${base}/io`);
    await plan.locator("#imp-file").setInputFiles(SEED);
    await plan.getByRole("button", { name: "ファイルを選んで確認" }).click();
    await plan.getByRole("button", { name: "この内容で保存する" }).waitFor();
    await shot(plan, "two-years-1-import-preview");
    await plan.getByRole("button", { name: "この内容で保存する" }).click();
    await plan.getByText(/を保存しました/).waitFor();

    // … approved through the API to set the scene, published with the review page's button
    await submitTheRest(base, 2022, () => false);
    const planningApi: Api = await apiAs(base, "planning");
    const fy22 = (await planningApi<{ rows: Row[] }>("GET", "/api/review?year=2022")).rows;
    expect(fy22).toHaveLength(41);
    await planningApi("POST", "/api/review/transitions", {
      action: "approve",
      items: fy22.map((r) => ({ id: r.id, version: r.version })),
    });
    await plan.goto(`${base}/review?year=2022`);
    // the review page publishes through the same confirmation of what becomes public
    await plan.getByRole("button", { name: "公表内容を確認" }).click();
    await plan.getByRole("dialog").getByRole("button", { name: "公表する", exact: true }).click();
    await plan.getByText(/令和4年度.*を公表しました/).waitFor();
    const years = await planningApi<{ years: { fiscalYear: number; published: boolean }[] }>(
      "GET",
      "/api/years",
    );
    expect(years.years).toEqual([expect.objectContaining({ fiscalYear: 2022, published: true })]);

    // 2. FY2023 opened from the plan, with the cycle page's button
    await plan.goto(`${base}/years`);
    await plan.locator("#open-year").selectOption("2023");
    await plan.locator("#open-deadline").fill("2024-06-30");
    await plan.getByRole("button", { name: "年度を開始", exact: true }).click();
    await plan.getByText(/令和5年度（2023年度）を開始しました（41件）/).waitFor();
    await shot(plan, "two-years-2-year-opened");
    const fy23 = (await planningApi<{ rows: Row[] }>("GET", "/api/review?year=2023")).rows;
    const co = fy23.find((r) => r.kpi.indicator === CO_OWNED)!;
    expect(co.kpi.departments).toEqual(["市街地整備課", "都市開発課"]);
    const coId = co.id;

    // 3. 市街地整備課 types into the co-owned KPI; the draft survives a reload
    const { page: shigaichi, errors: e1 } = await openPage(browser, 1280);
    await loginAs(shigaichi, base, "shigaichi");
    await shigaichi.goto(`${base}/entry`);
    await shigaichi.getByText("入力期限：2024-06-30").waitFor();
    let c = card(shigaichi, coId);
    await c.getByLabel(/^実績値/).fill("8");
    await c.getByLabel("課題").fill("交渉困難箇所が残る。");
    await expect.poll(() => c.locator("[id$='-preview']").textContent()).toContain("%");
    await c.getByText(/下書きはこの端末に保存されています/).waitFor();
    await shigaichi.reload();
    c = card(shigaichi, coId);
    expect(await c.getByLabel("課題").inputValue()).toBe("交渉困難箇所が残る。");
    expect(await c.getByLabel(/^実績値/).inputValue()).toBe("8");
    await c.getByText(/前回の下書きを復元しました/).waitFor();
    await shot(shigaichi, "two-years-2-entry-draft");
    await c.getByRole("button", { name: "保存", exact: true }).click();
    await c.getByText("保存しました").waitFor();
    await narrow("shigaichi", `/entry#entry-${coId}`, "two-years-2-entry-draft");

    // 4. 都市開発課 (the second owner) sees and edits the same KPI: the far-off value needs a confirmation
    const { page: toshi, errors: e2 } = await openPage(browser, 1280);
    await loginAs(toshi, base, "toshi");
    await toshi.goto(`${base}/entry`);
    c = card(toshi, coId);
    await c.getByText(/共同所管/).waitFor();
    expect(await c.getByLabel("課題").inputValue()).toBe("交渉困難箇所が残る。");
    await c.getByLabel(/^実績値/).fill("683%");
    await c
      .getByText(/桁や単位に誤りがないか/)
      .first()
      .waitFor();
    await c.getByLabel("主な取組及び関連事業の実施状況").fill("駅周辺第一・第二土地区画整理事業を実施した。");
    await c.getByLabel("進捗評価").selectOption("on_track");
    await c.getByRole("button", { name: "提出", exact: true }).click();
    await c.getByText(/「確認しました」にチェック/).waitFor();
    await shot(toshi, "two-years-3-entry-warning");
    await c.getByLabel(/確認しました/).check();
    await c.getByRole("button", { name: "提出", exact: true }).click();
    await c.locator(".badge.state-submitted").first().waitFor();
    // … then withdraws it (review has not started) and fixes the value
    await c.getByRole("button", { name: "提出を取り下げる" }).click();
    await c.getByText("提出を取り下げました。編集できます。").waitFor();
    await c.getByLabel(/^実績値/).fill("68.3%");
    await c.getByLabel("進捗評価").selectOption("mostly_on_track");
    await c.getByRole("button", { name: "提出", exact: true }).click();
    await c.locator(".badge.state-submitted").first().waitFor();
    await narrow("toshi", `/entry#entry-${coId}`, "two-years-3-entry-submitted");

    // 5. the committee comments; the department answers on its entry card
    const committee = await apiAs(base, "committee");
    await committee("POST", `/api/kpis/${coId}/comments`, { body: "交渉困難箇所の件数を示してください。" });
    await toshi.reload();
    c = card(toshi, coId);
    await c.getByText("交渉困難箇所の件数を示してください。").waitFor();
    await c.getByLabel(/評価委員さんへの返信/).fill("残り3件です。");
    await c.getByRole("button", { name: "返信する" }).click();
    await c.locator(".replies").getByText("残り3件です。").waitFor();
    await shot(toshi, "two-years-4-entry-reply");

    // 6. the other KPIs are submitted through the API (setting the scene)
    await submitTheRest(base, 2023, (r) => r.id === coId);

    // 7. planning: filters, a return that needs a comment, resubmission, bulk approval, publication
    await plan.goto(`${base}/review`);
    await plan.getByLabel("担当課").selectOption("都市開発課");
    await plan.getByRole("button", { name: CO_OWNED }).waitFor();
    const shown = await plan.locator(".review-list > li").count();
    expect(shown).toBeLessThan(41);
    await shot(plan, "two-years-5-review-filtered");
    await narrow("planning", "/review", "two-years-5-review");
    await plan.getByRole("button", { name: CO_OWNED }).click();
    await plan.getByRole("button", { name: "差し戻す" }).click();
    await plan.getByText(/差し戻すときはコメントを書いてください/).waitFor();
    await plan.getByLabel(/差し戻すときは必須/).fill("前年度より下がった理由を「課題」に書いてください。");
    await plan.getByRole("button", { name: "差し戻す" }).click();
    await plan.getByLabel("状態").selectOption("returned");
    await plan.getByRole("button", { name: CO_OWNED }).waitFor();

    await toshi.goto(`${base}/entry`);
    c = card(toshi, coId);
    await c
      .getByText(/前年度より下がった理由/)
      .first()
      .waitFor();
    await c.getByLabel("課題").fill("用地交渉が長引き、前年度より進捗率が下がった。");
    await c.getByRole("button", { name: "提出", exact: true }).click();
    await c.locator(".badge.state-submitted").first().waitFor();

    await plan.goto(`${base}/review`);
    await plan.getByLabel("表示中の提出済みをすべて選ぶ").check();
    await shot(plan, "two-years-6-review-bulk");
    await plan.getByRole("button", { name: /件を承認/ }).click();
    // 41 transitions in one request: on a loaded 2-core machine longer than Playwright's 30 s default
    await plan.getByText(/41件を承認しました/).waitFor({ timeout: 180_000 });
    await publish(plan, 2023, "two-years-7-publish-confirm");

    // 8. a correction (訂正) of the published value, republished
    await plan.goto(`${base}/years?year=2023`);
    await plan.locator("#correction-kpi").selectOption(coId);
    await plan.locator("#correction-reason").fill("実績値の集計誤り（68.3%→68.7%）");
    await plan.getByRole("button", { name: "訂正のため担当課に戻す" }).click();
    await plan.getByText(`「${CO_OWNED}」を訂正のため担当課に戻しました`).waitFor();
    await toshi.goto(`${base}/entry`);
    c = card(toshi, coId);
    await c.getByLabel(/^実績値/).fill("68.7%");
    await c.getByRole("button", { name: "提出", exact: true }).click();
    await c.locator(".badge.state-submitted").first().waitFor();
    await plan.goto(`${base}/review`);
    await plan.getByRole("button", { name: CO_OWNED }).click();
    await plan.getByRole("button", { name: "承認", exact: true }).click();
    await plan.getByLabel("状態").selectOption("approved");
    await plan.getByRole("button", { name: CO_OWNED }).waitFor();
    await publish(plan, 2023, "two-years-9-republish-confirm");

    // the public sees the corrected value; the KPI page explains the rate and keeps the history
    const { page: pub, errors: e3 } = await openPage(browser, 1280);
    await pub.goto(`${base}/kpi/${coId}`);
    await pub.getByRole("heading", { name: CO_OWNED }).waitFor();
    await pub.getByText("68.7%").first().waitFor();
    await pub.getByText("達成率と評価の基準").waitFor();
    await pub.locator(".chart svg").first().waitFor(); // ECharts loads lazily: shoot the drawn chart
    await shot(pub, "two-years-8-kpi-corrected");
    const { page: pub390 } = await openPage(browser, 390);
    await pub390.goto(`${base}/kpi/${coId}`);
    await pub390.getByRole("heading", { name: CO_OWNED }).waitFor();
    await pub390.locator(".chart svg").first().waitFor();
    await shot(pub390, "two-years-8-kpi-corrected");

    const audit = (
      await planningApi<{ audit: { actor: string; action: string }[] }>("GET", `/api/kpis/${coId}`)
    ).audit;
    // the change log names both departments that edited the co-owned KPI
    expect(new Set(audit.filter((a) => a.action === "update").map((a) => a.actor))).toEqual(
      new Set(["市街地整備課", "都市開発課"]),
    );
    pageErrors.push(...planErrors, ...e1, ...e2, ...e3);
    expect(pageErrors).toEqual([]);
  });
});
