import { readFileSync } from "node:fs";
import { SoseiError } from "../../core/errors.ts";
import { createServicesFromCli } from "../../server/services.ts";
import { decodeBackup, restoreBackup } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei restore FILE [--force] [--data-dir DIR]
  Restores a dump made by \`sosei backup\` into an empty database (--force replaces a non-empty one).`;

export const command: Command = {
  name: "restore",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      { force: { type: "boolean", default: false }, "data-dir": { type: "string" } },
      usage,
    );
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0)
      throw new SoseiError(
        "usage_error",
        "ファイルを1つ指定してください / give one FILE (sosei restore --help)",
      );
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (e) {
      throw new SoseiError(
        "invalid_input_file",
        `${file} を読めません: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const doc = decodeBackup(data);
    const services = await createServicesFromCli(values, io.stderr);
    try {
      const counts = await restoreBackup(services.db, doc, { force: values.force });
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      io.stdout(
        `${file}: ${rows}行を復元しました (${services.database.kind} ${services.database.location})\n`,
      );
      return 0;
    } finally {
      await services.close();
    }
  },
};
