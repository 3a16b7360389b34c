/**
 * The printer the web's sheet PDFs go through, a port of the services: Chromium by default
 * (report/pdf.ts, loaded with playwright-core on the first PDF, so nothing else pays for it).
 */
import type { Browser } from "playwright-core";

/** HTML → PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Prints with a Chromium of its own, started for this one PDF (the CLI, a one-off print). */
export const chromiumPrinter: PdfPrinter = async (html) => (await import("../report/pdf.ts")).htmlToPdf(html);

/** What the printer needs of a running Chromium besides printing in it. */
type Running = Pick<Browser, "isConnected" | "close">;

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
  printWith = async (html, browser) => (await import("../report/pdf.ts")).htmlToPdf(html, { browser }),
}: {
  idleMs?: number;
  /** Starts a Chromium (tests give a stand-in). */
  launch?: () => Promise<Running>;
  /** Prints one PDF in the running Chromium. */
  printWith?: (html: string, browser: Browser) => Promise<Uint8Array>;
} = {}): PdfPrinter & { close(): Promise<void> } {
  let browser: Promise<Running> | null = null;
  let idle: NodeJS.Timeout | null = null;
  let printing = 0;
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    await (await b?.catch(() => null))?.close().catch(() => {});
  };
  const running = async (): Promise<Running> => {
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
      // The stand-in of a test is no Browser; the real one (the default launch) is.
      return await printWith(html, (await running()) as Browser);
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
