import { writeFileSync } from "node:fs";
import { SoseiError } from "../../core/errors.ts";
import { formatImportReport, importSheetFile } from "../../sheet/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei import FILE [-o OUT.json] [--report REPORT.json]
  Reads one fiscal year's evaluation sheet (PDF-extracted Markdown table, CSV in UTF-8 or Shift_JIS,
  XLSX, or sheet/1 JSON) and writes it as sheet/1 JSON to OUT (stdout unless -o). The import report
  (counts, every repair and inference) goes to stderr; --report also writes it as JSON.`;

export const command: Command = {
  name: "import",
  summary: "評価シートを sheet/1 に取り込む / import an evaluation sheet into sheet/1",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        output: { type: "string", short: "o" },
        report: { type: "string" },
      },
      usage,
    );
    if (positionals.length !== 1)
      throw new SoseiError("usage_error", `取り込むファイルを一つ指定してください\n${usage}`);
    const file = positionals[0]!;
    const outcome = await importSheetFile(file);
    if (!outcome.ok) {
      io.stderr(`sosei: ${file}: ${outcome.error.message} [${outcome.error.code}]\n`);
      return 2;
    }
    const json = `${JSON.stringify(outcome.sheet, null, 2)}\n`;
    if (values.output) writeFileSync(values.output, json);
    else io.stdout(json);
    if (values.report) writeFileSync(values.report, `${JSON.stringify(outcome.report, null, 2)}\n`);
    io.stderr(formatImportReport(outcome.report));
    return 0;
  },
};
