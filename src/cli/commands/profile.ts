/**
 * `sosei profile show|forget`: the import mappings saved for the municipality, one per layout it
 * imports (each column's meaning, what the rating marks mean), which `sosei import --save` and the web
 * import reuse for the next file of the same layout. `show --json` prints one in the form `sosei import
 * --profile FILE` takes, so that planning can correct it as a file; `forget` deletes one (or all,
 * audit-logged) when it is wrong. With several saved, N (as `show` numbers them) picks one.
 */
import type { SavedImportProfile } from "../../core/api/index.ts";
import { SoseiError } from "../../core/errors.ts";
import { bandThreshold } from "../../core/scale-text.ts";
import { CATEGORY_LABELS_JA, type Category } from "../../core/sheet.ts";
import {
  cliActor,
  createServicesFromCli,
  forgetImportProfiles,
  savedImportProfiles,
} from "../../server/services.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei profile show [N] [--json] [--municipality NAME] [--data-dir DIR]
       sosei profile forget [N | --all] [--municipality NAME] [--data-dir DIR]
  show    the import mappings saved for the municipality, one per layout, numbered newest first: each
          column's meaning and what the rating marks mean, the file it was confirmed on, who and when.
          --json: mapping N (needed when several are saved) as sosei import --profile takes it.
  forget  delete mapping N, or every one with --all (audit-logged): the next import of that layout is
          read from the file's own headers and legend. N may be left out when one is saved.
  --municipality is needed only when the database holds several.`;

const NONE = "保存された取り込み設定はありません / none saved\n";

/** Mapping N (1-based, as `show` numbers them), or the only one; refused when N is needed or out of range. */
function pick(saved: SavedImportProfile[], n: string | undefined): SavedImportProfile {
  if (n === undefined) {
    if (saved.length === 1) return saved[0]!;
    throw new SoseiError(
      "usage_error",
      `取り込み設定が${saved.length}件保存されています。番号を指定してください（sosei profile show で確認できます）\n${usage}`,
    );
  }
  const i = Number(n);
  if (!Number.isInteger(i) || i < 1 || i > saved.length)
    throw new SoseiError(
      "usage_error",
      `番号「${n}」の取り込み設定はありません（1〜${saved.length}）\n${usage}`,
    );
  return saved[i - 1]!;
}

function describe(p: SavedImportProfile, n: number, of: number): string[] {
  const label = (f: string) => p.fields.find((x) => x.field === f)?.label ?? f;
  return [
    `${of > 1 ? `${n}. ` : ""}${p.municipality}の取り込み設定（「${p.source ?? "—"}」、${new Date(p.updatedAt).toLocaleString("ja-JP")} ${p.updatedBy}）`,
    "列の対応:",
    ...p.columns.map(
      (c) => `  ${c.table > 1 ? `表${c.table}・` : ""}${c.col}列目 「${c.header}」 → ${label(c.field)}`,
    ),
    "評価の記号:",
    ...(p.scale?.bands.map(
      (b) => `  ${b.label} → ${CATEGORY_LABELS_JA[b.category as Category]}${bandThreshold(b)}`,
    ) ?? ["  （保存なし: ファイルの凡例から読み取ります）"]),
  ];
}

export const command: Command = {
  name: "profile",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        json: { type: "boolean" },
        all: { type: "boolean" },
        municipality: { type: "string" },
        "data-dir": { type: "string" },
      },
      usage,
    );
    const [action, n, ...rest] = positionals;
    if ((action !== "show" && action !== "forget") || rest.length > 0 || (values.all && n !== undefined))
      throw new SoseiError("usage_error", `sosei profile show|forget\n${usage}`);
    const services = await createServicesFromCli(values, io.stderr);
    try {
      const saved = await savedImportProfiles(services, values.municipality);
      if (saved.length === 0) {
        io.stdout(action === "show" && values.json ? "null\n" : NONE);
        return 0;
      }
      if (action === "forget") {
        const one = values.all ? undefined : pick(saved, n).fingerprint;
        const count = await forgetImportProfiles(services, cliActor(), {
          municipality: values.municipality,
          fingerprint: one,
        });
        io.stdout(
          `取り込み設定を${count}件削除しました。次回その様式の取り込みは、ファイルの見出しと凡例から読み取ります / forgotten\n`,
        );
        return 0;
      }
      if (values.json) {
        const p = pick(saved, n);
        const columns = p.columns.map(({ year: _y, ...c }) => c);
        io.stdout(`${JSON.stringify({ layout: p.layout ?? undefined, columns, scale: p.scale }, null, 2)}\n`);
        return 0;
      }
      const shown = n === undefined ? saved : [pick(saved, n)];
      const lines = shown.flatMap((p) => describe(p, saved.indexOf(p) + 1, saved.length));
      io.stdout(`${lines.join("\n")}\n`);
      return 0;
    } finally {
      await services.close();
    }
  },
};
