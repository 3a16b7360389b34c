/** Test support: the process's Chromium (shared-chromium.ts) held for a file or describe block. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { processChromium } from "./shared-chromium.ts";

/**
 * The process's Chromium, held from the block's beforeAll to its afterAll (it is not closed as
 * unused meanwhile) and left running for the next file of the worker: one Chromium per test worker,
 * as one per server, instead of one per file (~4.5 s of CPU each to start and warm, measured).
 */
export function chromiumForBlock(): () => Browser {
  let browser: Browser | undefined;
  let release: (() => void) | undefined;
  let lease: Promise<void> | undefined;
  beforeAll(async () => {
    const held = new Promise<void>((r) => {
      release = r;
    });
    await new Promise<void>((ready, fail) => {
      lease = processChromium()
        .use(async (b) => {
          browser = b;
          ready();
          await held;
        })
        .catch(fail);
    });
  });
  afterAll(async () => {
    release?.();
    await lease;
  });
  return () => {
    if (!browser) throw new Error("Chromium did not start (see beforeAll)");
    return browser;
  };
}
