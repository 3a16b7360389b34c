/** The server's printer keeps one Chromium for its PDFs, starts it again when needed, and closes it. */
import type { Browser } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { launchChromium } from "../report/chromium.ts";
import { sharedChromiumPrinter } from "./pdf-printer.ts";

const HTML = "<!doctype html><html lang=ja><body><p>印刷</p></body></html>";
const isPdf = (b: Uint8Array) => new TextDecoder().decode(b.subarray(0, 5)) === "%PDF-";

describe("sharedChromiumPrinter", () => {
  const launched: Browser[] = [];
  const launch = async () => {
    const b = await launchChromium();
    launched.push(b);
    return b;
  };
  afterEach(async () => {
    for (const b of launched.splice(0)) await b.close().catch(() => {});
  });

  it("prints with one Chromium, starts it again when it went away, closes it when idle", async () => {
    const print = sharedChromiumPrinter({ launch, idleMs: 300 });
    const [a, b] = await Promise.all([print(HTML), print(HTML)]);
    expect(isPdf(a) && isPdf(b)).toBe(true);
    expect(launched).toHaveLength(1);
    await launched[0]!.close(); // crashed or killed
    expect(isPdf(await print(HTML))).toBe(true);
    expect(launched).toHaveLength(2);
    // A while without a PDF: closed (the services' close takes the same path at once).
    await expect.poll(() => launched[1]!.isConnected(), { timeout: 5_000 }).toBe(false);
    await print.close();
  });
});
