/**
 * The printer the web's sheet PDFs go through, a port of the services: by default the process's
 * Chromium (report/shared-chromium.ts: one for every download, started on the first PDF; loaded
 * with playwright-core then, so nothing else pays for it).
 */

/** HTML → PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Prints in the process's Chromium. */
export const chromiumPrinter: PdfPrinter = async (html) => (await import("../report/pdf.ts")).htmlToPdf(html);
