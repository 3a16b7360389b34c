import { writeFileSync } from "node:fs";
import { SoseiError } from "../../core/errors.ts";
import { evaluateSheet } from "../../core/evaluation/index.ts";
import type { Sheet } from "../../core/sheet.ts";
import { toOpenDataCsv, toOpenDataJson } from "../../report/open-data.ts";
import { createServicesFromCli } from "../../server/services.ts";
import { exportSheet, openDataYears, yearIdentity } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const FORMATS = ["json", "csv", "open-json"] as const;

const usage = `usage: sosei export --year YEAR [--format json] [-o FILE] [--municipality NAME] [--data-dir DIR]
       sosei export [--year YEAR] --format csv|open-json [--all] [-o FILE] [--municipality NAME] [--data-dir DIR]
  json       a stored fiscal year as sheet/1 JSON, exactly as imported (--year required).
  csv        open data: one row per KPI and year with its stable kpi_id and review_state, UTF-8 with
             BOM, plain numbers with the unit in its own column (docs/open-data.md); the published
             years, newest first, unless --year.
  open-json  open data: sheet/1 plus the evaluation, per year; the published years unless --year.
  --all      (planning) every stored year, drafts included; review_state tells them apart.
  Output goes to stdout unless -o. DATABASE_URL selects PostgreSQL.`;

export const command: Command = {
  name: "export",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        year: { type: "string" },
        format: { type: "string", default: "json" },
        output: { type: "string", short: "o" },
        municipality: { type: "string" },
        "data-dir": { type: "string" },
        all: { type: "boolean" },
      },
      usage,
    );
    if (positionals.length > 0)
      throw new SoseiError(
        "usage_error",
        `余分な引数です / unexpected argument: ${positionals[0]} (sosei export --help)`,
      );
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format))
      throw new SoseiError(
        "usage_error",
        `--format ${values.format} には対応していません（json, csv, open-json） / unsupported format (sosei export --help)`,
      );
    const year = values.year === undefined ? undefined : Number(values.year);
    if (
      (format === "json" && year === undefined) ||
      (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2200))
    )
      throw new SoseiError(
        "usage_error",
        "--year は西暦の年度で指定してください（例: --year 2022） / --year YEAR is required (sosei export --help)",
      );
    const services = await createServicesFromCli(values, io.stderr);
    try {
      const years =
        year !== undefined ? [year] : await openDataYears(services.db, { all: values.all === true });
      const sheets: Sheet[] = [];
      for (const fiscalYear of years)
        sheets.push(await exportSheet(services.db, { fiscalYear, municipality: values.municipality }));
      const text =
        format === "json"
          ? `${JSON.stringify(sheets[0], null, 2)}\n`
          : format === "csv"
            ? toOpenDataCsv(
                sheets,
                sheets.map((s) => evaluateSheet(s)),
                await Promise.all(
                  years.map((fiscalYear) =>
                    yearIdentity(services.db, { fiscalYear, municipality: values.municipality }),
                  ),
                ),
              )
            : toOpenDataJson(
                sheets,
                sheets.map((s) => evaluateSheet(s)),
              );
      if (values.output) {
        writeFileSync(values.output, text);
        const count = sheets.reduce((n, s) => n + s.kpis.length, 0);
        io.stderr(`${values.output}: ${count}件 (${years.map((y) => `${y}年度`).join("・")})\n`);
      } else io.stdout(text);
      return 0;
    } finally {
      await services.close();
    }
  },
};
