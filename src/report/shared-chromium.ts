/**
 * One Chromium per process, started when first needed and kept while it is used: starting one costs
 * ~2.5 s of CPU, and its first print ~2 s more than the next ones (fonts, caches; measured), so a
 * server printing downloads, `sosei publish` printing every year and a test worker printing many
 * sheets each pay for it once. Started again if it went away (crashed, killed) or if SOSEI_CHROMIUM
 * now names another browser; closed after a while unused, and by `closeProcessChromium()` when the
 * process ends (bin/sosei.js). playwright-core is loaded on the first use only.
 */
import type { Browser } from "playwright-core";
import { chromiumPath, launchChromium } from "./chromium.ts";

/** What is needed of a running Chromium besides using it. */
type Running = Pick<Browser, "isConnected" | "close">;

export interface SharedChromium<B extends Running = Browser> {
  /** Runs `fn` with the running Chromium (started if needed); it stays open for the next use. */
  use<T>(fn: (browser: B) => Promise<T>): Promise<T>;
  /** Closes the Chromium if one runs; a later use starts one again. */
  close(): Promise<void>;
}

/** How long an unused Chromium is kept. */
const IDLE_MS = 60_000;

export function sharedChromium<B extends Running = Browser>({
  idleMs = IDLE_MS,
  launch,
  key = chromiumPath,
}: {
  idleMs?: number;
  /** Starts a Chromium (tests give a stand-in). */
  launch: () => Promise<B>;
  /** Which browser is wanted: a change starts that one instead of using the running one. */
  key?: () => string;
}): SharedChromium<B> {
  let browser: { key: string; started: Promise<B> } | null = null;
  let idle: NodeJS.Timeout | null = null;
  let using = 0;
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    await (await b?.started.catch(() => null))?.close().catch(() => {});
  };
  const running = async (): Promise<B> => {
    const wanted = key();
    if (browser && browser.key !== wanted) await closeBrowser();
    if (!browser) browser = { key: wanted, started: launch() };
    const current = browser;
    const b = await current.started.catch((e: unknown) => {
      if (browser === current) browser = null; // a failed start is tried again by the next use
      throw e;
    });
    if (b.isConnected()) return b;
    if (browser === current) browser = null;
    return running();
  };
  return {
    async use(fn) {
      using++;
      if (idle) clearTimeout(idle);
      idle = null;
      try {
        return await fn(await running());
      } finally {
        using--;
        if (using === 0 && browser) {
          idle = setTimeout(() => void closeBrowser(), idleMs);
          idle.unref(); // the timer does not keep the process alive
        }
      }
    },
    async close() {
      if (idle) clearTimeout(idle);
      idle = null;
      await closeBrowser();
    },
  };
}

let processChromiumInstance: SharedChromium | null = null;

/** The process's Chromium (Debian's, through playwright-core; see chromium.ts). */
export function processChromium(): SharedChromium {
  processChromiumInstance ??= sharedChromium({ launch: launchChromium });
  return processChromiumInstance;
}

/** Closes the process's Chromium if one was started (the process is ending). */
export async function closeProcessChromium(): Promise<void> {
  await processChromiumInstance?.close();
}
