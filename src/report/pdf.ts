/** HTML → PDF through Chromium's printer: A4 landscape, page numbers in the footer. */
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { PRINT_FOOTER } from "./print-html.ts";

export interface PdfOptions {
  /** Reuse a running browser (tests); otherwise one is started and closed. */
  browser?: Browser;
}

export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const browser = opts.browser ?? (await launchChromium());
  try {
    const page = await browser.newPage();
    try {
      // The page makes no request: everything (CSS, SVG, fonts from the system) is inline or local.
      await page.route("**/*", (route) =>
        route.request().url().startsWith("data:") ? route.continue() : route.abort(),
      );
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({
        format: "A4",
        landscape: true,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<div></div>",
        footerTemplate: PRINT_FOOTER,
        margin: { top: "10mm", bottom: "12mm", left: "8mm", right: "8mm" },
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}
