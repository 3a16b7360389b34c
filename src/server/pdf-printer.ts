/**
 * The printer the web's sheet PDFs go through, a port of the services: Chromium by default
 * (report/pdf.ts, loaded with playwright-core on the first PDF, so nothing else pays for it).
 */
import type { Browser } from "playwright-core";

/** HTML → PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Prints with a Chromium of its own, started for this one PDF (the CLI, a one-off print). */
export const chromiumPrinter: PdfPrinter = async (html) => (await import("../report/pdf.ts")).htmlToPdf(html);

/** How long the server's Chromium is kept after its last PDF. */
const IDLE_MS = 60_000;

/**
 * The server's printer: one Chromium, started on the first PDF and kept while PDFs are asked for
 * (starting one cost ~2.4 s of CPU, and as long to wait, for every download), started again if it
 * went away, closed after a minute without a PDF and when the services close.
 */
export function sharedChromiumPrinter({
  idleMs = IDLE_MS,
  launch = async () => (await import("../report/chromium.ts")).launchChromium(),
}: {
  idleMs?: number;
  launch?: () => Promise<Browser>;
} = {}): PdfPrinter & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  let idle: NodeJS.Timeout | null = null;
  let printing = 0;
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    await (await b?.catch(() => null))?.close().catch(() => {});
  };
  const running = async (): Promise<Browser> => {
    if (!browser) browser = launch();
    const b = await browser.catch((e: unknown) => {
      browser = null; // a failed start is tried again by the next PDF
      throw e;
    });
    if (b.isConnected()) return b;
    browser = null;
    return running();
  };
  const print = async (html: string): Promise<Uint8Array> => {
    printing++;
    if (idle) clearTimeout(idle);
    idle = null;
    try {
      const { htmlToPdf } = await import("../report/pdf.ts");
      return await htmlToPdf(html, { browser: await running() });
    } finally {
      printing--;
      if (printing === 0 && browser) {
        idle = setTimeout(() => void closeBrowser(), idleMs);
        idle.unref(); // an idle browser does not keep the process alive
      }
    }
  };
  return Object.assign(print, {
    close: async () => {
      if (idle) clearTimeout(idle);
      idle = null;
      await closeBrowser();
    },
  });
}
