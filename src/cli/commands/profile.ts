/**
 * `sosei profile show|forget`: the import mapping saved for the municipality (each column's meaning,
 * what the rating marks mean), which `sosei import --save` and the web import reuse for the next file
 * of the same layout. `show --json` prints it in the form `sosei import --profile FILE` takes, so that
 * planning can correct it as a file; `forget` deletes it (audit-logged) when it is wrong.
 */
import { SoseiError } from "../../core/errors.ts";
import { bandThreshold } from "../../core/scale-text.ts";
import { CATEGORY_LABELS_JA, type Category } from "../../core/sheet.ts";
import {
  cliActor,
  createServicesFromCli,
  forgetImportProfile,
  savedImportProfile,
} from "../../server/services.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei profile show [--json] [--municipality NAME] [--data-dir DIR]
       sosei profile forget [--municipality NAME] [--data-dir DIR]
  show    the import mapping saved for the municipality: each column's meaning and what the rating
          marks mean, the file it was confirmed on, who and when. --json: as sosei import --profile takes it.
  forget  delete it (audit-logged): the next import is read from the file's own headers and legend.
  --municipality is needed only when the database holds several.`;

export const command: Command = {
  name: "profile",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      { json: { type: "boolean" }, municipality: { type: "string" }, "data-dir": { type: "string" } },
      usage,
    );
    const [action, ...rest] = positionals;
    if ((action !== "show" && action !== "forget") || rest.length > 0)
      throw new SoseiError("usage_error", `sosei profile show|forget\n${usage}`);
    const services = await createServicesFromCli(values, io.stderr);
    try {
      if (action === "forget") {
        const gone = await forgetImportProfile(services, cliActor(), values.municipality);
        io.stdout(
          gone
            ? "取り込み設定を削除しました。次回の取り込みは、ファイルの見出しと凡例から読み取ります / forgotten\n"
            : "保存された取り込み設定はありません / none saved\n",
        );
        return 0;
      }
      const p = await savedImportProfile(services, values.municipality);
      if (!p) {
        io.stdout(values.json ? "null\n" : "保存された取り込み設定はありません / none saved\n");
        return 0;
      }
      if (values.json) {
        const columns = p.columns.map(({ year: _y, ...c }) => c);
        io.stdout(`${JSON.stringify({ layout: p.layout ?? undefined, columns, scale: p.scale }, null, 2)}\n`);
        return 0;
      }
      const label = (f: string) => p.fields.find((x) => x.field === f)?.label ?? f;
      const lines = [
        `${p.municipality}の取り込み設定（「${p.source ?? "—"}」、${new Date(p.updatedAt).toLocaleString("ja-JP")} ${p.updatedBy}）`,
        "列の対応:",
        ...p.columns.map(
          (c) => `  ${c.table > 1 ? `表${c.table}・` : ""}${c.col}列目 「${c.header}」 → ${label(c.field)}`,
        ),
        "評価の記号:",
        ...(p.scale?.bands.map(
          (b) => `  ${b.label} → ${CATEGORY_LABELS_JA[b.category as Category]}${bandThreshold(b)}`,
        ) ?? ["  （保存なし: ファイルの凡例から読み取ります）"]),
      ];
      io.stdout(`${lines.join("\n")}\n`);
      return 0;
    } finally {
      await services.close();
    }
  },
};
