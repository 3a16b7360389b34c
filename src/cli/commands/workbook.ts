/**
 * `sosei workbook export` writes department workbooks of the open year (one department's XLSX, or
 * a ZIP of all); `sosei workbook import FILE` shows what a filled workbook would change per KPI and,
 * with --save, saves those rows as drafts (the same rules as the web: conflicts and submitted rows
 * are listed, never written; an unreadable cell saves nothing). For the planning section.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { SoseiError } from "../../core/errors.ts";
import { yearStatuses } from "../../core/review.ts";
import { parseCliArgs } from "../args.ts";
import type { Command } from "../command.ts";

const usage = `usage: sosei workbook export (--department NAME | --all) [-o FILE] [--municipality NAME] [--data-dir DIR]
       sosei workbook import FILE [--save] [--municipality NAME] [--data-dir DIR]
  export  the open year's workbook of one department (XLSX: its KPIs with last year's values, the
          cells to fill unlocked, the evaluation as a drop-down) or of every department (--all: ZIP).
          Written to FILE, or to its own name (2023年度_商工振興課_KPI記入シート.xlsx) here.
  import  reads a filled workbook and prints, per KPI, what would change (conflicts: edited on the
          web since the workbook was made — never overwritten). --save saves the changes as drafts.
  --municipality is needed only when the database holds several.`;

function readInput(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new SoseiError("invalid_input_file", `${file} を読めません: ${(e as Error).message}`);
  }
}

export const command: Command = {
  name: "workbook",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        department: { type: "string" },
        all: { type: "boolean", default: false },
        output: { type: "string", short: "o" },
        save: { type: "boolean", default: false },
        municipality: { type: "string" },
        "data-dir": { type: "string" },
      },
      usage,
    );
    const [action, file, ...rest] = positionals;
    if (action === "export" && (file !== undefined || Boolean(values.department) === values.all))
      throw new SoseiError(
        "usage_error",
        `--department NAME か --all のどちらかを指定してください\n${usage}`,
      );
    if (action === "import" && (!file || rest.length > 0))
      throw new SoseiError("usage_error", `取り込む記入シートを一つ指定してください\n${usage}`);
    if (action !== "export" && action !== "import")
      throw new SoseiError("usage_error", `sosei workbook export|import\n${usage}`);
    // The database and the workbook libraries load only once the usage is right.
    const [{ cliActor, createServicesFromCli }, store] = await Promise.all([
      import("../../server/services.ts"),
      import("../../store/index.ts"),
    ]);
    const services = await createServicesFromCli(values, io.stderr);
    const files = await services.workbookFiles();
    try {
      const open = yearStatuses(await store.kpiYears.yearProgress(services.db, values.municipality)).find(
        (y) => y.open,
      );
      if (!open)
        throw new SoseiError(
          "not_found",
          "入力中の年度がありません（sosei year open YEAR で開始してください）",
        );
      const where = { fiscalYear: open.fiscalYear, municipality: values.municipality ?? open.municipality };
      const now = services.clock.now();
      if (action === "export") {
        const d = values.all
          ? await files.allWorkbooksDownload(services.db, where, now)
          : await files.departmentWorkbookDownload(services.db, where, values.department!, now);
        const out = values.output ?? d.filename;
        writeFileSync(out, d.body);
        io.stderr(`書き出しました / written: ${out}（${where.fiscalYear}年度）\n`);
        return 0;
      }
      const planning = { role: "planning" as const, department: null };
      const { upload, plan } = await files.previewWorkbookFile(
        services.db,
        where,
        readInput(file!),
        planning,
      );
      io.stdout(files.formatPlan(plan));
      if (!values.save) {
        if (plan.counts.change > 0) io.stderr("保存するには --save を付けてください / add --save to save\n");
        return 0;
      }
      const changing = plan.rows.filter((r) => r.status === "change").map((r) => r.id!);
      const saved = await store.saveWorkbookUpload(
        services.db,
        where,
        upload,
        planning,
        { actor: cliActor(), clock: services.clock, ids: services.ids },
        changing,
      );
      io.stderr(`下書きとして保存しました / saved as drafts: ${saved.saved.length}件\n`);
      return 0;
    } finally {
      await services.close();
    }
  },
};
