/**
 * Publishing: Sosei's PDF of a sheet (print HTML → Chromium, browser started and closed as
 * `sosei report --pdf` does) against what a city does today: LibreOffice converting the XLSX export.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { evaluateSheet } from "../src/core/evaluation/index.ts";
import type { Sheet } from "../src/core/sheet.ts";
import { launchChromium } from "../src/report/chromium.ts";
import { htmlToPdf } from "../src/report/pdf.ts";
import { sheetPrintHtml } from "../src/report/print-html.ts";
import { writeSheetXlsx } from "../src/sheet/index.ts";
import { timeRuns } from "./stats.ts";

export const LIBREOFFICE_MISSING = "skipped: libreoffice not installed (apt-get install libreoffice-calc)";

export interface PdfFigure {
  kpis: number;
  soseiMs: number[];
  soseiBytes: number;
  /** The same with a browser already running (htmlToPdf's `browser` option), as a server could keep one. */
  soseiWarmMs: number[];
  xlsxMs: number[];
  libreoffice: { ms: number[]; bytes: number } | { skipped: string };
}

function findLibreoffice(): string | null {
  for (const bin of ["libreoffice", "soffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${bin}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export async function measurePdf(sheet: Sheet, runs: number): Promise<PdfFigure> {
  const dir = mkdtempSync(path.join(tmpdir(), "sosei-bench-pdf-"));
  try {
    let pdf: Uint8Array = new Uint8Array();
    const soseiMs = await timeRuns(runs, async () => {
      pdf = await htmlToPdf(sheetPrintHtml(sheet, evaluateSheet(sheet)));
    });
    const browser = await launchChromium();
    let soseiWarmMs: number[];
    try {
      soseiWarmMs = await timeRuns(runs, () =>
        htmlToPdf(sheetPrintHtml(sheet, evaluateSheet(sheet)), { browser }),
      );
    } finally {
      await browser.close();
    }
    let xlsx: Uint8Array = new Uint8Array();
    const xlsxMs = await timeRuns(runs, async () => {
      xlsx = await writeSheetXlsx(sheet);
    });
    const xlsxPath = path.join(dir, "sheet.xlsx");
    writeFileSync(xlsxPath, xlsx);
    const lo = findLibreoffice();
    let libreoffice: PdfFigure["libreoffice"] = { skipped: LIBREOFFICE_MISSING };
    if (lo) {
      const profile = `file://${path.join(dir, "lo-profile")}`;
      const convert = () => {
        const r = spawnSync(
          lo,
          [
            `-env:UserInstallation=${profile}`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            xlsxPath,
          ],
          { encoding: "utf8", timeout: 120_000 },
        );
        if (r.status !== 0) throw new Error(`libreoffice failed: ${r.stderr || r.error?.message}`);
      };
      // The warm-up run creates LibreOffice's user profile; it is not counted.
      const ms = await timeRuns(runs, convert);
      libreoffice = { ms, bytes: statSync(path.join(dir, "sheet.pdf")).size };
    }
    return { kpis: sheet.kpis.length, soseiMs, soseiBytes: pdf.length, soseiWarmMs, xlsxMs, libreoffice };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
