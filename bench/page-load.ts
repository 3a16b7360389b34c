/**
 * The dashboard's first page load in headless Chromium: a fresh browser context (empty cache) per
 * load, from navigation to the dashboard's content being visible (`#goals-h`, the heading the
 * dashboard page renders once its data has arrived; see web/src/pages/dashboard.tsx).
 */
import { chromium } from "playwright-core";
import { chromiumPath } from "../src/report/chromium.ts";

export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const DASHBOARD_READY = "#goals-h";

export async function measurePageLoads(url: string, loads: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  try {
    const out: number[] = [];
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForSelector(DASHBOARD_READY, { state: "visible", timeout: 30_000 });
      const ms = performance.now() - t;
      await context.close();
      if (i > 0) out.push(ms); // the first load warms the server and the browser process up
    }
    return out;
  } finally {
    await browser.close();
  }
}
