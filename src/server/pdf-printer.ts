/**
 * The printer the web's sheet PDFs go through, a port of the services: Chromium by default
 * (report/pdf.ts, loaded with playwright-core on the first PDF, so nothing else pays for it).
 */

/** HTML → PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export const chromiumPrinter: PdfPrinter = async (html) => (await import("../report/pdf.ts")).htmlToPdf(html);
