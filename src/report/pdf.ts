/**
 * HTML → PDF through Chromium's printer: A4 landscape, page numbers in the footer. The Japanese
 * font is Sosei's own (bundled-font.ts), served to the page from node_modules, so every machine
 * prints the same sheet and the PDF embeds it as a TrueType (CID) font.
 */
import type { Browser } from "playwright-core";
import { BUNDLED_FONT_ORIGIN, bundledFontFile } from "./bundled-font.ts";
import { processChromium } from "./shared-chromium.ts";

/** A4 landscape (210 mm) less the 10 mm + 12 mm margins, in CSS px, with a little to spare. */
const PRINTABLE_HEIGHT_PX = ((210 - 10 - 12) * 96) / 25.4 - 6;

export interface PdfOptions {
  /** Print in this browser; otherwise in the process's Chromium (shared-chromium.ts). */
  browser?: Browser;
}

export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  if (opts.browser) return printIn(opts.browser, html);
  return processChromium().use((browser) => printIn(browser, html));
}

async function printIn(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    // The page makes no request beyond the bundled font's files: everything else is inline.
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith("data:")) return route.continue();
      const font = url.startsWith(BUNDLED_FONT_ORIGIN) ? bundledFontFile(url) : null;
      if (font) return route.fulfill({ body: font, contentType: "font/woff2" });
      return route.abort();
    });
    await page.emulateMedia({ media: "print" });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(async (height) => {
      void document.body.offsetHeight; // lay out, so the fonts the text needs start loading
      await document.fonts.ready;
      const paginate = (window as unknown as { __soseiPaginate?: (h: number) => number }).__soseiPaginate;
      paginate?.(height);
      void document.body.offsetHeight;
      await document.fonts.ready;
    }, PRINTABLE_HEIGHT_PX);
    const pdf = await page.pdf({
      format: "A4",
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      // Tagged: the structure and the document language (lang="ja") go into the PDF.
      tagged: true,
      // Page numbers are printed by paginate-script.ts in the bundled font: Chromium's footer
      // cannot use web fonts and would embed a host font.
      displayHeaderFooter: false,
      margin: { top: "10mm", bottom: "12mm", left: "8mm", right: "8mm" },
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}
