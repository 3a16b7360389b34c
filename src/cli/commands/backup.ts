import { writeFileSync } from "node:fs";
import { SoseiError } from "../../core/errors.ts";
import { createServicesFromCli } from "../../server/services.ts";
import { createBackup, encodeBackup } from "../../store/index.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei backup FILE [--data-dir DIR]
  Writes the whole database as a gzip'd JSON dump (sosei-backup/1), restorable into PGlite or PostgreSQL.`;

export const command: Command = {
  name: "backup",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { "data-dir": { type: "string" } }, usage);
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0)
      throw new SoseiError(
        "usage_error",
        "ファイルを1つ指定してください / give one FILE (sosei backup --help)",
      );
    const services = await createServicesFromCli(values, io.stderr);
    try {
      const doc = await createBackup(services.db, services.clock);
      writeFileSync(file, encodeBackup(doc));
      const rows = doc.tables.reduce((n, [, r]) => n + r.length, 0);
      io.stdout(`${file}: ${rows}行 (${doc.tables.length}表, スキーマ ${doc.schemaVersion})\n`);
      return 0;
    } finally {
      await services.close();
    }
  },
};
