/**
 * `sosei publish --out site/ [--from FILE ...]`: the public static site of the published years
 * (from the database), or of the given sheet files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { SoseiError } from "../../core/errors.ts";
import { evaluateSheet } from "../../core/evaluation/evaluate.ts";
import type { Sheet } from "../../core/sheet.ts";
import { sheetPrintHtml } from "../../report/print-html.ts";
import { buildSite, sheetBinaryPaths } from "../../report/site.ts";
import { createServicesFromCli } from "../../server/services.ts";
import { writeSheetXlsx } from "../../sheet/index.ts";
import { exportSheet, kpis, kpiYears, type YearIdentity, yearIdentity } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";
import { readSheetFile } from "./report.ts";

const usage = `usage: sosei publish --out DIR [--from SHEET_FILE ...] [--title TEXT] [--municipality NAME] [--data-dir DIR]
  --out DIR       where to write the site (index.html, sheet-YYYY.html, kpi/, data/ with each year's
                  PDF and Excel sheet and the open data)
  --from FILE     a sheet file, repeatable (one per year); without it, every published year in the database
  --title TEXT    the site's title
  The site has no script and makes no external request: serve the folder or open index.html from disk.`;

/** The years whose every KPI is published, as sheet/1 (newest first). */
async function publishedSheets(
  flags: { "data-dir"?: string; municipality?: string },
  warn: (t: string) => void,
) {
  const services = await createServicesFromCli(flags, warn);
  try {
    const [years, plans] = await Promise.all([kpiYears.listYears(services.db), kpis.listPlans(services.db)]);
    const cityOf = new Map(plans.map((p) => [p.id, p.municipality]));
    const published = years.filter(
      (y) =>
        (!flags.municipality || cityOf.get(y.planId) === flags.municipality) &&
        y.counts.published > 0 &&
        y.counts.draft + y.counts.submitted + y.counts.returned + y.counts.approved === 0,
    );
    // A site is one municipality's: with several in the database, the operator says which.
    const cities = [...new Set(published.map((y) => cityOf.get(y.planId)))];
    if (cities.length > 1)
      throw new SoseiError(
        "ambiguous_municipality",
        `公表済みの年度が複数の自治体にあります（${cities.join("、")}）。--municipality で指定してください / choose one with --municipality`,
      );
    const out: { sheet: Sheet; identity: YearIdentity }[] = [];
    for (const y of published) {
      const where = { fiscalYear: y.fiscalYear, municipality: cityOf.get(y.planId) };
      out.push({
        sheet: await exportSheet(services.db, where),
        identity: await yearIdentity(services.db, where),
      });
    }
    return out;
  } finally {
    await services.close();
  }
}

export const command: Command = {
  name: "publish",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        out: { type: "string" },
        from: { type: "string", multiple: true },
        title: { type: "string" },
        municipality: { type: "string" },
        "data-dir": { type: "string" },
      },
      usage,
    );
    if (positionals.length > 0)
      throw new SoseiError("usage_error", `unexpected argument: ${positionals[0]}\n${usage}`);
    if (!values.out) throw new SoseiError("usage_error", `--out を指定してください\n${usage}`);
    const entries: { sheet: Sheet; identity?: YearIdentity }[] = [];
    if (values.from && values.from.length > 0) {
      for (const f of values.from) entries.push({ sheet: await readSheetFile(f) });
    } else {
      entries.push(...(await publishedSheets(values, io.stderr)));
    }
    const sheets = entries.map((e) => e.sheet);
    if (sheets.length === 0)
      throw new SoseiError("not_found", "公表済みの年度がありません（--from でファイルを指定できます）");
    const seen = new Set<string>();
    for (const s of sheets) {
      const key = `${s.municipality ?? ""}/${s.fiscalYear}`;
      if (seen.has(key)) throw new SoseiError("invalid_input", `${s.fiscalYear}年度のシートが二つあります`);
      seen.add(key);
    }
    const files = buildSite(
      entries.map(({ sheet, identity }) => ({
        sheet,
        evaluation: evaluateSheet(sheet),
        identity: identity ?? null,
      })),
      { sheetFiles: true, ...(values.title ? { title: values.title } : {}) },
    );
    const out = resolve(values.out);
    for (const f of files) {
      const path = join(out, ...f.path.split("/"));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.content);
    }
    // The official sheet of each year beside the site (linked from its pages): PDF and Excel, every
    // year printed by the process's one Chromium (starting it costs more than printing a sheet).
    const { htmlToPdf } = await import("../../report/pdf.ts");
    for (const sheet of sheets) {
      const p = sheetBinaryPaths(sheet.fiscalYear);
      await writeFile(
        join(out, ...p.pdf.split("/")),
        await htmlToPdf(sheetPrintHtml(sheet, evaluateSheet(sheet))),
      );
      await writeFile(join(out, ...p.xlsx.split("/")), await writeSheetXlsx(sheet));
    }
    io.stderr(
      `${out}: ${files.length}ファイル（${sheets.length}年度）。${join(out, "index.html")} を開いてください\n`,
    );
    return 0;
  },
};
