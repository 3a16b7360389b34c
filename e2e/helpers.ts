/** e2e helpers: Sosei on a free port with a fresh in-memory database, and Debian's Chromium. */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type RunningServer, startServer } from "../src/server/index.ts";
import { seededDemoTemplate, TEST_SCRYPT_COST, testPassword } from "../src/server/test-helpers.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "screenshots");
/** The demo users' passwords: those of the seeded demo database the server starts from. */
export const e2ePassword = testPassword;

/**
 * Sosei on a copy of the demo database seeded once for all test files (src/server/test-helpers.ts):
 * seeding it again per file, at the full scrypt cost, took longer than some walks. Passwords hashed
 * at the tests' scrypt cost, so that the many logins do not dominate.
 */
export async function startSosei(): Promise<RunningServer> {
  return startServer({
    port: 0,
    buildUi: true,
    demoPassword: e2ePassword,
    services: { template: await seededDemoTemplate(), scryptCost: TEST_SCRYPT_COST },
    log: () => {},
  });
}

/**
 * Sosei and Chromium for the enclosing describe block: started before its tests, closed after.
 * `url` (the server's) and `browser` are readable inside hooks and tests.
 */
export function soseiInChromium(): { readonly url: string; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startSosei();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const notStarted = (): never => {
    throw new Error("Sosei and Chromium start in beforeAll: use them inside hooks and tests");
  };
  return {
    get url() {
      return server?.url ?? notStarted();
    },
    get browser() {
      return browser ?? notStarted();
    },
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh browser context (no shared cookies) at a width, in Japanese, collecting page errors.
 * `acceptDialogs` answers the UI's confirm() prompts (reset / deactivate) with OK.
 */
export async function openPage(browser: Browser, width: number, options: { acceptDialogs?: boolean } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: "ja-JP" });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (options.acceptDialogs) page.on("dialog", (d) => void d.accept());
  return { page, errors };
}

/**
 * Screenshots are for people to look at (at 1280 and 390 px, before a change is called done), not
 * assertions: `npm run screenshots` takes them (SOSEI_SCREENSHOTS=1); `npm test` does not, where a
 * full-page screenshot cost 1–6 s each and the walks took 49 of them.
 */
export const takeScreenshots = process.env.SOSEI_SCREENSHOTS === "1";

export async function shot(page: Page, name: string) {
  if (!takeScreenshots) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const w = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${w}.png`), fullPage: true });
}

export async function loginAs(page: Page, base: string, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("ユーザー名").fill(username);
  await page.getByLabel("パスワード").fill(e2ePassword(username));
  await page.locator("main").getByRole("button", { name: "ログイン" }).click();
  await page.locator(".who").waitFor();
}

/** Logs in through the API: the session cookie and CSRF token a request outside the browser sends. */
export async function sessionAs(
  base: string,
  username: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: e2ePassword(username) }),
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The API as a user, outside the browser (for setting the scene). */
export async function apiAs(base: string, username: string) {
  const { cookie, csrfToken } = await sessionAs(base, username);
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}
