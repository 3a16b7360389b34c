import { writeFileSync } from "node:fs";
import { SoseiError } from "../../core/errors.ts";
import { createServicesFromCli } from "../../server/services.ts";
import { exportSheet } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei export --year YEAR [--format json] [-o FILE] [--municipality NAME] [--data-dir DIR]
  Writes a stored fiscal year as sheet/1 JSON (stdout unless -o). DATABASE_URL selects PostgreSQL.`;

export const command: Command = {
  name: "export",
  summary: "保存済みの年度を sheet/1 で書き出す / write a stored year as sheet/1",
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
      },
      usage,
    );
    if (positionals.length > 0)
      throw new SoseiError(
        "usage_error",
        `余分な引数です / unexpected argument: ${positionals[0]} (sosei export --help)`,
      );
    const year = Number(values.year);
    if (!values.year || !Number.isInteger(year) || year < 1900 || year > 2200)
      throw new SoseiError(
        "usage_error",
        "--year は西暦の年度で指定してください（例: --year 2022） / --year YEAR is required (sosei export --help)",
      );
    if (values.format !== "json")
      throw new SoseiError(
        "usage_error",
        `--format ${values.format} には対応していません（json のみ） / unsupported format (sosei export --help)`,
      );
    const services = await createServicesFromCli(values, io.stderr);
    try {
      const sheet = await exportSheet(services.db, { fiscalYear: year, municipality: values.municipality });
      const text = `${JSON.stringify(sheet, null, 2)}\n`;
      if (values.output) {
        writeFileSync(values.output, text);
        io.stderr(`${values.output}: ${sheet.kpis.length}件 (${year}年度)\n`);
      } else io.stdout(text);
      return 0;
    } finally {
      await services.close();
    }
  },
};
