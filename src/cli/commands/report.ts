/**
 * `sosei report --year 2022 --pdf sheet.pdf [--xlsx sheet.xlsx] [--html sheet.html] [--from FILE]`:
 * the evaluation sheet as the city publishes it (PDF through Chromium, Excel through the importer's
 * writer). Without --from, the stored year is read through the composition root.
 */

import { writeFile } from "node:fs/promises";
import { systemClock } from "../../core/clock.ts";
import { SoseiError } from "../../core/errors.ts";
import { evaluateSheet } from "../../core/evaluation/evaluate.ts";
import type { Sheet } from "../../core/sheet.ts";
import { htmlToPdf } from "../../report/pdf.ts";
import { sheetPrintHtml } from "../../report/print-html.ts";
import { createServicesFromCli } from "../../server/services.ts";
import { importSheetFile, writeSheetXlsx } from "../../sheet/index.ts";
import { exportSheet } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { CliIo, Command } from "../command.ts";

const usage = `usage: sosei report --year YEAR --pdf FILE [--xlsx FILE] [--html FILE] [--from SHEET_FILE]
                    [--municipality NAME] [--data-dir DIR]
  --year YEAR     fiscal year (年度), e.g. 2022 for 令和4年度
  --pdf FILE      the printable evaluation sheet (A4 landscape, summary first page) as PDF
  --xlsx FILE     the sheet in the city's Excel layout (reads back with \`sosei import\`)
  --html FILE     the printable HTML the PDF is printed from
  --from FILE     read the sheet from a file (Markdown, CSV, XLSX, sheet/1 JSON) instead of the database
  PDF needs Chromium: apt-get install chromium fonts-noto-cjk (or set SOSEI_CHROMIUM).`;

/** Reads a sheet file through the importer; an unreadable file is SoseiError('invalid_input') (exit 2). */
export async function readSheetFile(path: string): Promise<Sheet> {
  const outcome = await importSheetFile(path, { today: systemClock.now() });
  if (!outcome.ok)
    throw new SoseiError("invalid_input", `${path}: ${outcome.error.message} (${outcome.error.code})`);
  return outcome.sheet;
}

/** A stored year as sheet/1. */
export async function readStoredSheet(
  flags: { "data-dir"?: string | undefined; municipality?: string | undefined },
  fiscalYear: number,
  io: CliIo,
): Promise<Sheet> {
  const services = await createServicesFromCli(flags, io.stderr);
  try {
    return await exportSheet(services.db, { fiscalYear, municipality: flags.municipality });
  } finally {
    await services.close();
  }
}

export function parseYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2200)
    throw new SoseiError("usage_error", `--year は西暦の年度で指定してください（例: --year 2022）\n${usage}`);
  return year;
}

export const command: Command = {
  name: "report",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        year: { type: "string" },
        pdf: { type: "string" },
        xlsx: { type: "string" },
        html: { type: "string" },
        from: { type: "string" },
        municipality: { type: "string" },
        "data-dir": { type: "string" },
      },
      usage,
    );
    if (positionals.length > 0)
      throw new SoseiError("usage_error", `unexpected argument: ${positionals[0]}\n${usage}`);
    if (!values.pdf && !values.xlsx && !values.html)
      throw new SoseiError("usage_error", `--pdf, --xlsx, --html のいずれかを指定してください\n${usage}`);
    const year = parseYear(values.year);

    let sheet: Sheet;
    if (values.from) {
      sheet = await readSheetFile(values.from);
      if (year !== null && sheet.fiscalYear !== year)
        throw new SoseiError(
          "invalid_year",
          `${values.from} は${sheet.fiscalYear}年度のシートです（--year ${year} と異なります）`,
        );
    } else {
      if (year === null) throw new SoseiError("usage_error", `--year を指定してください\n${usage}`);
      sheet = await readStoredSheet(values, year, io);
    }

    const html = sheetPrintHtml(sheet, evaluateSheet(sheet));
    if (values.html) {
      await writeFile(values.html, html);
      io.stderr(`${values.html}: HTML\n`);
    }
    if (values.pdf) {
      await writeFile(values.pdf, await htmlToPdf(html));
      io.stderr(`${values.pdf}: PDF (${sheet.kpis.length}件, ${sheet.fiscalYear}年度)\n`);
    }
    if (values.xlsx) {
      await writeFile(values.xlsx, await writeSheetXlsx(sheet));
      io.stderr(`${values.xlsx}: Excel (${sheet.kpis.length}件)\n`);
    }
    return 0;
  },
};
